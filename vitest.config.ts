import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const exclude = [...configDefaults.exclude, "**/.next/**", "**/.data/**", "e2e/**", "lib/generated/**"];

/**
 * Two projects:
 * - unit: `*.test.ts(x)`, no database;
 * - integration: `*.integration.test.ts`, each file with its own freshly migrated database
 *   (real PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set, embedded PGlite otherwise;
 *   see lib/test/database.ts).
 * `npx vitest run --project unit`, `npx vitest run --project integration lib/db`.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next.js resolves "server-only" to an empty module on the server; Node would throw.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    env: { NODE_ENV: "test" },
    // Processes, not threads: PGlite's WebAssembly heap and native modules (argon2) stay per file.
    // Two workers for the two cores of the machines this runs on.
    pool: "forks",
    maxWorkers: 2,
    teardownTimeout: 60_000,
    exclude,
    // next-intl imports "next/navigation" without an extension, which Node's ESM loader
    // refuses (next has no exports map); letting Vite transform it resolves the import.
    server: { deps: { inline: ["next-intl"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "**/*.integration.test.ts"],
          testTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.integration.test.ts"],
          globalSetup: ["lib/test/global-setup-database.ts"],
          setupFiles: ["lib/test/setup-database.ts"],
          // Starting a PGlite takes a second or two, more when both cores are busy.
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
