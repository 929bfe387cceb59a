import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { ACTIVE_STATUSES, decideSelfEnrollment } from "@/lib/enrollments/enrollments.rules";
import { countMissingPrerequisites, findOverlappingSeat } from "@/lib/enrollments/enrollments.service";

/** What the course page offers a person for one session; mirrors what `enroll` would do. */
export type EnrollOption =
  | { kind: "sign-in" }
  | { kind: "enroll" }
  | { kind: "waitlist"; waitlistLength: number }
  | { kind: "request-approval"; reason: "approval-required" | "prerequisite-missing"; full: boolean }
  | {
      kind: "enrolled" | "pending" | "offered" | "waitlisted";
      enrollmentId: string;
      position?: number;
      offerExpiresAt?: Date;
    }
  | {
      kind: "closed";
      reason: "not-open-yet" | "registration-closed" | "session-cancelled" | "not-published";
      opensAt?: Date;
    }
  | { kind: "overlap"; courseTitle: string };

/**
 * The enroll option of `user` for each session (per-request: never cache across users).
 * Runs the same rule function as the engine on a snapshot; the engine decides again under the
 * lock when the button is pressed.
 */
export async function getEnrollOptions(
  user: CurrentUser | null,
  sessionIds: string[],
  now: Date = new Date(),
): Promise<Record<string, EnrollOption>> {
  if (sessionIds.length === 0) return {};
  const sessions = await db.session.findMany({
    where: { id: { in: sessionIds } },
    select: {
      id: true,
      status: true,
      capacity: true,
      seatsHeld: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      course: {
        select: { requiresApproval: true, prerequisites: { select: { prerequisiteId: true } } },
      },
      _count: { select: { enrollments: { where: { status: "WAITLISTED" } } } },
    },
  });
  const options: Record<string, EnrollOption> = {};
  const canEnroll = can(user, "enrollment:create:own");

  const active = user
    ? await db.enrollment.findMany({
        where: { userId: user.id, sessionId: { in: sessionIds }, status: { in: [...ACTIVE_STATUSES] } },
        select: { id: true, sessionId: true, status: true, waitlistRank: true, offerExpiresAt: true },
      })
    : [];
  const activeBySession = new Map(active.map((e) => [e.sessionId, e]));
  const missingByCourse = new Map<string, number>();

  for (const session of sessions) {
    if (session.status === "CANCELLED") {
      options[session.id] = { kind: "closed", reason: "session-cancelled" };
      continue;
    }
    if (session.status !== "PUBLISHED") {
      options[session.id] = { kind: "closed", reason: "not-published" };
      continue;
    }
    if (!user || !canEnroll) {
      const closed = closedReason(session, now);
      options[session.id] = closed ?? { kind: "sign-in" };
      continue;
    }
    const mine = activeBySession.get(session.id);
    if (mine) {
      options[session.id] = await ownOption(mine);
      continue;
    }
    const prerequisiteIds = session.course.prerequisites.map((p) => p.prerequisiteId);
    const key = prerequisiteIds.join(",");
    let missing = missingByCourse.get(key);
    if (missing === undefined) {
      missing = await countMissingPrerequisites(db, user.id, prerequisiteIds);
      missingByCourse.set(key, missing);
    }
    const overlap = await findOverlappingSeat(db, user.id, session.id);
    const decision = decideSelfEnrollment({
      now,
      session,
      requiresApproval: session.course.requiresApproval,
      missingPrerequisites: missing,
      activeStatus: null,
      overlappingCourseTitle: overlap ? overlap[user.locale === "en" ? "titleEn" : "titleKo"] : null,
      requestApproval: true,
    });
    const full = session.seatsHeld >= session.capacity;
    if (!decision.ok) {
      if (decision.code === "SCHEDULE_OVERLAP") {
        options[session.id] = { kind: "overlap", courseTitle: overlap![user.locale === "en" ? "titleEn" : "titleKo"] };
      } else {
        options[session.id] = closedReason(session, now) ?? { kind: "closed", reason: "not-published" };
      }
    } else if (decision.outcome === "PENDING_APPROVAL") {
      options[session.id] = {
        kind: "request-approval",
        reason: session.course.requiresApproval ? "approval-required" : "prerequisite-missing",
        full,
      };
    } else if (decision.outcome === "WAITLISTED") {
      options[session.id] = { kind: "waitlist", waitlistLength: session._count.enrollments };
    } else {
      options[session.id] = { kind: "enroll" };
    }
  }
  return options;
}

function closedReason(
  session: { registrationOpensAt: Date; registrationClosesAt: Date },
  now: Date,
): EnrollOption | null {
  if (now < session.registrationOpensAt) {
    return { kind: "closed", reason: "not-open-yet", opensAt: session.registrationOpensAt };
  }
  if (now >= session.registrationClosesAt) return { kind: "closed", reason: "registration-closed" };
  return null;
}

async function ownOption(mine: {
  id: string;
  sessionId: string;
  status: string;
  waitlistRank: bigint | null;
  offerExpiresAt: Date | null;
}): Promise<EnrollOption> {
  switch (mine.status) {
    case "CONFIRMED":
      return { kind: "enrolled", enrollmentId: mine.id };
    case "PENDING_APPROVAL":
      return { kind: "pending", enrollmentId: mine.id };
    case "OFFERED":
      return { kind: "offered", enrollmentId: mine.id, offerExpiresAt: mine.offerExpiresAt ?? undefined };
    default: {
      const ahead = await db.enrollment.count({
        where: { sessionId: mine.sessionId, status: "WAITLISTED", waitlistRank: { lte: mine.waitlistRank ?? 0n } },
      });
      return { kind: "waitlisted", enrollmentId: mine.id, position: ahead };
    }
  }
}
