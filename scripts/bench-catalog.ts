/**
 * `npm run bench:catalog`: how fast `next start` serves the course catalog (`/ko/courses`, the
 * demo data) next to a page that is fully prerendered at build time (the home page, `/ko`) on
 * the same server (issue 3, "Benchmarks"). A script, not a timed test: it prints both rates and
 * their ratio (target ≥ 0.9) and fails only when something errors, never on a missed target.
 *
 * Needs a production build first (`npm run build`); it does not build. Like the e2e server, it
 * starts `next start` on a free port against a fresh database with the demo data: a new database
 * `ftenroll_bench_catalog` on the PostgreSQL server of DATABASE_URL (dropped afterwards), else a
 * fresh embedded database in .data/bench-catalog. The background worker is off, so only page
 * requests are measured. Each page is warmed up, then measured with autocannon.
 *
 *   npm run bench:catalog -- [--connections 50] [--duration 10] [--rounds 2] [--workers 0] [--gzip]
 *
 * Both pages are served from Next.js's cache (the output shows `x-nextjs-cache: HIT`), so what
 * separates them is mostly their size: with pages of a few hundred KiB, reading the answers costs
 * autocannon (on the same machine) about as much as sending them costs the server, and req/s
 * falls with every KiB. The bytes per second are printed too, for that reason.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { dropDatabase, recreateDatabase } from "@/lib/db/admin";
import { env } from "@/lib/env";

const BENCH_DATABASE = "ftenroll_bench_catalog";
const DATA_DIR = path.join(".data", "bench-catalog");
const TARGET_RATIO = 0.9;
const PAGES = {
  prerendered: { label: "prerendered page (home)", path: "/ko" },
  catalog: { label: "catalog", path: "/ko/courses" },
} as const;

const { values: flags } = parseArgs({
  options: {
    serve: { type: "string" },
    "database-url": { type: "string" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    workers: { type: "string", default: "0" },
    /** Ask for gzip as browsers do (Next.js then compresses every answer itself). */
    gzip: { type: "boolean", default: false },
  },
});

const HEADERS: Record<string, string> = {
  accept: "text/html,application/xhtml+xml",
  "accept-language": "ko-KR,ko;q=0.9,en;q=0.8",
  ...(flags.gzip ? { "accept-encoding": "gzip" } : {}),
};

/**
 * The server half: this same file, run as a child process, launches `next start` (the launcher
 * stops the server and the embedded database when the parent sends SIGTERM).
 */
