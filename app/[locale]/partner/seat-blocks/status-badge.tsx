import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { SeatBlockDisplayStatus } from "@/lib/cohorts/seat-blocks.rules";

const VARIANT: Record<SeatBlockDisplayStatus, BadgeVariant> = {
  REQUESTED: "warning",
  APPROVED: "info",
  PARTLY_CLAIMED: "info",
  FULLY_CLAIMED: "success",
  RELEASED: "neutral",
  REJECTED: "danger",
  CANCELLED: "neutral",
};

/** A seat block's status as coordinators and admins read it (requested, partly claimed, …). */
export function SeatBlockStatusBadge({ status }: { status: SeatBlockDisplayStatus }) {
  const t = useTranslations("seatBlocks.status");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}
