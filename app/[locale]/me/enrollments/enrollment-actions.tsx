"use client";

import { useTranslations } from "next-intl";
import { type ReactNode } from "react";
import { ActionAnnouncer, useAnnouncedAction } from "@/components/forms/action-announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/action-result";
import {
  cancelEnrollmentAction,
  claimOfferAction,
  declineOfferAction,
} from "@/lib/enrollments/enrollments.actions";
import { REASON_MAX } from "@/lib/enrollments/enrollments.schemas";

export function EnrollmentActionsProvider({ children }: { children: ReactNode }) {
  return <ActionAnnouncer className="mb-6">{children}</ActionAnnouncer>;
}

/** A refusal (e.g. the cut-off has just passed), next to the button; the card stays. */
function RefusalMessage({ state }: { state: ActionResult }) {
  return (
    <p aria-live="polite" className="mt-1.5 text-sm font-medium text-destructive empty:mt-0">
      {state.ok ? null : state.formError}
    </p>
  );
}

/** The course title, for screen readers only: "Cancel enrollment: Upstream basics". */
function ForCourse({ title }: { title: string }) {
  return <span className="sr-only">: {title}</span>;
}

export function ClaimOfferForm({
  enrollmentId,
  courseTitle,
}: {
  enrollmentId: string;
  courseTitle: string;
}) {
  const t = useTranslations("myEnrollments.offer");
  const [state, formAction] = useAnnouncedAction(claimOfferAction);
  return (
    <form action={formAction} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <SubmitButton pendingLabel={t("claiming")}>
        {t("claim")}
        <ForCourse title={courseTitle} />
      </SubmitButton>
      <RefusalMessage state={state} />
    </form>
  );
}

export function DeclineOfferForm({
  enrollmentId,
  courseTitle,
}: {
  enrollmentId: string;
  courseTitle: string;
}) {
  const t = useTranslations("myEnrollments.offer");
  const [state, formAction] = useAnnouncedAction(declineOfferAction);
  return (
    <form action={formAction} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("decline")}
            <ForCourse title={courseTitle} />
          </>
        }
        triggerVariant="outline"
        title={t("declineTitle", { course: courseTitle })}
        description={t("declineDescription")}
        confirmLabel={t("declineConfirm")}
        cancelLabel={t("declineKeep")}
      />
      <RefusalMessage state={state} />
    </form>
  );
}

/** What cancelling means differs by what the trainee holds; each kind has its own wording. */
export type CancelKind = "seat" | "waitlist" | "request";

export function CancelEnrollmentForm({
  enrollmentId,
  courseTitle,
  kind,
  waitlistPosition,
}: {
  enrollmentId: string;
  courseTitle: string;
  kind: CancelKind;
  waitlistPosition?: number | null;
}) {
  const t = useTranslations(`myEnrollments.cancel.${kind}`);
  const tReason = useTranslations("myEnrollments.cancel");
  const [state, formAction] = useAnnouncedAction(cancelEnrollmentAction);
  return (
    <form action={formAction} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("trigger")}
            <ForCourse title={courseTitle} />
          </>
        }
        triggerVariant="outline"
        title={t("title", { course: courseTitle })}
        description={t("description", { position: waitlistPosition ?? 0 })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      >
        <FormField
          id={`cancel-reason-${enrollmentId}`}
          label={tReason("reason")}
          description={tReason("reasonHint")}
          errors={state.fieldErrors?.reason}
        >
          <Textarea
            name="reason"
            rows={3}
            maxLength={REASON_MAX}
            defaultValue={state.values?.reason}
          />
        </FormField>
      </ConfirmDialog>
      <RefusalMessage state={state} />
    </form>
  );
}
