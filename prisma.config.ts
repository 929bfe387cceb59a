import { defineConfig } from "prisma/config";

// Migrations are hand-written SQL applied by lib/db/migrate.ts (see docs/decisions/0001).
// The datasource URL only matters to Prisma CLI commands that talk to a server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
