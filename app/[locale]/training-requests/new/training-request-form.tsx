"use client";

import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/email-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { submitTrainingRequestAction } from "@/lib/training-requests/training-requests.actions";
import {
  FORM_TOKEN_FIELD,
  HEADCOUNT_MAX,
  HONEYPOT_FIELD,
  TRAINING_REQUEST_KINDS,
} from "@/lib/training-requests/training-requests.schemas";
import { cn } from "@/lib/utils";

/**
 * The public request form. `formToken` is the signed time the page was rendered (the server
 * refuses a submission that comes back faster than a person types); the `website` field is a
 * honeypot, off-screen and out of the tab order, that only bots fill in.
 */
export function TrainingRequestForm({ formToken }: { formToken: string }) {
  return (
    <ActionForm
      action={submitTrainingRequestAction}
      messages="trainingRequests.form"
      submitClassName="self-start"
    >
      {(state, t) => {
        const v = state.values ?? {};
        const errors = state.fieldErrors ?? {};
        const kindError = errors.kind;
        return (
          <>
            <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />
            <div
              aria-hidden="true"
              className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden"
            >
              <label htmlFor="training-request-website">{t("honeypot")}</label>
              <input
                id="training-request-website"
                type="text"
                name={HONEYPOT_FIELD}
                tabIndex={-1}
                autoComplete="off"
                defaultValue=""
              />
            </div>

            <fieldset
              className="flex flex-col gap-3"
              aria-describedby={kindError ? "training-request-kind-error" : undefined}
            >
              <legend className="mb-1.5 text-sm leading-tight font-medium">
                {t("kind")}
                <span aria-hidden="true" className="ml-0.5 text-destructive">
                  *
                </span>
              </legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {TRAINING_REQUEST_KINDS.map((kind) => (
                  <label
                    key={kind}
                    className={cn(
                      "flex cursor-pointer gap-3 rounded-lg border border-border p-4 has-[:checked]:border-primary has-[:checked]:bg-secondary",
                      kindError && "border-destructive",
                    )}
                  >
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      defaultChecked={(v.kind ?? "CUSTOM_TRAINING") === kind}
                      aria-describedby={`training-request-kind-${kind}`}
                      className="mt-0.5 size-4 shrink-0 accent-primary"
                    />
                    <span className="flex flex-col gap-1">
                      <span className="font-medium">{t(`kinds.${kind}.label`)}</span>
                      <span
                        id={`training-request-kind-${kind}`}
                        className="text-sm text-muted-foreground"
                      >
                        {t(`kinds.${kind}.description`)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              <div id="training-request-kind-error" aria-live="polite">
                {kindError ? (
                  <p className="text-sm font-medium text-destructive">{kindError.join(" ")}</p>
                ) : null}
              </div>
            </fieldset>

            <FormField
              label={t("topic")}
              description={t("topicHint")}
              errors={errors.topic}
              required
            >
              <Input name="topic" defaultValue={v.topic ?? ""} maxLength={200} required />
            </FormField>

            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("company")} errors={errors.company} required>
                <Input
                  name="company"
                  autoComplete="organization"
                  defaultValue={v.company ?? ""}
                  maxLength={200}
                  required
                />
              </FormField>
              <FormField label={t("contactName")} errors={errors.contactName} required>
                <Input
                  name="contactName"
                  autoComplete="name"
                  defaultValue={v.contactName ?? ""}
                  maxLength={100}
                  required
                />
              </FormField>
              <EmailField
                label={t("email")}
                description={t("emailHint")}
                errors={errors.email}
                defaultValue={v.email ?? ""}
              />
              <FormField label={t("phone")} errors={errors.phone}>
                <Input
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                  defaultValue={v.phone ?? ""}
                  maxLength={40}
                />
              </FormField>
            </div>

            <FormField
              label={t("headcount")}
              description={t("headcountHint")}
              errors={errors.headcount}
            >
              <Input
                name="headcount"
                type="number"
                inputMode="numeric"
                min={1}
                max={HEADCOUNT_MAX}
                step={1}
                defaultValue={v.headcount ?? ""}
                className="sm:w-40"
              />
            </FormField>

            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1.5 text-sm leading-tight font-medium">
                {t("preferredLegend")}
              </legend>
              <p className="-mt-1 text-sm text-muted-foreground">{t("preferredHint")}</p>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t("preferredFrom")} errors={errors.preferredFrom}>
                  <Input name="preferredFrom" type="date" defaultValue={v.preferredFrom ?? ""} />
                </FormField>
                <FormField label={t("preferredTo")} errors={errors.preferredTo}>
                  <Input name="preferredTo" type="date" defaultValue={v.preferredTo ?? ""} />
                </FormField>
              </div>
              <FormField label={t("preferredDates")} errors={errors.preferredDates}>
                <Input
                  name="preferredDates"
                  defaultValue={v.preferredDates ?? ""}
                  maxLength={300}
                  placeholder={t("preferredDatesPlaceholder")}
                />
              </FormField>
            </fieldset>

            <FormField
              label={t("message")}
              description={t("messageHint")}
              errors={errors.message}
              required
            >
              <Textarea
                name="message"
                rows={6}
                defaultValue={v.message ?? ""}
                maxLength={5000}
                required
              />
            </FormField>

            <p className="text-sm text-muted-foreground">{t("privacy")}</p>
          </>
        );
      }}
    </ActionForm>
  );
}
