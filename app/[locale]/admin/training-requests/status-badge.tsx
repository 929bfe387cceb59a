import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TrainingRequestStatus } from "@/lib/generated/prisma/enums";

const variants: Record<TrainingRequestStatus, BadgeVariant> = {
  NEW: "info",
  CONTACTED: "warning",
  PROPOSAL_SENT: "secondary",
  SCHEDULED: "success",
  CLOSED: "neutral",
};

/** A pipeline stage in words (never colour alone). */
export function TrainingRequestStatusBadge({ status }: { status: TrainingRequestStatus }) {
  const t = useTranslations("adminTrainingRequests.statuses");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}
