import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { can } from "@/lib/auth/permissions";
import { isAppLocale } from "@/lib/i18n/routing";
import { buildRosterExport, type ExportFormat } from "@/lib/rosters/export";

/** Record ids are cuids; anything else cannot name a session. */
const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const status = (code: 403 | 404) =>
  new Response(null, { status: code, headers: { "Cache-Control": "private, no-store" } });

/**
 * The roster download (both route handlers, export.csv and export.xlsx): signed in (or sent to
 * sign-in and back), allowed to manage rosters, and the session within the viewer's roster scope
 * — a session someone else teaches is 404, as on the roster page. Never cached: it holds
 * personal data.
 */
export async function rosterExportResponse(
  request: Request,
  params: Promise<{ locale: string; id: string }>,
  format: ExportFormat,
): Promise<Response> {
  const { locale, id } = await params;
  if (!isAppLocale(locale)) return status(404);

  const user = await getCurrentUser();
  if (!user) {
    // The proxy skips paths with a dot, so the return path is taken from the request itself.
    const callbackUrl = safeCallbackPath(new URL(request.url).pathname, locale);
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  if (!can(user, "roster:manage:assigned")) return status(403);

  const sessionId = sessionIdSchema.safeParse(id);
  if (!sessionId.success) return status(404);
  const file = await buildRosterExport(user, sessionId.data, locale, format);
  if (!file) return status(404);

  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
