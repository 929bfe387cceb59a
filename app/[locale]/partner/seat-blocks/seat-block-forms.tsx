"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { ActionResultAlert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult } from "@/lib/actions/action-result";
import {
  assignSeatAction,
  releaseSeatsAction,
  requestSeatBlockAction,
  sendClaimLinksAction,
  withdrawSeatBlockAction,
} from "@/lib/cohorts/seat-blocks.actions";
import { SEAT_BLOCK_NOTE_MAX, SEAT_BLOCK_SEATS_MAX } from "@/lib/cohorts/seat-blocks.schemas";

export type Option = { id: string; label: string };

/** A coordinator asks for seats in a session for one of their cohorts. */
export function RequestSeatBlockForm({
  sessions,
  cohorts,
}: {
  sessions: Option[];
  cohorts: Option[];
}) {
  return (
    <ActionForm action={requestSeatBlockAction} messages="seatBlocks.request">
      {(state, t) => {
        const v = state.values ?? {};
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <FormField label={t("session")} errors={errors.sessionId} required>
              <Select name="sessionId" defaultValue={v.sessionId ?? ""} required>
                <option value="">{t("sessionPlaceholder")}</option>
                {sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("cohort")} errors={errors.cohortId} required>
              <Select name="cohortId" defaultValue={v.cohortId ?? (cohorts.length === 1 ? cohorts[0]!.id : "")} required>
                {cohorts.length === 1 ? null : <option value="">{t("cohortPlaceholder")}</option>}
                {cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              label={t("seats")}
              description={t("seatsHint")}
              errors={errors.seats}
              required
              className="sm:max-w-48"
            >
              <Input
                name="seats"
                type="number"
                inputMode="numeric"
                min={1}
                max={SEAT_BLOCK_SEATS_MAX}
                defaultValue={v.seats ?? ""}
                required
              />
            </FormField>
            <FormField label={t("note")} description={t("noteHint")} errors={errors.note}>
              <Textarea name="note" rows={3} maxLength={SEAT_BLOCK_NOTE_MAX} defaultValue={v.note ?? ""} />
            </FormField>
          </>
        );
      }}
    </ActionForm>
  );
}

/** The coordinator gives one of the block's seats to a member who has an account. */
export function AssignSeatForm({ blockId, members }: { blockId: string; members: Option[] }) {
  return (
    <ActionForm
      action={assignSeatAction}
      messages="seatBlocks.detail.assign"
      submitClassName="self-start"
    >
      {(state, t) => (
        <>
          <input type="hidden" name="blockId" value={blockId} />
          <FormField label={t("member")} errors={state.fieldErrors?.memberId} required>
            <Select name="memberId" defaultValue="" required>
              <option value="">{t("memberPlaceholder")}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </Select>
          </FormField>
        </>
      )}
    </ActionForm>
  );
}

/** Mails the claim page to the cohort's members who have an account and no seat yet. */
export function SendClaimLinksForm({ blockId }: { blockId: string }) {
  return (
    <ActionForm
      action={sendClaimLinksAction}
      messages="seatBlocks.detail.claimLinks"
      submitClassName="self-start"
      submitVariant="outline"
    >
      {() => <input type="hidden" name="blockId" value={blockId} />}
    </ActionForm>
  );
}

/** Gives back unclaimed seats before the release date, after a confirmation. */
export function ReleaseSeatsForm({ blockId, unclaimed }: { blockId: string; unclaimed: number }) {
  const t = useTranslations("seatBlocks.detail.release");
  const [state, action] = useActionState(releaseSeatsAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="blockId" value={blockId} />
      <FormField
        label={t("seats")}
        description={t("seatsHint", { unclaimed })}
        errors={state.fieldErrors?.seats}
        className="sm:max-w-56"
      >
        <Input
          name="seats"
          type="number"
          inputMode="numeric"
          min={1}
          max={unclaimed}
          defaultValue={state.ok ? "" : (state.values?.seats ?? "")}
          placeholder={String(unclaimed)}
        />
      </FormField>
      <div>
        <ConfirmDialog
          trigger={t("submit")}
          triggerVariant="outline"
          title={t("confirmTitle")}
          description={t("confirmDescription")}
          confirmLabel={t("confirm")}
        />
      </div>
    </form>
  );
}

/** Withdraws a request nobody has decided yet. */
export function WithdrawSeatBlockForm({ blockId }: { blockId: string }) {
  const t = useTranslations("seatBlocks.detail.withdraw");
  const [state, action] = useActionState(withdrawSeatBlockAction, initialActionResult);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="blockId" value={blockId} />
      <div>
        <ConfirmDialog
          trigger={t("submit")}
          triggerVariant="outline"
          title={t("confirmTitle")}
          description={t("confirmDescription")}
          confirmLabel={t("confirm")}
        />
      </div>
    </form>
  );
}

