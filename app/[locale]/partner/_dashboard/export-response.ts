import "server-only";
import { can } from "@/lib/auth/permissions";
import { buildMemberProgressExport, type ExportFormat } from "@/lib/cohorts/partner-dashboard.export";
import { partnerDashboardQuerySchema } from "@/lib/cohorts/partner-dashboard.schemas";
import { downloadUser, fileResponse, refusal } from "@/lib/http/download";
import { isAppLocale } from "@/lib/i18n/routing";

/**
 * The member progress download (export.csv and export.xlsx): signed in (or sent to sign-in and
 * back), allowed to see partner cohorts, and narrowed to the viewer's scope by the query — a
 * coordinator gets their own organization's members whatever the URL's filters say.
 */
export async function memberExportResponse(
  request: Request,
  params: Promise<{ locale: string }>,
  format: ExportFormat,
): Promise<Response> {
  const { locale } = await params;
  if (!isAppLocale(locale)) return refusal(404);
  const user = await downloadUser(request, locale, { keepQuery: true });
  if (!can(user, "cohort:manage:own-org")) return refusal(403);

  const query = partnerDashboardQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return fileResponse(await buildMemberProgressExport(user, query, locale, format));
}
