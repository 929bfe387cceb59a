import type { EnrollmentStatus, SessionStatus } from "@/lib/generated/prisma/enums";

/**
 * The self-enrollment rules as one pure decision, shared by the engine (which evaluates it on
 * the locked session row) and the course page (which shows the matching button). Keeping them
 * in one place means the button a trainee sees is the outcome the engine will give.
 */

/** Statuses that make an enrollment "active": at most one per user and session (DB index). */
export const ACTIVE_STATUSES = ["PENDING_APPROVAL", "CONFIRMED", "WAITLISTED", "OFFERED"] as const satisfies readonly EnrollmentStatus[];
/** Statuses that hold a seat (with unclaimed approved seat-block seats: invariant 1). */
export const SEAT_STATUSES = ["CONFIRMED", "OFFERED"] as const satisfies readonly EnrollmentStatus[];

export function isActiveStatus(status: EnrollmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly EnrollmentStatus[]).includes(status);
}
export function holdsSeat(status: EnrollmentStatus): boolean {
  return (SEAT_STATUSES as readonly EnrollmentStatus[]).includes(status);
}

export type SelfEnrollmentFacts = {
  now: Date;
  session: {
    status: SessionStatus;
    capacity: number;
    seatsHeld: number;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
  };
  requiresApproval: boolean;
  /** Prerequisite courses the trainee has not completed. */
  missingPrerequisites: number;
  /** The trainee's active enrollment in this session, if any. */
  activeStatus: EnrollmentStatus | null;
  /** Title of a session whose meetings overlap this one where the trainee holds a seat. */
  overlappingCourseTitle: string | null;
  /** The trainee asks for approval (with a note) instead of meeting the prerequisites. */
  requestApproval: boolean;
};

export type SelfEnrollmentRefusal =
  | "SESSION_NOT_OPEN"
  | "SESSION_CANCELLED"
  | "REGISTRATION_NOT_OPEN"
  | "REGISTRATION_CLOSED"
  | "ALREADY_ENROLLED"
  | "PREREQUISITE_MISSING"
  | "SCHEDULE_OVERLAP";

export type SelfEnrollmentDecision =
  | { ok: true; outcome: "CONFIRMED" | "WAITLISTED" | "PENDING_APPROVAL" }
  | { ok: false; code: SelfEnrollmentRefusal };

export function decideSelfEnrollment(facts: SelfEnrollmentFacts): SelfEnrollmentDecision {
  const { session, now } = facts;
  if (session.status === "CANCELLED") return { ok: false, code: "SESSION_CANCELLED" };
  if (session.status !== "PUBLISHED") return { ok: false, code: "SESSION_NOT_OPEN" };
  if (now < session.registrationOpensAt) return { ok: false, code: "REGISTRATION_NOT_OPEN" };
  if (now >= session.registrationClosesAt) return { ok: false, code: "REGISTRATION_CLOSED" };
  if (facts.activeStatus) return { ok: false, code: "ALREADY_ENROLLED" };
  if (facts.overlappingCourseTitle) return { ok: false, code: "SCHEDULE_OVERLAP" };
  if (facts.requiresApproval) return { ok: true, outcome: "PENDING_APPROVAL" };
  if (facts.missingPrerequisites > 0) {
    return facts.requestApproval
      ? { ok: true, outcome: "PENDING_APPROVAL" }
      : { ok: false, code: "PREREQUISITE_MISSING" };
  }
  return { ok: true, outcome: session.seatsHeld < session.capacity ? "CONFIRMED" : "WAITLISTED" };
}

/**
 * When a waitlist offer lapses: `offerHours` from now, never past the registration close.
 * Null when registration has already closed (the seat is then given outright: nobody could
 * claim an offer in time, and the freed seat must still go to the head of the waitlist).
 */
export function offerDeadline(now: Date, offerHours: number, registrationClosesAt: Date): Date | null {
  const deadline = new Date(Math.min(now.getTime() + offerHours * 3_600_000, registrationClosesAt.getTime()));
  return deadline.getTime() > now.getTime() ? deadline : null;
}
