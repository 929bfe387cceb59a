import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";

const variants: Record<OutboxStatus, BadgeVariant> = {
  PENDING: "info",
  SENDING: "neutral",
  SENT: "success",
  FAILED: "danger",
  UNCERTAIN: "warning",
};

/** The status in words (never colour alone), e.g. "Failed (retries stopped)". */
export function OutboxStatusBadge({ status, gaveUp }: { status: OutboxStatus; gaveUp: boolean }) {
  const t = useTranslations("outbox.status");
  return <Badge variant={variants[status]}>{gaveUp ? t("gaveUp") : t(status)}</Badge>;
}

/** A template's name in the reader's language; a template this build does not know shows its id. */
export function useTemplateLabel(): (template: string) => string {
  const t = useTranslations("outbox.templates");
  return (template) => {
    const key = template as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : template;
  };
}
