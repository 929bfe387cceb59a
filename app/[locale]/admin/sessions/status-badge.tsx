import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

const variants: Record<SessionStatus, BadgeVariant> = {
  DRAFT: "neutral",
  PUBLISHED: "success",
  CANCELLED: "danger",
  COMPLETED: "info",
};

/** A session's status in words (never colour alone). */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useTranslations("adminSessions.status");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}
