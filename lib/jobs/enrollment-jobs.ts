import { db } from "@/lib/db/client";
import { expireOffers } from "@/lib/enrollments/enrollments.service";
import { sendDueReminders } from "@/lib/enrollments/reminders";
import type { JobDefinition } from "@/lib/jobs/registry";

/** Whether any waitlist offer is past its deadline (an index covers open offers only). */
async function hasExpiredOffers(): Promise<boolean> {
  const offer = await db.enrollment.findFirst({
    where: { status: "OFFERED", offerExpiresAt: { lte: new Date() } },
    select: { id: true },
  });
  return offer !== null;
}

export const enrollmentJobs: JobDefinition[] = [
  {
    name: "waitlist.expire-offers",
    policy: "stately",
    cron: "* * * * *",
    // Polled too, so a lapsed offer passes to the next person within seconds, not a minute.
    poll: { isDue: hasExpiredOffers },
    async run({ logger }) {
      const expired = await expireOffers();
      if (expired > 0) logger.info({ expired }, "waitlist offers expired");
    },
  },
  {
    name: "reminders.send",
    policy: "stately",
    // Hourly: a session is reminded about within an hour of entering its three-day window.
    cron: "0 * * * *",
    async run({ logger }) {
      const sent = await sendDueReminders();
      if (sent > 0) logger.info({ sent }, "session reminders enqueued");
    },
  },
];
