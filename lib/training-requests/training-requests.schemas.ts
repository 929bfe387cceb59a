import { z } from "zod";
import {
  emailField,
  enumField,
  idField,
  optionalText,
  pageField,
  requiredText,
} from "@/lib/actions/fields";
import { updateProfileSchema } from "@/lib/users/users.schemas";

/**
 * Schemas of the public training-request form and the admins' pipeline, shared by the forms
 * and the server. Pure zod (no server imports). Messages are translation keys.
 */

export const TRAINING_REQUEST_KINDS = ["CUSTOM_TRAINING", "PILOT_PROCESS"] as const;

/** The pipeline, in the order a request normally moves through it. */
export const TRAINING_REQUEST_STATUSES = [
  "NEW",
  "CONTACTED",
  "PROPOSAL_SENT",
  "SCHEDULED",
  "CLOSED",
] as const;
export type TrainingRequestStatusValue = (typeof TRAINING_REQUEST_STATUSES)[number];

/** A move to an earlier stage of the pipeline (which needs a note saying why). */
export function isBackwardMove(from: TrainingRequestStatusValue, to: TrainingRequestStatusValue) {
  return TRAINING_REQUEST_STATUSES.indexOf(to) < TRAINING_REQUEST_STATUSES.indexOf(from);
}

/** The honeypot's name: a field people never see, that form-filling bots do. */
export const HONEYPOT_FIELD = "website";
/** The hidden field carrying the signed time the form was shown (lib/training-requests/form-token.ts). */
export const FORM_TOKEN_FIELD = "formToken";

export const HEADCOUNT_MAX = 500;

/** An optional whole number: "" (or missing) is null. */
const optionalCount = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ error: "validation.invalidNumber" })
      .int({ error: "validation.invalidNumber" })
      .min(min, { error: "validation.tooSmall" })
      .max(max, { error: "validation.tooLarge" })
      .optional()
      .transform((v) => v ?? null),
  );

/** An optional calendar day from <input type="date"> ("2026-12-03"); "" is null. */
const optionalDay = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: "validation.invalidFormat",
    });

export const submitTrainingRequestSchema = z
  .object({
    company: requiredText(200),
    contactName: requiredText(100),
    email: emailField(),
    // The same phone rule as the profile form.
    phone: updateProfileSchema.shape.phone,
    kind: enumField(TRAINING_REQUEST_KINDS),
    topic: requiredText(200),
    headcount: optionalCount(1, HEADCOUNT_MAX),
    preferredFrom: optionalDay(),
    preferredTo: optionalDay(),
    preferredDates: optionalText(300),
    message: requiredText(5000),
    [HONEYPOT_FIELD]: z
      .string()
      .max(2000)
      .optional()
      .transform((v) => v?.trim() ?? ""),
    [FORM_TOKEN_FIELD]: z
      .string()
      .max(200)
      .optional()
      .transform((v) => v ?? ""),
  })
  .superRefine((value, ctx) => {
    if (value.preferredFrom && value.preferredTo && value.preferredTo < value.preferredFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["preferredTo"],
        message: "trainingRequests.form.validation.dateOrder",
      });
    }
  });
export type SubmitTrainingRequestInput = z.output<typeof submitTrainingRequestSchema>;

export const updateTrainingRequestSchema = z.object({
  requestId: idField(),
  /** The status the admin saw: a change made meanwhile by someone else is not overwritten. */
  expectedStatus: enumField(TRAINING_REQUEST_STATUSES),
  status: enumField(TRAINING_REQUEST_STATUSES),
  note: optionalText(2000),
});
export type UpdateTrainingRequestInput = z.output<typeof updateTrainingRequestSchema>;

export const TRAINING_REQUESTS_PAGE_SIZE = 20;

/** Search params of the admin pipeline list; bad values fall back to "no filter". */
export const listTrainingRequestsQuerySchema = z.object({
  status: z.enum(TRAINING_REQUEST_STATUSES).optional().catch(undefined),
  page: pageField(),
});
export type ListTrainingRequestsQuery = z.output<typeof listTrainingRequestsQuerySchema>;
