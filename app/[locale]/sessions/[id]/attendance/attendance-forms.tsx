"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult } from "@/lib/actions/action-result";
import { completeSessionAction, markAllPresentAction } from "@/lib/attendance/attendance.actions";
import { revokeCertificateAction } from "@/lib/certificates/certificates.actions";

/** Marks every confirmed trainee without a mark for the meeting as present. */
export function MarkAllPresentForm({ sessionId, meetingId }: { sessionId: string; meetingId: string }) {
  const t = useTranslations("attendance.markAll");
  const [state, action] = useActionState(markAllPresentAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <div className="flex flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-3">
        <SubmitButton size="lg" variant="secondary" pendingLabel={t("pending")} className="w-full sm:w-auto">
          {t("button")}
        </SubmitButton>
        <p className="text-sm text-muted-foreground">{t("hint")}</p>
      </div>
      <ActionResultAlert state={state} />
    </form>
  );
}

/** Completes the session after a confirmation that says what will happen. */
export function CompleteSessionForm({ sessionId, preview }: { sessionId: string; preview: string }) {
  const t = useTranslations("attendance.completion");
  const [state, action] = useActionState(completeSessionAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <ActionResultAlert state={state} />
      <p className="text-sm">{preview}</p>
      <div>
        <ConfirmDialog
          trigger={t("button")}
          triggerSize="lg"
          variant="default"
          title={t("confirmTitle")}
          description={
            <>
              <p>{preview}</p>
              <p className="mt-2">{t("confirmDescription")}</p>
            </>
          }
          confirmLabel={t("confirm")}
        />
      </div>
    </form>
  );
}

/** Admins revoke a certificate, with a reason kept in the audit log. */
export function RevokeCertificateForm({ code, name }: { code: string; name: string }) {
  const t = useTranslations("certificates.revoke");
  const [state, action] = useActionState(revokeCertificateAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-1.5" noValidate>
      <input type="hidden" name="code" value={code} />
      <ConfirmDialog
        trigger={t("button")}
        triggerSize="sm"
        triggerVariant="outline"
        title={t("title", { name })}
        description={t("description", { code })}
        confirmLabel={t("confirm")}
      >
        <FormField label={t("reason")} required errors={state.fieldErrors?.reason}>
          <Textarea name="reason" rows={3} maxLength={500} required defaultValue={state.values?.reason} />
        </FormField>
      </ConfirmDialog>
      <ActionResultAlert state={state} />
    </form>
  );
}
