import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { can } from "@/lib/auth/permissions";
import { isAppLocale } from "@/lib/i18n/routing";
import { buildMemberProgressExport, type ExportFormat } from "@/lib/cohorts/partner-dashboard.export";
import { partnerDashboardQuerySchema } from "@/lib/cohorts/partner-dashboard.schemas";

const status = (code: 403 | 404) =>
  new Response(null, { status: code, headers: { "Cache-Control": "private, no-store" } });

/**
 * The member progress download (export.csv and export.xlsx): signed in (or sent to sign-in and
 * back), allowed to see partner cohorts, and narrowed to the viewer's scope by the query — a
 * coordinator gets their own organization's members whatever the URL's filters say. Never
 * cached: it holds personal data.
 */
export async function memberExportResponse(
  request: Request,
  params: Promise<{ locale: string }>,
  format: ExportFormat,
): Promise<Response> {
  const { locale } = await params;
  if (!isAppLocale(locale)) return status(404);

  const user = await getCurrentUser();
  if (!user) {
    // The proxy skips paths with a dot, so the return path is taken from the request itself.
    const url = new URL(request.url);
    const callbackUrl = safeCallbackPath(`${url.pathname}${url.search}`, locale);
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  if (!can(user, "cohort:manage:own-org")) return status(403);

  const query = partnerDashboardQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const file = await buildMemberProgressExport(user, query, locale, format);
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
