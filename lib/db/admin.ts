/**
 * Creating and dropping whole databases on a real PostgreSQL server: test databases cloned
 * from a migrated template, the e2e database. Never pointed at the embedded database (PGlite
 * holds a single database). No "server-only" and no lib/env: scripts and the test harness
 * run this outside Next.js.
 */
import pg from "pg";
import { connectionString, databaseName, withDatabase } from "./url";

export { withDatabase };

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteDatabase(name: string): string {
  // Names come from our own code; refuse anything that would need real quoting.
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing unusual database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/**
 * Runs `fn` on a connection to the server of `url`, in a database other than `avoid` (you
 * cannot drop the database you are connected to, nor clone a template someone is in).
 */
export async function withAdminClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
  avoid?: string,
): Promise<T> {
  const current = databaseName(url);
  const adminDatabase = current === avoid ? "postgres" : current;
  const client = new pg.Client({ connectionString: connectionString(withDatabase(url, adminDatabase)), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops `name` (disconnecting anyone in it). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteDatabase(name)} WITH (FORCE)`), name);
}

/** Creates `name`, optionally as a copy of `template`; returns its URL. */
export async function createDatabase(url: string, name: string, options: { template?: string } = {}): Promise<string> {
  const template = options.template ? ` TEMPLATE ${quoteDatabase(options.template)}` : "";
  await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${quoteDatabase(name)}${template}`), name);
  return withDatabase(url, name);
}

/** Drops `name` (disconnecting anyone in it) and creates it anew, empty or as a copy of `template`; returns its URL. */
export async function recreateDatabase(url: string, name: string, template?: string): Promise<string> {
  await dropDatabase(url, name);
  return createDatabase(url, name, { template });
}

/** Databases on the server whose names start with `prefix`. */
export async function listDatabases(url: string, prefix: string): Promise<string[]> {
  return withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}
