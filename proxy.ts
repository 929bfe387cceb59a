import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { HSTS_HEADER } from "@/lib/security-headers";

const intl = createIntlMiddleware(routing);

/**
 * Locale negotiation for pages, a request id on every request, HSTS over https.
 * Never an authorization check: pages, actions and route handlers check for themselves.
 */
export default function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  request.headers.set("x-request-id", requestId);
  // The page's own path, for requireUser's "sign in and come back here" (overwrites any client value).
  request.headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const response = isApi ? NextResponse.next({ request: { headers: request.headers } }) : intl(request);
  response.headers.set("x-request-id", requestId);
  const https =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

export const config = {
  matcher: ["/((?!_next|_vercel|favicon.ico|.*\\..*).*)"],
};
