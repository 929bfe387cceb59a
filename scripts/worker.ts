/**
 * `npm run worker`: the background worker on its own, for production setups that run web
 * (`next start` with START_WORKER=false) and worker as separate processes. Needs DATABASE_URL
 * (a real PostgreSQL server: the embedded database serves one process, which `npm start` runs).
 */
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { getPool } from "@/lib/db/pool";

async function main() {
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

main().catch((err: unknown) => {
  logger.fatal({ err }, "worker failed to start");
  process.exit(1);
});
