/**
 * Connection-URL helpers shared by the app's pool, the migration applier, the embedded
 * database and the test harness. No "server-only" and no lib/env here: scripts run by tsx
 * (migrate, start) import this too.
 */

/** Query flag marking a URL served by the embedded database (see lib/db/embedded.ts). */
export const EMBEDDED_FLAG = "embedded";

export function isEmbeddedDatabase(url: string): boolean {
  return new URL(url).searchParams.get(EMBEDDED_FLAG) === "1";
}

export function markEmbedded(url: string): string {
  const marked = new URL(url);
  marked.searchParams.set(EMBEDDED_FLAG, "1");
  return marked.toString();
}

/** The URL as node-postgres should see it: our own flag removed. */
export function connectionString(url: string): string {
  const cleaned = new URL(url);
  cleaned.searchParams.delete(EMBEDDED_FLAG);
  return cleaned.toString();
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${encodeURIComponent(database)}`;
  return other.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** Host, port and database of a URL without its credentials, for logs and error messages. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}/${databaseName(url)}${isEmbeddedDatabase(url) ? " (embedded)" : ""}`;
}
