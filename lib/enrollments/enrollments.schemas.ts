import { z } from "zod";
import { checkboxField, idField, optionalText } from "@/lib/actions/fields";

/** Forms of the enrollment engine, shared by the forms and the server. Pure zod. */

export const REQUEST_NOTE_MAX = 1000;
export const REASON_MAX = 500;

export const enrollSchema = z.object({
  sessionId: idField(),
  requestApproval: checkboxField(),
  requestNote: optionalText(REQUEST_NOTE_MAX),
});

export const enrollmentIdSchema = z.object({ enrollmentId: idField() });

export const cancelEnrollmentSchema = z.object({
  enrollmentId: idField(),
  reason: optionalText(REASON_MAX),
});
