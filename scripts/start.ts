// `npm start` / `npm run dev`: see scripts/lib/launch.ts.
import { env } from "@/lib/env";
import { launch } from "./lib/launch";

const dev = process.argv.includes("--dev");

void launch({
  mode: dev ? "development" : "production",
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  port: env.PORT,
  seedDemoData: !env.DATABASE_URL || env.SEED_DEMO_DATA,
});
