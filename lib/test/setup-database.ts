/**
 * Setup file of the "integration" project: runs in each test file's worker before the file's
 * own imports, gives the file a fresh migrated database and points DATABASE_URL at it
 * (lib/env.ts reads it when first imported; lib/db/client.ts connects lazily).
 *
 * Nothing here may import lib/env or lib/db/client: the environment is not ready yet.
 */
import { afterAll, inject } from "vitest";
import { provisionTestDatabase } from "./database";

const database = await provisionTestDatabase(inject("testDatabase"));
process.env.DATABASE_URL = database.url;

// The app's client and pool live on globalThis (lib/db/client.ts, lib/db/pool.ts).
const app = globalThis as unknown as {
  __ftPrisma?: { $disconnect(): Promise<void> };
  __ftPool?: { end(): Promise<void> };
};

// Registered first, so it runs after the test file's own afterAll hooks (Vitest runs them as a stack).
afterAll(async () => {
  // Close the app's connections before the database goes away.
  await app.__ftPrisma?.$disconnect().catch(() => {});
  await app.__ftPool?.end().catch(() => {});
  app.__ftPrisma = undefined;
  app.__ftPool = undefined;
  await database.release();
});
