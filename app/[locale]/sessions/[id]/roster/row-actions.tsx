"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { ActionAnnouncer, useAnnouncedAction } from "@/components/forms/action-announcer";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import { REASON_MAX } from "@/lib/enrollments/enrollments.schemas";
import type { PaymentStatus } from "@/lib/generated/prisma/enums";
import {
  approveEnrollmentAction,
  cancelTraineeAction,
  moveTraineeAction,
  rejectEnrollmentAction,
  reorderWaitlistAction,
  updatePaymentAction,
} from "@/lib/rosters/rosters.actions";
import { INVOICE_REF_MAX, PAYMENT_STATUSES } from "@/lib/rosters/rosters.schemas";
import { cn } from "@/lib/utils";

export type MoveOption = { id: string; label: string };

export function RosterAnnouncer({ children }: { children: ReactNode }) {
  return <ActionAnnouncer className="mb-4">{children}</ActionAnnouncer>;
}

/** A refusal next to the control, field messages included (the dialog with the field has closed). */
function Refusal({ state }: { state: ActionResult }) {
  const text = state.ok
    ? null
    : [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean).join(" ");
  return (
    <p
      aria-live="polite"
      className="mt-1 text-xs font-medium whitespace-normal text-destructive empty:mt-0"
    >
      {text}
    </p>
  );
}

/** "Cancel" for sighted users, "Cancel: Kim Minji" for screen readers. */
function ForPerson({ name }: { name: string }) {
  return <span className="sr-only">: {name}</span>;
}

function ReasonField({ id, label, state }: { id: string; label: string; state: ActionResult }) {
  return (
    <FormField id={id} label={label} errors={state.fieldErrors?.reason} required>
      <Textarea
        name="reason"
        rows={3}
        maxLength={REASON_MAX}
        defaultValue={state.values?.reason}
        required
      />
    </FormField>
  );
}

export function ApproveForm({ enrollmentId, name }: { enrollmentId: string; name: string }) {
  const t = useTranslations("roster.approve");
  const [state, action] = useAnnouncedAction(approveEnrollmentAction);
  return (
    <form action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <SubmitButton size="sm" pendingLabel={t("pending")}>
        {t("trigger")}
        <ForPerson name={name} />
      </SubmitButton>
      <Refusal state={state} />
    </form>
  );
}

export function RejectForm({ enrollmentId, name }: { enrollmentId: string; name: string }) {
  const t = useTranslations("roster.reject");
  const [state, action] = useAnnouncedAction(rejectEnrollmentAction);
  return (
    <form action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("trigger")}
            <ForPerson name={name} />
          </>
        }
        triggerVariant="outline"
        triggerSize="sm"
        title={t("title", { name })}
        description={t("description", { name })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      >
        <ReasonField id={`reject-reason-${enrollmentId}`} label={t("reason")} state={state} />
      </ConfirmDialog>
      <Refusal state={state} />
    </form>
  );
}

export function CancelForm({ enrollmentId, name }: { enrollmentId: string; name: string }) {
  const t = useTranslations("roster.cancel");
  const [state, action] = useAnnouncedAction(cancelTraineeAction);
  return (
    <form action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("trigger")}
            <ForPerson name={name} />
          </>
        }
        triggerVariant="outline"
        triggerSize="sm"
        title={t("title", { name })}
        description={t("description", { name })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      >
        <ReasonField id={`cancel-reason-${enrollmentId}`} label={t("reason")} state={state} />
      </ConfirmDialog>
      <Refusal state={state} />
    </form>
  );
}

export function MoveForm({
  enrollmentId,
  name,
  options,
}: {
  enrollmentId: string;
  name: string;
  options: MoveOption[];
}) {
  const t = useTranslations("roster.move");
  const [state, action] = useAnnouncedAction(moveTraineeAction);
  const targetId = `move-target-${enrollmentId}`;
  return (
    <form action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("trigger")}
            <ForPerson name={name} />
          </>
        }
        variant="default"
        triggerVariant="outline"
        triggerSize="sm"
        title={t("title", { name })}
        description={t("description", { name })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      >
        <FormField
          id={targetId}
          label={t("target")}
          errors={state.fieldErrors?.toSessionId}
          required
        >
          <Select name="toSessionId" defaultValue={state.values?.toSessionId ?? ""} required>
            <option value="">{t("choose")}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </FormField>
        <ReasonField id={`move-reason-${enrollmentId}`} label={t("reason")} state={state} />
      </ConfirmDialog>
      <Refusal state={state} />
    </form>
  );
}

