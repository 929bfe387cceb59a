import pg from "pg";

/** `postgres://…/other` → the same server, database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return name;
}

/** Drops (terminating its connections) and recreates database `name` on the server of `serverUrl`. */
export async function recreateDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${assertIdentifier(name)} WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE ${assertIdentifier(name)}${template ? ` TEMPLATE ${assertIdentifier(template)}` : ""}`,
    );
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${assertIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
