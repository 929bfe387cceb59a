import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `forbidden()` renders app/[locale]/forbidden.tsx with HTTP 403 when a signed-in user lacks a permission.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "pg", "pg-boss", "@node-rs/argon2", "@electric-sql/pglite", "nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default withNextIntl(nextConfig);
