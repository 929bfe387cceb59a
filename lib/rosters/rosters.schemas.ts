import { z } from "zod";
import {
  checkboxField,
  emailField,
  enumField,
  idField,
  intField,
  optionalText,
  pageField,
  requiredText,
} from "@/lib/actions/fields";
import { REASON_MAX } from "@/lib/enrollments/enrollments.schemas";

/**
 * Forms of the session roster (staff side of the enrollment engine), shared by the forms and the
 * server. Pure zod. Every reason a trainee reads in their mail is required here: a rejection,
 * a cancellation or a move by the center without a word of explanation is a support call.
 */

export const PAYMENT_STATUSES = ["UNPAID", "INVOICED", "PAID", "WAIVED"] as const;
export const INVOICE_REF_MAX = 64;
/** The largest capacity a form accepts; the room's own capacity is checked by the engine. */
export const CAPACITY_MAX = 500;

const reason = () => requiredText(REASON_MAX);

export const rosterEnrollmentSchema = z.object({ enrollmentId: idField() });

export const rejectEnrollmentSchema = z.object({ enrollmentId: idField(), reason: reason() });

export const cancelTraineeSchema = z.object({ enrollmentId: idField(), reason: reason() });

export const moveTraineeSchema = z.object({
  enrollmentId: idField(),
  toSessionId: idField(),
  reason: reason(),
});

export const reorderWaitlistSchema = z.object({
  enrollmentId: idField(),
  position: intField(1, 10_000),
  reason: reason(),
});

export const addTraineeSchema = z.object({
  sessionId: idField(),
  email: emailField(),
  /** Set by the "add to the waitlist" button offered after a SESSION_FULL refusal. */
  waitlistIfFull: checkboxField(),
});
export type AddTraineeInput = z.output<typeof addTraineeSchema>;

export const changeCapacitySchema = z.object({
  sessionId: idField(),
  capacity: intField(1, CAPACITY_MAX),
});

export const updatePaymentSchema = z.object({
  enrollmentId: idField(),
  paymentStatus: enumField(PAYMENT_STATUSES),
  invoiceRef: optionalText(INVOICE_REF_MAX),
});
export type UpdatePaymentInput = z.output<typeof updatePaymentSchema>;

/** The instructor's session list: one page number per section. */
export const mySessionsQuerySchema = z.object({
  upcomingPage: pageField(),
  pastPage: pageField(),
});
export type MySessionsQuery = z.output<typeof mySessionsQuerySchema>;
