import pino from "pino";
import { env } from "@/lib/env";

/** Structured JSON logs. Request-scoped children carry the request id (see lib/request-context). */
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: "fast-trak-enroll" },
  redact: ["password", "*.password", "token", "*.token", "passwordHash"],
});
