import "server-only";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/audit";
import { grantedScope, requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  addEnrollmentByStaff,
  moveEnrollment,
  type EnrollmentOutcome,
  type RequestMeta,
} from "@/lib/enrollments/enrollments.service";
import type { AddTraineeInput, UpdatePaymentInput } from "@/lib/rosters/rosters.schemas";

/**
 * Roster work around the engine: billing fields, finding the person behind an email before the
 * engine adds them, and the roster's wording for the engine's refusals. Seats and statuses are
 * never written here — every seat change goes through lib/enrollments/enrollments.service.ts.
 */

/**
 * Sets an enrollment's payment status and invoice reference (admins: billing is the center's
 * office, not the instructor's). Payment is not a seat change, so it is written directly, in one
 * transaction with its audit entry; status and seats are not touched. Returns whether anything
 * changed (an unchanged save writes nothing, not even an audit entry).
 */
export async function updatePayment(
  actor: CurrentUser,
  input: UpdatePaymentInput,
  meta: RequestMeta = {},
): Promise<{ changed: boolean }> {
  requirePermission(actor, "enrollment:manage:any");
  return db.$transaction(async (tx) => {
    const current = await tx.enrollment.findUnique({
      where: { id: input.enrollmentId },
      select: { id: true, sessionId: true, paymentStatus: true, invoiceRef: true },
    });
    if (!current) throw new NotFoundError("ENROLLMENT_NOT_FOUND");
    if (current.paymentStatus === input.paymentStatus && current.invoiceRef === input.invoiceRef) {
      return { changed: false };
    }
    await tx.enrollment.update({
      where: { id: current.id },
      data: { paymentStatus: input.paymentStatus, invoiceRef: input.invoiceRef },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "enrollment.payment",
      entityType: "Enrollment",
      entityId: current.id,
      data: {
        sessionId: current.sessionId,
        from: { paymentStatus: current.paymentStatus, invoiceRef: current.invoiceRef },
        to: { paymentStatus: input.paymentStatus, invoiceRef: input.invoiceRef },
      },
      ip: meta.ip,
    });
    return { changed: true };
  });
}

/**
 * Staff add someone to a session's roster by their email: the email must belong to an active
 * account (there is no enrolling people who cannot sign in to see it). The roster scope is
 * checked before the email is looked up, so an instructor cannot probe which emails have
 * accounts through a session they do not teach. The engine does the rest (and checks again).
 */
export async function addTraineeByEmail(
  actor: CurrentUser,
  input: AddTraineeInput,
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  if (grantedScope(actor, "roster:manage:any", "roster:manage:assigned") === "scoped") {
    const teaches = await db.sessionInstructor.findUnique({
      where: { sessionId_userId: { sessionId: input.sessionId, userId: actor.id } },
      select: { userId: true },
    });
    if (!teaches) throw new ForbiddenError();
  }
  const person = await db.user.findFirst({
    where: { email: input.email, active: true },
    select: { id: true },
  });
  if (!person) throw new ValidationError("ROSTER_EMAIL_UNKNOWN", "email", { email: input.email });
  try {
    return await addEnrollmentByStaff(
      actor,
      { sessionId: input.sessionId, userId: person.id, waitlistIfFull: input.waitlistIfFull },
      meta,
    );
  } catch (error) {
    // The engine's wording speaks to the trainee ("you are already enrolled"); staff need the
    // roster's.
    if (error instanceof ConflictError && error.code === "ALREADY_ENROLLED") {
      throw new ConflictError("ROSTER_ALREADY_ENROLLED", { email: input.email });
    }
    throw error;
  }
}

/**
 * Staff move a trainee to another session of the course (the engine's `moveEnrollment`), with
 * the roster's wording when the trainee is already on the target session's roster.
 */
export async function moveTrainee(
  actor: CurrentUser,
  input: { enrollmentId: string; toSessionId: string; reason: string },
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  try {
    return await moveEnrollment(actor, input, meta);
  } catch (error) {
    if (error instanceof ConflictError && error.code === "ALREADY_ENROLLED") {
      throw new ConflictError("ROSTER_MOVE_ALREADY_ENROLLED");
    }
    throw error;
  }
}
