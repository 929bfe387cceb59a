import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Cache Components: pages are prerendered static shells, data is cached with "use cache" and
  // tags (lib/courses/catalog-cache.ts), request-time reads sit in <Suspense> or in pages marked
  // `instant = false`. HTTP statuses that depend on the session (the sign-in redirect, 403)
  // come from proxy.ts, because a page can no longer change its status once the shell is sent.
  // See docs/decisions/0007-cache-components.md.
  cacheComponents: true,
  // Off: the course pages and the static catalog pages await `params` outside <Suspense>, so
  // the first request for a path renders it completely (a real 404 for an unknown course)
  // and stores it; with partial prefetching that request would get the shell instead.
  partialPrefetching: false,
  // `forbidden()` renders app/[locale]/forbidden.tsx with HTTP 403 when a signed-in user lacks a permission.
  experimental: {
    authInterrupts: true,
    // Server actions accept up to 1 MB by default; the cohort member import takes files of up to
    // 2 MB (lib/cohorts/cohorts.schemas.ts IMPORT_MAX_BYTES) and checks that limit itself.
    serverActions: { bodySizeLimit: "3mb" },
    // Pages rendered at request time (the catalog, course pages) stay in memory, never written
    // into .next: after a restart, or against another database (the e2e and benchmark servers),
    // they are rendered afresh instead of served from a file an earlier run wrote.
    isrFlushToDisk: false,
  },
  serverExternalPackages: ["pino", "pg", "pg-boss", "@node-rs/argon2", "@electric-sql/pglite", "nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default withNextIntl(nextConfig);
