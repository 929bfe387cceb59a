import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/notifications/outbox";
import { loadSessionMailContext, sessionMailInfo } from "@/lib/enrollments/enrollments.mail";

/** Reminders go out for sessions whose first meeting is at most this far ahead. */
export const REMINDER_LEAD_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Puts a reminder in the outbox for every confirmed trainee of each published session that
 * starts within the next three days, once per session: the session is claimed by setting
 * `reminder_sent_at` in a guarded UPDATE in the same transaction as the mails, so two workers
 * (or two runs) never both send, and a failed run leaves the session to the next one.
 * Each session has its own transaction, so one broken session does not hold back the others.
 * Returns the number of reminder mails enqueued.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + REMINDER_LEAD_MS);
  const due = await db.session.findMany({
    where: { status: "PUBLISHED", reminderSentAt: null, startsAt: { gt: now, lte: horizon } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });

  let sent = 0;
  let firstError: unknown;
  for (const { id } of due) {
    try {
      sent += await db.$transaction(async (tx) => {
        // The same conditions again: the session may have changed, or another worker claimed it.
        const claimed = await tx.session.updateMany({
          where: {
            id,
            status: "PUBLISHED",
            reminderSentAt: null,
            startsAt: { gt: now, lte: horizon },
          },
          data: { reminderSentAt: now },
        });
        if (claimed.count === 0) return 0;
        const context = await loadSessionMailContext(tx, id);
        const trainees = await tx.enrollment.findMany({
          where: { sessionId: id, status: "CONFIRMED", user: { active: true } },
          orderBy: { createdAt: "asc" },
          select: { user: { select: { id: true, email: true, name: true, locale: true } } },
        });
        for (const { user } of trainees) {
          await enqueueMail(tx, {
            to: user.email,
            userId: user.id,
            locale: user.locale,
            template: "enrollment.reminder",
            payload: sessionMailInfo(context, { name: user.name, locale: user.locale }),
          });
        }
        return trainees.length;
      });
    } catch (err) {
      firstError ??= err;
    }
  }
  // Reported after the other sessions had their turn; the failed one is retried next run.
  if (firstError) throw firstError;
  return sent;
}