async function serve(port: number, databaseUrl: string | undefined): Promise<void> {
  const { launch } = await import("./lib/launch");
  if (!databaseUrl) fs.rmSync(DATA_DIR, { recursive: true, force: true });
  await launch({
    mode: "production",
    databaseUrl,
    dataDir: DATA_DIR,
    port,
    seedDemoData: true,
    extraEnv: {
      START_WORKER: "false",
      LOG_LEVEL: "warn",
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
    log: (line) => console.log(`  [server] ${line}`),
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilHealthy(base: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

type Probe = { status: number; cache: string | null };

/** One plain request: status and Next.js's cache header. */
async function probe(url: string): Promise<Probe> {
  const response = await fetch(url, { headers: HEADERS });
  await response.arrayBuffer();
  return { status: response.status, cache: response.headers.get("x-nextjs-cache") };
}

type Measurement = {
  requestsPerSecond: number;
  /** Bytes per second read (headers and bodies, compressed with --gzip). */
  bytesPerSecond: number;
  /** Bytes per answer. */
  bytesPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
};

async function measure(
  url: string,
  connections: number,
  duration: number,
  workers: number,
): Promise<Measurement> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: HEADERS,
    ...(workers > 0 ? { workers } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    bytesPerSecond: result.throughput.average,
    bytesPerRequest: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

const number = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<number> {
  if (flags.serve) {
    await serve(Number(flags.serve), flags["database-url"]);
    return -1; // keeps running until the parent stops it
  }
  const connections = Number(flags.connections);
  const duration = Number(flags.duration);
  const rounds = Number(flags.rounds);
  const workers = Number(flags.workers);
  if (
    ![connections, duration, rounds].every((n) => Number.isInteger(n) && n > 0) ||
    !Number.isInteger(workers) ||
    workers < 0
  ) {
    console.error(
      "usage: npm run bench:catalog -- [--connections 50] [--duration 10] [--rounds 2] [--workers 0] [--gzip]",
    );
    return 2;
  }
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build in .next: run `npm run build` first (this benchmark does not build).");
    return 1;
  }

  const port = await freePort();
  const base = `http://localhost:${port}`;
  const databaseUrl = env.DATABASE_URL
    ? await recreateDatabase(env.DATABASE_URL, BENCH_DATABASE)
    : undefined;
  console.log(
    `Starting next start on ${base} with the demo data in ${databaseUrl ? `database ${BENCH_DATABASE}` : "a fresh embedded database"}…`,
  );
  // The same file in server mode, under the same loader (tsx) as this process.
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      "--serve",
      String(port),
      ...(databaseUrl ? ["--database-url", databaseUrl] : []),
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  let failed = false;
  try {
    await waitUntilHealthy(base, child);

    // Warm-up: the catalog renders on its first request and is then served from the cache.
    for (const page of Object.values(PAGES)) {
      for (let i = 0; i < 5; i++) {
        const result = await probe(`${base}${page.path}`);
        if (result.status !== 200) throw new Error(`${page.path} answered ${result.status}`);
      }
    }
    const probes = {
      prerendered: await probe(`${base}${PAGES.prerendered.path}`),
      catalog: await probe(`${base}${PAGES.catalog.path}`),
    };
    for (const page of Object.values(PAGES)) await measure(`${base}${page.path}`, connections, 3, workers);

    const best: Record<keyof typeof PAGES, Measurement | null> = { prerendered: null, catalog: null };
    for (let round = 1; round <= rounds; round++) {
      for (const key of ["prerendered", "catalog"] as const) {
        const m = await measure(`${base}${PAGES[key].path}`, connections, duration, workers);
        if (m.errors + m.non2xx + m.timeouts > 0) {
          failed = true;
          console.error(
            `  ${PAGES[key].path}: ${m.errors} errors, ${m.non2xx} non-2xx answers, ${m.timeouts} timeouts`,
          );
        }
        if (!best[key] || m.requestsPerSecond > best[key]!.requestsPerSecond) best[key] = m;
      }
    }

    const ratio = best.catalog!.requestsPerSecond / best.prerendered!.requestsPerSecond;
    const byteRatio = best.catalog!.bytesPerSecond / best.prerendered!.bytesPerSecond;
    const MiB = 1024 * 1024;
    console.log("");
    console.log(
      `Catalog benchmark: autocannon, ${connections} connections${workers > 0 ? ` on ${workers} workers` : ""}, ` +
        `${duration} s per page, best of ${rounds} rounds, ${flags.gzip ? "gzip" : "uncompressed"}`,
    );
    for (const key of ["prerendered", "catalog"] as const) {
      const m = best[key]!;
      console.log(
        `  ${PAGES[key].label.padEnd(24)} ${PAGES[key].path.padEnd(12)} ${number(m.requestsPerSecond).padStart(7)} req/s` +
          `   p50 ${number(m.p50)} ms, p99 ${number(m.p99)} ms` +
          `   ${number(m.bytesPerRequest / 1024, 1)} KiB per answer, ${number(m.bytesPerSecond / MiB, 1)} MiB/s` +
          `   x-nextjs-cache: ${probes[key].cache ?? "—"}`,
      );
    }
    console.log(
      `  ratio catalog / prerendered: ${number(ratio, 2)} req/s (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "missed"}),` +
        ` ${number(byteRatio, 2)} bytes/s`,
    );
  } catch (error) {
    failed = true;
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await stopServer(child);
    if (env.DATABASE_URL) await dropDatabase(env.DATABASE_URL, BENCH_DATABASE).catch(() => {});
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
