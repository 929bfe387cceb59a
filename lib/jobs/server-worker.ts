import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";

declare global {
  var __ftWorker: Promise<RunningWorker> | undefined;
}

/**
 * Starts the worker inside the Next.js server (from instrumentation.ts), once per process:
 * dev-mode reloads and a second register() call (e.g. from the proxy bundle) reuse it.
 * Not during `next build`, which loads server code but must not touch the database.
 */
export async function startWorkerInServer(): Promise<void> {
  if (!env.START_WORKER || env.NEXT_PHASE === "phase-production-build") return;
  if (globalThis.__ftWorker) return;
  globalThis.__ftWorker = startWorker({ logger });
  try {
    const worker = await globalThis.__ftWorker;
    // Best effort: Next.js exits soon after SIGTERM. A send cut short stays SENDING and is
    // later marked UNCERTAIN, never re-sent, so an abrupt exit cannot duplicate mail.
    const stop = () =>
      void worker.stop().catch((err: unknown) => logger.error({ err }, "worker stop failed"));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (err) {
    // The site stays up without the worker; mail waits in the outbox until a worker runs.
    globalThis.__ftWorker = undefined;
    logger.error({ err }, "background worker failed to start");
  }
}
