import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The shared parts of the route handlers that send a file (calendar, certificate, sign-in
 * sheet, exports). Files hold personal data: never cached, never sniffed.
 */

/** Record ids are cuids; anything else cannot name a record. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** An empty refusal (403/404) that no cache keeps. */
export function refusal(code: 403 | 404): Response {
  return new Response(null, { status: code, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * The signed-in user, or a redirect to sign-in that comes back to this file. The proxy skips
 * paths with a dot, so the return path is taken from the request itself.
 */
export async function downloadUser(
  request: Request,
  locale: AppLocale,
  options: { keepQuery?: boolean } = {},
): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const url = new URL(request.url);
  const path = options.keepQuery ? `${url.pathname}${url.search}` : url.pathname;
  const callbackUrl = safeCallbackPath(path, locale);
  redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
}

/** The file itself, as an attachment (or inline, e.g. a sheet to print). */
export function fileResponse(file: {
  body: string | Uint8Array | Buffer;
  contentType: string;
  filename: string;
  disposition?: "attachment" | "inline";
}): Response {
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${file.disposition ?? "attachment"}; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
