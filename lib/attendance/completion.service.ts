import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { isAppLocale, routing } from "@/lib/i18n/routing";
import { recordAudit } from "@/lib/audit/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ACTIVE_STATUSES } from "@/lib/enrollments/enrollments.rules";
import { myEnrollmentsUrl } from "@/lib/enrollments/enrollments.mail";
import { withSeatLock, type Recipient, type SeatContext } from "@/lib/enrollments/seat-lock";
import { enqueueMail } from "@/lib/notifications/outbox";
import { requireAttendanceAccess } from "@/lib/attendance/attendance.access";
import { countsAsAttended, decideCompletion, lastMeetingStart } from "@/lib/attendance/completion.rules";
import { newCertificateCode } from "@/lib/certificates/certificate-code";
import { certificatePdfUrl, verificationUrl } from "@/lib/certificates/certificate-links";

/**
 * Completing a session: in one transaction under the enrollment engine's session lock, every
 * confirmed trainee becomes COMPLETED or NO_SHOW by the course's attendance rule, everyone
 * still waiting (waitlisted, offered, pending approval) is closed, seats are released, the
 * session becomes COMPLETED, each completion gets a certificate, and every trainee is mailed
 * (outbox, same transaction: lib/notifications/templates/certificates.ts). Audited.
 *
 * The session is marked COMPLETED before any seat is freed, so the engine offers no freed seat
 * to the waitlist (it fills only PUBLISHED sessions). Afterwards it holds no seats:
 * seats_held counts CONFIRMED + OFFERED enrollments and unclaimed approved seat-block seats,
 * and none of them remain.
 */

export type RequestMeta = { ip?: string | null };

export type CompletionSummary = {
  completed: number;
  noShow: number;
  /** Waitlisted, offered and pending requests closed. */
  closed: number;
  certificates: { enrollmentId: string; code: string }[];
};

/** Why the waiting enrollments were cancelled, in their history. */
export const SESSION_COMPLETED_REASON = "session completed";

type Person = { id: string; email: string; name: string; locale: string };

function recipientOf(person: Person): Recipient {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale: isAppLocale(person.locale) ? person.locale : routing.defaultLocale,
  };
}

/** Addressing and the course's name in the trainee's language, for the completion mails. */
async function courseMail(context: SeatContext, sessionId: string, recipient: Recipient) {
  const session = await context.mailContext(sessionId);
  return {
    to: recipient.email,
    userId: recipient.id,
    locale: recipient.locale,
    payload: {
      name: recipient.name,
      courseTitle: session.courseTitle[recipient.locale],
      courseCode: session.courseCode,
    },
  };
}

/** A code no certificate has yet (a clash is ~10⁻¹² likely; checked anyway). */
async function unusedCertificateCode(context: SeatContext): Promise<string> {
  for (;;) {
    const code = newCertificateCode();
    const taken = await context.tx.certificate.findUnique({ where: { code }, select: { id: true } });
    if (!taken) return code;
  }
}

