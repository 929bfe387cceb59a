/**
 * `npm run worker`: the background worker on its own, for production setups that run web
 * (`next start` with START_WORKER=false) and worker as separate processes. Needs DATABASE_URL
 * (a real PostgreSQL server: the embedded database serves one process, which `npm start` runs).
 */
import "./lib/server-only-condition";

async function main() {
  // Loaded after the hook above (the jobs reach server modules).
  const { startWorker } = await import("@/lib/jobs/worker");
  const { logger } = await import("@/lib/logger");
  const { getPool } = await import("@/lib/db/pool");
  const worker = await startWorker({ logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping worker");
    try {
      await worker.stop();
      await getPool().end();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "worker did not stop cleanly");
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch(async (err: unknown) => {
  const { logger } = await import("@/lib/logger");
  logger.fatal({ err }, "worker failed to start");
  process.exit(1);
});
