/**
 * `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL, or, when it is
 * unset, to the embedded database in DATA_DIR (which must not be open in a running app).
 */
import { env } from "@/lib/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { describeDatabase } from "@/lib/db/url";

async function main(): Promise<void> {
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dataDir: env.DATA_DIR });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    console.log(`Migrating ${embedded ? `the embedded database in ${embedded.dataDir}` : describeDatabase(url)}…`);
    const applied = await applyMigrations(url, { log: (line) => console.log(`  ${line}`) });
    console.log(applied.length ? `Done: ${applied.length} migration(s) applied.` : "Already up to date.");
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
