import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { TIME_ZONE } from "@/lib/i18n/format";
import { JOBS, type JobContext, type JobDefinition } from "@/lib/jobs/registry";
import { logger as rootLogger } from "@/lib/logger";
import { createConfiguredMailTransport, type MailTransport } from "@/lib/notifications/transport";

export type WorkerOptions = {
  logger?: Logger;
  /** Defaults to the transport configured by the environment (SMTP_URL or .eml files). */
  mailTransport?: MailTransport;
  /** How often polled jobs (outbox delivery) check for work; defaults to WORKER_POLL_MS. */
  pollIntervalMs?: number;
  /** Jobs to run; defaults to all of lib/jobs/registry. */
  jobs?: readonly JobDefinition[];
};

export type RunningWorker = { stop(): Promise<void> };

/**
 * pg-boss runs its SQL through our shared pool instead of opening its own: against the
 * embedded database the whole process must use exactly one connection (lib/db/pool.ts), and
 * on a real server it keeps the connection count predictable. Each call is a single query
 * (pg-boss sends its multi-statement migrations as one simple-protocol query), so sharing the
 * pool with Prisma is safe.
 */
const sharedPoolDb: PgBoss.Db = {
  executeSql: (text, values) => getPool().query(text, values),
};

/**
 * Starts the background worker: creates the queues, registers the cron schedules, works the
 * queues and polls for due work. `stop()` lets running jobs finish (up to 30 s) and leaves the
 * shared pool open for the rest of the process.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const log = (options.logger ?? rootLogger).child({ component: "worker" });
  const mailTransport = options.mailTransport ?? createConfiguredMailTransport();
  const pollIntervalMs = options.pollIntervalMs ?? env.WORKER_POLL_MS;
  const jobs = options.jobs ?? JOBS;
  const context: JobContext = { logger: log, mailTransport };

  const boss = new PgBoss({
    db: sharedPoolDb,
    // Finished jobs only matter for a short look back; the outbox table is the record of mail.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 2,
  });
  // Without a listener an 'error' event would crash the process; pg-boss retries on its own.
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();

  const workerIds = new Map<string, string>();
  try {
    for (const job of jobs) {
      await boss.createQueue(job.name, {
        name: job.name,
        policy: job.policy,
        // Domain jobs re-scan their tables on every run, so a failed run is simply followed by the next one.
        retryLimit: 0,
        expireInSeconds: job.expireInSeconds ?? 5 * 60,
      });
      if (job.cron) {
        await boss.schedule(job.name, job.cron, {}, { tz: TIME_ZONE, singletonKey: job.name });
      }
      const id = await boss.work(
        job.name,
        { pollingIntervalSeconds: 10, batchSize: 1 },
        async () => {
          const started = Date.now();
          try {
            await job.run(context);
          } catch (err) {
            log.error({ err, job: job.name }, "job failed");
            throw err;
          }
          log.trace({ job: job.name, ms: Date.now() - started }, "job done");
        },
      );
      workerIds.set(job.name, id);
    }
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  }

  const polled = jobs.filter((job) => job.poll);
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  // In-process poll: when a job has due work, queue one run (the singletonKey plus the stately
  // policy drop duplicates across processes) and wake our own pg-boss worker at once, so
  // mail goes out within a poll interval of being committed.
  const pollOnce = async () => {
    try {
      for (const job of polled) {
        if (stopped || !(await job.poll!.isDue())) continue;
        await boss.send(job.name, {}, { singletonKey: job.name });
        const id = workerIds.get(job.name);
        if (id) boss.notifyWorker(id);
      }
    } catch (err) {
      log.warn({ err }, "worker poll failed");
    }
  };
  const poll = () => {
    if (stopped || inFlight) return;
    inFlight = pollOnce().finally(() => (inFlight = undefined));
  };
  const timer = polled.length > 0 ? setInterval(poll, pollIntervalMs) : undefined;
  poll();

  log.info(
    { jobs: jobs.map((j) => j.name), pollIntervalMs, mail: mailTransport.kind },
    "worker started",
  );

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        stopped = true;
        if (timer) clearInterval(timer);
        await inFlight;
        await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
        if (!options.mailTransport) mailTransport.close();
        log.info("worker stopped");
      })();
      return stopping;
    },
  };
}
