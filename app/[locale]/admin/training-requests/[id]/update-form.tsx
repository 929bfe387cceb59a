"use client";

import { ActionForm } from "@/components/forms/action-form";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { TrainingRequestStatus } from "@/lib/generated/prisma/enums";
import { updateTrainingRequestAction } from "@/lib/training-requests/training-requests.actions";
import { TRAINING_REQUEST_STATUSES } from "@/lib/training-requests/training-requests.schemas";

/**
 * Moves a request along the pipeline and/or records a note. `expectedStatus` is the stage the
 * admin is looking at: if someone else moved the request meanwhile, the server refuses instead
 * of overwriting their change.
 */
export function UpdateTrainingRequestForm({
  requestId,
  status,
  statusLabels,
}: {
  requestId: string;
  status: TrainingRequestStatus;
  statusLabels: Record<TrainingRequestStatus, string>;
}) {
  return (
    <ActionForm
      action={updateTrainingRequestAction}
      messages="adminTrainingRequests.update"
      submitClassName="self-start"
    >
      {(state, t) => {
        const v = state.values ?? {};
        return (
          <>
            <input type="hidden" name="requestId" value={requestId} />
            <input type="hidden" name="expectedStatus" value={status} />
            <FormField
              label={t("status")}
              description={t("statusHint")}
              errors={state.fieldErrors?.status}
              required
            >
              {/* key: after a save the page re-renders with the new stage as the default. */}
              <Select key={status} name="status" defaultValue={v.status ?? status} required>
                {TRAINING_REQUEST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s === status
                      ? t("currentOption", { status: statusLabels[s] })
                      : statusLabels[s]}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField
              label={t("note")}
              description={t("noteHint")}
              errors={state.fieldErrors?.note}
            >
              <Textarea name="note" rows={4} maxLength={2000} defaultValue={v.note ?? ""} />
            </FormField>
          </>
        );
      }}
    </ActionForm>
  );
}
