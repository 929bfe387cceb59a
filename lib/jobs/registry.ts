import type { Logger } from "pino";
import type { MailTransport } from "@/lib/notifications/transport";
import { enrollmentJobs } from "@/lib/jobs/enrollment-jobs";
import { outboxJobs } from "@/lib/jobs/outbox-jobs";
import { seatBlockJobs } from "@/lib/jobs/seat-block-jobs";

/** What every job handler gets from the worker that runs it. */
export type JobContext = {
  logger: Logger;
  /** Where mail goes (SMTP or .eml files); only the outbox job sends, others enqueue mail. */
  mailTransport: MailTransport;
};

export type JobDefinition = {
  /** pg-boss queue name, `<domain>.<verb>`. */
  name: string;
  /**
   * pg-boss queue policy. "stately" (at most one queued and one running job) suits jobs that
   * sweep a table: a second copy would only find the work the first one is already doing.
   */
  policy: "standard" | "short" | "singleton" | "stately";
  /** Cron expression in Asia/Seoul. pg-boss's scheduler fires it once per tick across all workers. */
  cron?: string;
  /**
   * Also triggered by every worker process each WORKER_POLL_MS when `isDue` says there is work:
   * for work that should start within seconds, which a once-a-minute cron cannot give.
   */
  poll?: { isDue(): Promise<boolean> };
  /** Seconds a run may take before pg-boss considers it dead. */
  expireInSeconds?: number;
  run(context: JobContext): Promise<void>;
};

/**
 * Every background job. To add one, write a `JobDefinition` in lib/jobs (calling the domain
 * service that does the work, e.g. lib/enrollments) and list it here; the worker creates the
 * queue, schedules the cron and starts working it.
 *   - outbox-jobs.ts      "outbox.deliver", "outbox.sweep"
 *   - enrollment-jobs.ts  "waitlist.expire-offers" (every minute and polled: lapsed offers pass
 *                         to the next person), "reminders.send" (hourly: reminder mail for
 *                         sessions starting within three days)
 *   - seat-block-jobs.ts  "seat-blocks.release" (every five minutes and polled: unclaimed
 *                         seat-block seats are freed for the waitlist at their release date)
 */
export const JOBS: readonly JobDefinition[] = [...outboxJobs, ...enrollmentJobs, ...seatBlockJobs];