export function ReorderForm({
  enrollmentId,
  name,
  position,
  total,
}: {
  enrollmentId: string;
  name: string;
  position: number;
  total: number;
}) {
  const t = useTranslations("roster.reorder");
  const [state, action] = useAnnouncedAction(reorderWaitlistAction);
  return (
    <form action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <ConfirmDialog
        trigger={
          <>
            {t("trigger")}
            <ForPerson name={name} />
          </>
        }
        variant="default"
        triggerVariant="outline"
        triggerSize="sm"
        title={t("title", { name })}
        description={t("description", { name, position, total })}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
      >
        <FormField
          id={`reorder-position-${enrollmentId}`}
          label={t("position", { max: total })}
          errors={state.fieldErrors?.position}
          required
          className="max-w-40"
        >
          <Input
            name="position"
            type="number"
            inputMode="numeric"
            min={1}
            max={total}
            defaultValue={state.values?.position ?? position}
            required
          />
        </FormField>
        <ReasonField id={`reorder-reason-${enrollmentId}`} label={t("reason")} state={state} />
      </ConfirmDialog>
      <Refusal state={state} />
    </form>
  );
}

/** The id of a row's payment form; its status select sits in another cell (`form` attribute). */
const paymentFormId = (enrollmentId: string) => `payment-${enrollmentId}`;

/**
 * The payment status of a row, editable by admins. The select lives in the payment column and
 * belongs to the form in the invoice column through its `form` attribute, so each value sits in
 * its own sortable column and one Save sends both.
 */
export function PaymentStatusSelect({
  enrollmentId,
  name,
  paymentStatus,
}: {
  enrollmentId: string;
  name: string;
  paymentStatus: PaymentStatus;
}) {
  const t = useTranslations("roster");
  const id = `payment-status-${enrollmentId}`;
  return (
    <div className="w-36">
      <label htmlFor={id} className="sr-only">
        {t("paymentForm.status", { name })}
      </label>
      <Select
        // Remounted when the saved value changes, so it always starts from what is stored.
        key={paymentStatus}
        id={id}
        name="paymentStatus"
        form={paymentFormId(enrollmentId)}
        defaultValue={paymentStatus}
        className="h-9"
      >
        {PAYMENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`payment.${status}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function PaymentForm({
  enrollmentId,
  name,
  invoiceRef,
}: {
  enrollmentId: string;
  name: string;
  invoiceRef: string | null;
}) {
  const t = useTranslations("roster.paymentForm");
  const [state, action] = useActionState(updatePaymentAction, initialActionResult);
  const inputId = `invoice-ref-${enrollmentId}`;
  return (
    <form id={paymentFormId(enrollmentId)} action={action} className="flex flex-col" noValidate>
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          {t("invoiceRef", { name })}
        </label>
        <Input
          key={invoiceRef ?? ""}
          id={inputId}
          name="invoiceRef"
          maxLength={INVOICE_REF_MAX}
          defaultValue={
            state.ok ? (invoiceRef ?? "") : (state.values?.invoiceRef ?? invoiceRef ?? "")
          }
          placeholder={t("invoicePlaceholder")}
          aria-invalid={state.fieldErrors?.invoiceRef ? true : undefined}
          className="h-9 w-40"
        />
        <SubmitButton size="sm" variant="outline" pendingLabel={t("saving")}>
          {t("save")}
          <ForPerson name={name} />
        </SubmitButton>
      </div>
      <p
        aria-live="polite"
        className={cn(
          "mt-1 text-xs whitespace-normal empty:mt-0",
          state.ok ? "text-success-fg" : "font-medium text-destructive",
        )}
      >
        {state.ok
          ? state.message
          : [state.formError, ...Object.values(state.fieldErrors ?? {}).flat()]
              .filter(Boolean)
              .join(" ")}
      </p>
    </form>
  );
}
