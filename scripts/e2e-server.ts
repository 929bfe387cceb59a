/**
 * The server Playwright tests run against: a fresh database (a new database on the real
 * server when DATABASE_URL is set, a fresh embedded one otherwise) with demo data, a real SMTP
 * sink for mail, and the production build started by `next start`.
 */
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { recreateDatabase } from "@/lib/db/admin";
import { startTestSmtpServer } from "@/lib/test/smtp-server";
import { MAILBOX_DIR } from "@/e2e/support/mailbox";
import { launch } from "./lib/launch";

const E2E_PORT = Number(process.argv[2] ?? 3100);

async function main() {
  const dataDir = path.join(process.cwd(), ".data", "e2e");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(MAILBOX_DIR, { recursive: true, force: true });
  const databaseUrl = env.DATABASE_URL
    ? await recreateDatabase(env.DATABASE_URL, "ftenroll_e2e")
    : undefined;
  const sink = await startTestSmtpServer({ saveTo: MAILBOX_DIR });
  process.on("exit", () => void sink.stop());
  await launch({
    mode: "production",
    databaseUrl,
    dataDir,
    port: E2E_PORT,
    seedDemoData: true,
    extraEnv: {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      APP_URL: `http://localhost:${E2E_PORT}`,
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      WORKER_POLL_MS: "500",
    },
  });
}

void main();
