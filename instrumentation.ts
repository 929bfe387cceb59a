/**
 * Next.js calls register() once when a server process starts. With START_WORKER (default
 * true) the background worker runs inside the web server, so `npm start` is one process on
 * one database connection (which the embedded database requires). Production can instead set
 * START_WORKER=false and run `npm run worker` separately.
 */
export async function register() {
  // NEXT_RUNTIME is inlined by Next.js at build time (not configuration, so not read via
  // lib/env): the check lets the bundler drop the Node-only worker from the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWorkerInServer } = await import("@/lib/jobs/server-worker");
  await startWorkerInServer();
}