export async function completeSession(
  actor: CurrentUser,
  input: { sessionId: string },
  meta: RequestMeta = {},
): Promise<CompletionSummary> {
  await requireAttendanceAccess(db, actor, input.sessionId);
  return withSeatLock(
    {
      actorId: actor.id,
      sessionIds: [input.sessionId],
      // The course's rule and the meetings do not change with seats: read before the lock.
      prepare: (tx) =>
        tx.session.findUniqueOrThrow({
          where: { id: input.sessionId },
          select: {
            course: { select: { durationHours: true, completionMinAttendancePct: true } },
            meetings: { where: { active: true }, select: { id: true, startsAt: true } },
          },
        }),
    },
    async (context, { course, meetings }) => {
      const session = context.session(input.sessionId);
      if (session.status === "COMPLETED") throw new ConflictError("SESSION_COMPLETED");
      if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
      if (session.status !== "PUBLISHED") throw new ConflictError("SESSION_NOT_OPEN");
      const lastStart = lastMeetingStart(meetings);
      if (!lastStart || lastStart > context.now) throw new ConflictError("SESSION_NOT_FINISHED");

      // Under the lock: attendance writes wait on it (attendance.service.ts), so this is final.
      const enrollments = await context.tx.enrollment.findMany({
        where: { sessionId: session.id, status: { in: [...ACTIVE_STATUSES] } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          seatBlockId: true,
          user: { select: { id: true, email: true, name: true, locale: true } },
          attendance: { select: { meetingId: true, status: true } },
        },
      });
      const meetingIds = new Set(meetings.map((m) => m.id));
      const confirmed = enrollments.filter((e) => e.status === "CONFIRMED");
      const missing = confirmed.reduce(
        (n, e) => n + meetings.length - e.attendance.filter((a) => meetingIds.has(a.meetingId)).length,
        0,
      );
      if (missing > 0) throw new ConflictError("ATTENDANCE_INCOMPLETE", { missing });

      // Status first: seats freed below must not reach the waitlist.
      await context.tx.session.update({ where: { id: session.id }, data: { status: "COMPLETED" } });
      session.status = "COMPLETED";
      context.changedSessions.add(session.id);

      const summary: CompletionSummary = { completed: 0, noShow: 0, closed: 0, certificates: [] };
      let freed = 0;
      for (const enrollment of confirmed) {
        const attended = enrollment.attendance.filter(
          (a) => meetingIds.has(a.meetingId) && countsAsAttended(a.status),
        ).length;
        const outcome = decideCompletion({
          meetings: meetings.length,
          attended,
          minAttendancePct: course.completionMinAttendancePct,
          courseHours: course.durationHours,
        });
        const facts = {
          attended,
          meetingCount: meetings.length,
          minAttendancePct: course.completionMinAttendancePct,
        };
        await context.transition(
          { enrollmentId: enrollment.id, from: "CONFIRMED", to: outcome.status, reason: "session.completed", data: facts },
          outcome.status === "COMPLETED" ? { completedAt: context.now } : {},
        );
        freed++;
        const recipient = recipientOf(enrollment.user);
        const mail = await courseMail(context, session.id, recipient);
        if (outcome.status === "COMPLETED") {
          const code = await unusedCertificateCode(context);
          await context.tx.certificate.create({
            data: { enrollmentId: enrollment.id, code, hours: outcome.hours, issuedAt: context.now },
            select: { id: true },
          });
          summary.completed++;
          summary.certificates.push({ enrollmentId: enrollment.id, code });
          await enqueueMail(context.tx, {
            ...mail,
            template: "enrollment.completed",
            payload: {
              ...mail.payload,
              certificateCode: code,
              hours: outcome.hours,
              url: certificatePdfUrl(code, recipient.locale),
              verifyUrl: verificationUrl(code),
            },
          });
        } else {
          summary.noShow++;
          await enqueueMail(context.tx, {
            ...mail,
            template: "enrollment.no-show",
            payload: { ...mail.payload, ...facts, url: myEnrollmentsUrl(recipient.locale) },
          });
        }
      }

      // Nobody can take a seat in a session that has taken place: close the rest.
      for (const enrollment of enrollments) {
        if (enrollment.status === "CONFIRMED") continue;
        if (enrollment.status === "OFFERED") freed++;
        await context.transition(
          { enrollmentId: enrollment.id, from: enrollment.status, to: "CANCELLED", reason: SESSION_COMPLETED_REASON },
          { cancelledAt: context.now, offerExpiresAt: null },
        );
        summary.closed++;
      }

      // Approved seat blocks' unclaimed seats are held too; the session has no use for them now.
      const blocks = await context.tx.seatBlock.findMany({
        where: { sessionId: session.id, status: "APPROVED", releasedAt: null },
        select: { id: true, approvedSeats: true, claimedSeats: true },
      });
      for (const block of blocks) {
        await context.tx.seatBlock.update({
          where: { id: block.id },
          data: { status: "RELEASED", releasedAt: context.now },
          select: { id: true },
        });
        freed += block.approvedSeats - block.claimedSeats;
      }
      if (freed > 0) await context.freeSeats(session.id, freed);

      await recordAudit(context.tx, {
        actorId: actor.id,
        action: "session.complete",
        entityType: "Session",
        entityId: session.id,
        data: {
          completed: summary.completed,
          noShow: summary.noShow,
          closed: summary.closed,
          certificates: summary.certificates.length,
          minAttendancePct: course.completionMinAttendancePct,
        },
        ip: meta.ip,
      });
      return summary;
    },
  );
}
