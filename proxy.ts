import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { gatePage } from "@/lib/auth/page-gate";
import { STATIC_CATALOG_ROUTE, staticCatalogPage } from "@/lib/courses/catalog.schemas";
import { routing } from "@/lib/i18n/routing";
import { HSTS_HEADER } from "@/lib/security-headers";

const intl = createIntlMiddleware(routing);
const LOCALE_PATH = new RegExp(`^/(${routing.locales.join("|")})(/.*)?$`);

/**
 * Locale negotiation for pages, a request id on every request, HSTS over https, and what a
 * page's HTTP status depends on (Cache Components sends a page's static shell, with 200, before
 * the page runs): the sign-in redirect and the 403 of protected pages (lib/auth/page-gate.ts),
 * and the unfiltered catalog served from its static route. The gate is a first answer, not
 * the authorization: pages, actions and route handlers check for themselves.
 */
export default async function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  request.headers.set("x-request-id", requestId);
  // The page's own path, for requireUser's "sign in and come back here" (overwrites any client value).
  request.headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const response = isApi
    ? NextResponse.next({ request: { headers: request.headers } })
    : await pageResponse(request);
  response.headers.set("x-request-id", requestId);
  const https =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

async function pageResponse(request: NextRequest): Promise<NextResponse> {
  const negotiated = intl(request);
  // A locale redirect, or a request that does not read a page (a server action's POST), is final.
  const reading = request.method === "GET" || request.method === "HEAD";
  if (negotiated.headers.get("x-middleware-next") !== "1" || !reading) return negotiated;
  const match = LOCALE_PATH.exec(request.nextUrl.pathname);
  if (!match) return negotiated;
  const locale = match[1]!;
  const path = match[2] ?? "/";

  // The static catalog route is reached through /courses only (its cached pages must have been
  // rendered for that URL); asked for directly, it does not exist.
  if (path === STATIC_CATALOG_ROUTE || path.startsWith(`${STATIC_CATALOG_ROUTE}/`)) {
    return rewrite(negotiated, request, `/${locale}/404`);
  }
  if (path === "/courses") {
    const page = staticCatalogPage(request.nextUrl.searchParams);
    if (page !== null) return rewrite(negotiated, request, `/${locale}${STATIC_CATALOG_ROUTE}/${page}`);
    return negotiated;
  }

  const gate = await gatePage(request, locale, path);
  if (gate.kind === "sign-in") return NextResponse.redirect(new URL(gate.location, request.url));
  // app/[locale]/access-denied is prerendered as the 403 page, so the status comes with it.
  if (gate.kind === "forbidden") return rewrite(negotiated, request, `/${locale}/access-denied`);
  return negotiated;
}

/** Rewrites to `pathname`, keeping what locale negotiation added (request headers, cookie, Link). */
function rewrite(negotiated: NextResponse, request: NextRequest, pathname: string): NextResponse {
  const response = NextResponse.rewrite(new URL(pathname, request.url));
  negotiated.headers.forEach((value, key) => {
    if (key !== "x-middleware-next" && key !== "set-cookie") response.headers.set(key, value);
  });
  for (const cookie of negotiated.cookies.getAll()) response.cookies.set(cookie);
  return response;
}

export const config = {
  matcher: ["/((?!_next|_vercel|favicon.ico|.*\\..*).*)"],
};
