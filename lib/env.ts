import { z } from "zod";

/**
 * The only module that reads process.env. Every variable the app understands is declared,
 * validated and documented here (and in the README's configuration table).
 */
const booleanish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server. Unset: the embedded database (PGlite) in DATA_DIR is used. */
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  /** Folder for the embedded database, demo mail and other local state. */
  DATA_DIR: z.string().default(".data"),
  /** Public base URL of the app, used in links inside mails. Default: http://localhost:<PORT>. */
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Secret for signing session JWTs. Required in production. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** SMTP server for outgoing mail (smtp://user:pass@host:port). Unset: mails go to DATA_DIR/mail. */
  SMTP_URL: z
    .union([
      z.literal(""),
      z.string().regex(/^smtps?:\/\/[^/]/, { error: "SMTP_URL must be smtp(s)://…" }),
    ])
    .optional()
    .transform((v) => v || undefined),
  MAIL_FROM: z.string().default("Fast Trak Enroll <no-reply@fasttrak.example>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Pool size of the app's database client. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().optional(),
  /** Run the background worker inside `npm start` (default true). */
  START_WORKER: booleanish.default(true),
  /** How often (ms) each worker looks for due outbox mail, so mail leaves within seconds. */
  WORKER_POLL_MS: z.coerce.number().int().min(100).default(3000),
  /** Set by Next.js itself; "phase-production-build" during `next build` (no worker, no database then). */
  NEXT_PHASE: z.string().optional(),
  /** Seed demo data on first start against a real DATABASE_URL (the embedded database always does). */
  SEED_DEMO_DATA: booleanish.default(false),
  /** Canonical URL next-auth uses for callbacks; the launcher sets it from APP_URL. */
  NEXTAUTH_URL: z.url().optional(),
  /** Trust X-Forwarded-For for rate limiting (set behind a reverse proxy). */
  TRUST_PROXY: booleanish.default(false),
});

export type Env = Omit<z.infer<typeof schema>, "APP_URL"> & { APP_URL: string };

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${issues}`);
  }
  const env = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` };
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && env.NEXT_PHASE !== "phase-production-build") {
    // A missing secret in production must not silently fall back to a guessable value.
    // The launcher (scripts/start.ts) generates and stores one for demo installs.
    throw new Error("NEXTAUTH_SECRET is required in production");
  }
  return env;
}

export const env: Env = load();
