"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult } from "@/lib/actions/action-result";
import { decideSeatBlockAction } from "@/lib/cohorts/seat-blocks.actions";
import { SEAT_BLOCK_REASON_MAX } from "@/lib/cohorts/seat-blocks.schemas";

/**
 * An admin's decision on one request: approve the number of seats entered (fewer than requested
 * approves partly) until the release date, or reject with a reason. Two submit buttons name the
 * decision; the server refuses an approval above the free seats and says how many are free.
 */
export function DecideSeatBlockForm({
  blockId,
  requested,
  suggestedSeats,
  defaultReleaseAt,
  firstMeeting,
}: {
  blockId: string;
  requested: number;
  /** Pre-filled: the requested seats, or the free seats when fewer are free. */
  suggestedSeats: number;
  /** `datetime-local` value in Seoul time, or "" when no default is possible. */
  defaultReleaseAt: string;
  /** Shown in the release date's hint. */
  firstMeeting: string;
}) {
  const t = useTranslations("seatBlocks.admin.decide");
  const [state, action] = useActionState(decideSeatBlockAction, initialActionResult);
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const id = useId();
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionResultAlert state={state} />
      <input type="hidden" name="blockId" value={blockId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={`${id}-seats`}
          label={t("approvedSeats")}
          description={t("approvedSeatsHint", { requested })}
          errors={errors.approvedSeats}
        >
          <Input
            name="approvedSeats"
            type="number"
            inputMode="numeric"
            min={1}
            max={requested}
            defaultValue={v.approvedSeats ?? String(suggestedSeats)}
          />
        </FormField>
        <FormField
          id={`${id}-release`}
          label={t("releaseAt")}
          description={t("releaseAtHint", { firstMeeting })}
          errors={errors.releaseAt}
        >
          <Input
            name="releaseAt"
            type="datetime-local"
            defaultValue={v.releaseAt ?? defaultReleaseAt}
          />
        </FormField>
      </div>
      <FormField
        id={`${id}-reason`}
        label={t("reason")}
        description={t("reasonHint")}
        errors={errors.reason}
      >
        <Textarea
          name="reason"
          rows={2}
          maxLength={SEAT_BLOCK_REASON_MAX}
          defaultValue={v.reason ?? ""}
        />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel={t("saving")}>
          {t("approve")}
        </SubmitButton>
        <SubmitButton
          name="decision"
          value="reject"
          variant="outline"
          pendingLabel={t("saving")}
        >
          {t("reject")}
        </SubmitButton>
      </div>
    </form>
  );
}
