/**
 * Starts Fast Trak Enroll: database (embedded PGlite when no DATABASE_URL), migrations, demo
 * data on first run, a production build when none exists, then the Next.js server with the
 * worker inside it (instrumentation.ts). Ctrl-C stops everything and leaves the data in place.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createPool } from "@/lib/db/pool";

export type LaunchOptions = {
  mode: "production" | "development";
  /** A real PostgreSQL server; undefined = the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  /** Seed demo data when the database has no users yet. */
  seedDemoData: boolean;
  /** Extra variables for the Next.js server (e.g. SMTP_URL in e2e runs). */
  extraEnv?: Record<string, string>;
  log?: (line: string) => void;
};

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function run(cmd: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: childEnv });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
    child.on("error", reject);
  });
}

/** A per-install secret for signing sessions, generated once and kept with the data. */
function sessionSecret(dataDir: string): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function seedIfEmpty(url: string, log: (line: string) => void): Promise<boolean> {
  const pool = createPool(url, 1);
  try {
    const { rows } = await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM users");
    if (Number(rows[0]?.n ?? 0) > 0) return false;
  } finally {
    await pool.end();
  }
  log("Seeding demo data (first run)…");
  const { seed } = await import("@/prisma/seed");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const seedPool = createPool(url, 1);
  const client = new PrismaClient({ adapter: new PrismaPg(seedPool) });
  try {
    await seed(client, { log });
  } finally {
    await client.$disconnect();
    await seedPool.end().catch(() => {});
  }
  return true;
}

export async function launch(options: LaunchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(`[fast-trak] ${line}`));
  const dataDir = path.resolve(options.dataDir);
  let stopDatabase: (() => Promise<void>) | undefined;
  let url = options.databaseUrl;
  if (!url) {
    log(`Starting the embedded database in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    const embedded = await startEmbeddedDatabase({ dataDir });
    url = embedded.url;
    stopDatabase = embedded.stop;
  }

  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      const timeout = setTimeout(() => child?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    if (stopDatabase) await stopDatabase();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const applied = await applyMigrations(url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
    if (options.seedDemoData && (await seedIfEmpty(url, log))) {
      const { DEMO_ACCOUNTS } = await import("@/prisma/seed/demo-accounts");
      log("Demo accounts (password for all: " + DEMO_ACCOUNTS[0]!.password + "):");
      for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(10)} ${a.email}`);
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: sessionSecret(dataDir),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.APP_URL,
      PORT: String(options.port),
      ...options.extraEnv,
    };

    if (options.mode === "production" && !fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
      log("No production build found: building (this takes a few minutes the first time)…");
      await run(process.execPath, [nextBin, "build"], { ...childEnv, NODE_ENV: "production" });
    }

    const args = options.mode === "production" ? ["start", "-p", String(options.port)] : ["dev", "-p", String(options.port)];
    child = spawn(process.execPath, [nextBin, ...args], {
      stdio: "inherit",
      env: { ...childEnv, NODE_ENV: options.mode },
    });
    log(`Fast Trak Enroll: http://localhost:${options.port}  (Ctrl-C to stop)`);
    child.on("exit", (code) => void stop(code ?? 0));
  } catch (error) {
    // A clear sentence for the person at the terminal; the stack only when asked for.
    console.error(env.LOG_LEVEL === "debug" || !(error instanceof Error) ? error : `Error: ${error.message}`);
    await stop(1);
  }
}
