import { deliverDueMail, hasDueMail, sweepStuckMail } from "@/lib/notifications/deliver";
import type { JobDefinition } from "@/lib/jobs/registry";

export const outboxJobs: JobDefinition[] = [
  {
    name: "outbox.deliver",
    policy: "stately",
    poll: { isDue: hasDueMail },
    // A safety net in case no worker process is polling (the poll is per process and in memory).
    cron: "* * * * *",
    expireInSeconds: 15 * 60,
    async run({ logger, mailTransport }) {
      const report = await deliverDueMail({ transport: mailTransport, logger });
      if (report.sent + report.failed > 0) logger.debug(report, "outbox delivery run");
    },
  },
  {
    name: "outbox.sweep",
    policy: "stately",
    cron: "* * * * *",
    async run({ logger }) {
      await sweepStuckMail({ logger });
    },
  },
];
