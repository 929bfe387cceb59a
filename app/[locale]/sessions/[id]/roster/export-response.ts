import "server-only";
import { can } from "@/lib/auth/permissions";
import { downloadUser, fileResponse, recordIdSchema, refusal } from "@/lib/http/download";
import { isAppLocale } from "@/lib/i18n/routing";
import { buildRosterExport, type ExportFormat } from "@/lib/rosters/export";

/**
 * The roster download (both route handlers, export.csv and export.xlsx): signed in (or sent to
 * sign-in and back), allowed to manage rosters, and the session within the viewer's roster scope
 * — a session someone else teaches is 404, as on the roster page.
 */
export async function rosterExportResponse(
  request: Request,
  params: Promise<{ locale: string; id: string }>,
  format: ExportFormat,
): Promise<Response> {
  const { locale, id } = await params;
  if (!isAppLocale(locale)) return refusal(404);
  const user = await downloadUser(request, locale);
  if (!can(user, "roster:manage:assigned")) return refusal(403);

  const sessionId = recordIdSchema.safeParse(id);
  if (!sessionId.success) return refusal(404);
  const file = await buildRosterExport(user, sessionId.data, locale, format);
  if (!file) return refusal(404);
  return fileResponse(file);
}
