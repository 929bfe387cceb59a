import { getPool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";

const DATABASE_TIMEOUT_MS = 2_000;

async function databaseIsUp(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
  });
  // The pool may first have to wait for a free connection; the timeout covers that wait too.
  const probe = getPool()
    .query("SELECT 1")
    .then(() => true)
    .catch((err: unknown) => {
      logger.warn({ err }, "health check: database query failed");
      return false;
    });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body of GET /api/health: liveness and database reachability, never cached. */
export async function healthResponse(): Promise<Response> {
  let up = false;
  try {
    up = await databaseIsUp();
  } catch (err) {
    // e.g. DATABASE_URL missing: report "down", never the configuration itself.
    logger.warn({ err }, "health check failed");
  }
  return Response.json(
    { status: up ? "ok" : "error", database: up ? "up" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
