"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { retryOutboxMessageAction } from "@/lib/notifications/outbox.actions";

/**
 * Re-queues a FAILED or UNCERTAIN mail. An UNCERTAIN one may already have arrived, so the
 * button opens a confirmation first and only its confirm button submits (with
 * confirmDuplicate, which the server requires for UNCERTAIN rows).
 */
export function RetryForm({ id, uncertain }: { id: string; uncertain: boolean }) {
  const t = useTranslations("outbox.retry");
  const [state, formAction] = useActionState(retryOutboxMessageAction, initialActionResult);
  const error = state.formError ?? state.fieldErrors?.confirmDuplicate?.[0];

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-muted-foreground">
        {uncertain ? t("uncertainHelp") : t("failedHelp")}
      </p>
      <div aria-live="polite" aria-atomic="true">
        {!state.ok && error ? <Alert variant="error">{error}</Alert> : null}
      </div>
      {uncertain ? (
        <ConfirmDialog
          trigger={t("submit")}
          title={t("confirmTitle")}
          description={t("confirmDescription")}
          confirmLabel={t("confirm")}
          triggerVariant="outline"
          triggerClassName="self-start"
        >
          <input type="hidden" name="confirmDuplicate" value="true" />
        </ConfirmDialog>
      ) : (
        <SubmitButton variant="outline" className="self-start" pendingLabel={t("pending")}>
          {t("submit")}
        </SubmitButton>
      )}
    </form>
  );
}
