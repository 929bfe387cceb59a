"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField } from "@/components/forms/name-field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import {
  addMemberAction,
  removeMemberAction,
  resendInvitationAction,
  setCohortArchivedAction,
  updateMemberAction,
} from "@/lib/cohorts/cohorts.actions";
import { DEPARTMENT_MAX, STUDENT_NUMBER_MAX } from "@/lib/cohorts/cohorts.schemas";
import { cn } from "@/lib/utils";

/** The outcome of a row's action, announced politely next to the control. */
function RowStatus({ state }: { state: ActionResult }) {
  const text = state.formError
    ? [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ")
    : state.ok
      ? state.message
      : undefined;
  return (
    <p
      aria-live="polite"
      className={cn("text-xs", state.ok ? "text-success-fg" : "font-medium text-destructive")}
    >
      {text}
    </p>
  );
}

type MemberValues = {
  name: string;
  email: string;
  studentNumber: string;
  department: string;
  locale: string;
};

/** The fields of a member, shared by the add form and the edit page. */
function MemberFields({
  state,
  initial,
  emailLocked,
  emailHint,
}: {
  state: ActionResult;
  initial: MemberValues;
  /** A joined member's address belongs to their account: shown, submitted, not editable. */
  emailLocked?: string;
  emailHint?: string;
}) {
  const t = useTranslations("cohorts.members");
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <NameField label={t("name")} errors={errors.name} defaultValue={v.name} />
      {emailLocked ? (
        <FormField label={t("email")} description={emailLocked} errors={errors.email}>
          <Input name="email" type="email" value={initial.email} readOnly />
        </FormField>
      ) : (
        <EmailField
          label={t("email")}
          description={emailHint}
          errors={errors.email}
          defaultValue={v.email}
          autoComplete="off"
        />
      )}
      <FormField label={t("studentNumber")} errors={errors.studentNumber}>
        <Input name="studentNumber" defaultValue={v.studentNumber} maxLength={STUDENT_NUMBER_MAX} />
      </FormField>
      <FormField label={t("department")} errors={errors.department}>
        <Input name="department" defaultValue={v.department} maxLength={DEPARTMENT_MAX} />
      </FormField>
    </>
  );
}

export function AddMemberForm({ cohortId }: { cohortId: string }) {
  const locale = useLocale();
  return (
    <ActionForm action={addMemberAction} messages="cohorts.members" submitClassName="self-start">
      {(state, t) => (
        <>
          <input type="hidden" name="cohortId" value={cohortId} />
          <MemberFields
            state={state}
            initial={{ name: "", email: "", studentNumber: "", department: "", locale }}
          />
          <LocaleSelectField
            label={t("locale")}
            description={t("localeHint")}
            errors={state.fieldErrors?.locale}
            defaultValue={state.values?.locale ?? locale}
          />
        </>
      )}
    </ActionForm>
  );
}

export function EditMemberForm({
  cohortId,
  memberId,
  initial,
  joined,
}: {
  cohortId: string;
  memberId: string;
  initial: MemberValues;
  joined: boolean;
}) {
  return (
    <ActionForm
      action={updateMemberAction}
      messages="cohorts.editMember"
      submitClassName="self-start"
    >
      {(state, t) => (
        <>
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="memberId" value={memberId} />
          <MemberFields
            state={state}
            initial={initial}
            emailLocked={joined ? t("emailLocked") : undefined}
            emailHint={t("emailChangeHint")}
          />
          {joined ? (
            // Required by the form's schema; only used when an address changes, which it cannot here.
            <input type="hidden" name="locale" value={initial.locale} />
          ) : (
            <LocaleSelectField
              label={t("locale")}
              description={t("localeHint")}
              errors={state.fieldErrors?.locale}
              defaultValue={state.values?.locale ?? initial.locale}
            />
          )}
        </>
      )}
    </ActionForm>
  );
}

export function ResendInvitationForm({
  cohortId,
  memberId,
  memberName,
  locale,
}: {
  cohortId: string;
  memberId: string;
  memberName: string;
  /** The language of the previous invitation, kept for the new one. */
  locale: string;
}) {
  const t = useTranslations("cohorts.members");
  const [state, action] = useActionState(resendInvitationAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-1" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="locale" value={locale} />
      <SubmitButton
        size="sm"
        variant="outline"
        pendingLabel={t("resending")}
        aria-label={t("resendFor", { name: memberName })}
      >
        {t("resend")}
      </SubmitButton>
      <RowStatus state={state} />
    </form>
  );
}

export function RemoveMemberForm({
  cohortId,
  memberId,
  memberName,
}: {
  cohortId: string;
  memberId: string;
  memberName: string;
}) {
  const t = useTranslations("cohorts.members");
  const [state, action] = useActionState(removeMemberAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-1" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="memberId" value={memberId} />
      <ConfirmDialog
        trigger={
          <>
            <span aria-hidden="true">{t("remove")}</span>
            <span className="sr-only">{t("removeFor", { name: memberName })}</span>
          </>
        }
        triggerSize="sm"
        triggerVariant="ghost"
        title={t("removeTitle", { name: memberName })}
        description={t("removeDescription")}
        confirmLabel={t("remove")}
      />
      <RowStatus state={state} />
    </form>
  );
}

/** Archive (with confirmation) or restore a cohort. */
export function ArchiveCohortForm({
  cohortId,
  cohortName,
  archived,
}: {
  cohortId: string;
  cohortName: string;
  archived: boolean;
}) {
  const t = useTranslations("cohorts.detail");
  const [state, action] = useActionState(setCohortArchivedAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-1" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <ConfirmDialog
        trigger={archived ? t("restore") : t("archive")}
        triggerVariant="outline"
        variant={archived ? "default" : "destructive"}
        title={
          archived
            ? t("restoreTitle", { name: cohortName })
            : t("archiveTitle", { name: cohortName })
        }
        description={archived ? t("restoreDescription") : t("archiveDescription")}
        confirmLabel={archived ? t("restore") : t("archive")}
      />
      <RowStatus state={state} />
    </form>
  );
}
