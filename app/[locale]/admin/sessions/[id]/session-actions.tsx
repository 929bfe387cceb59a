"use client";

import { Copy, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionResultAlert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult } from "@/lib/actions/action-result";
import {
  cancelSessionAction,
  cloneSessionAction,
  publishSessionAction,
} from "@/lib/sessions/sessions.actions";
import { CANCEL_REASON_MAX } from "@/lib/sessions/sessions.schemas";
import { ScheduleMessage } from "../schedule-message";

/** DRAFT → PUBLISHED. */
export function PublishForm({ sessionId, hasMeetings }: { sessionId: string; hasMeetings: boolean }) {
  const t = useTranslations("adminSessions.overview");
  const [state, action] = useActionState(publishSessionAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <p className="text-sm text-muted-foreground">
        {hasMeetings ? t("publishHint") : t("publishNeedsMeetings")}
      </p>
      <SubmitButton className="self-start" pendingLabel={t("publishing")}>
        <Send aria-hidden="true" />
        {t("publish")}
      </SubmitButton>
    </form>
  );
}

/** A copy on a new first day: meetings and deadlines move by the same number of days. */
export function CloneForm({ sessionId, defaultDate }: { sessionId: string; defaultDate: string }) {
  const t = useTranslations("adminSessions.overview");
  const [state, action] = useActionState(cloneSessionAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <ScheduleMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormField
        label={t("cloneDate")}
        description={t("cloneHint")}
        errors={state.fieldErrors?.firstDate}
        required
      >
        <Input type="date" name="firstDate" defaultValue={state.values?.firstDate ?? defaultDate} required />
      </FormField>
      <SubmitButton variant="outline" className="self-start" pendingLabel={t("cloning")}>
        <Copy aria-hidden="true" />
        {t("clone")}
      </SubmitButton>
    </form>
  );
}

/** Cancels the session through the enrollment engine, after a confirmation naming who is told. */
export function CancelSessionForm({ sessionId, notify }: { sessionId: string; notify: number }) {
  const t = useTranslations("adminSessions.overview");
  const [state, action] = useActionState(cancelSessionAction, initialActionResult);
  // The reason's own message sits in the closed dialog: repeat it next to the button.
  const reasonError = state.fieldErrors?.reason?.join(" ");
  const shown = reasonError ? { ...state, formError: `${state.formError ?? ""} ${reasonError}`.trim() } : state;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <ActionResultAlert state={shown} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <p className="text-sm text-muted-foreground">{t("cancelHint")}</p>
      <ConfirmDialog
        trigger={t("cancelSession")}
        triggerClassName="self-start"
        title={t("cancelTitle")}
        description={t("cancelDescription", { count: notify })}
        confirmLabel={t("cancelConfirm")}
        cancelLabel={t("cancelKeep")}
      >
        <FormField label={t("cancelReason")} errors={state.fieldErrors?.reason} required>
          <Textarea name="reason" rows={3} maxLength={CANCEL_REASON_MAX} required />
        </FormField>
      </ConfirmDialog>
    </form>
  );
}
