import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { can } from "@/lib/auth/permissions";
import { sessionCalendarFile } from "@/lib/calendar/session-calendar";
import { getOwnEnrollmentCalendar } from "@/lib/enrollments/calendar.queries";
import { isAppLocale } from "@/lib/i18n/routing";

/** Record ids are cuids; anything else cannot name an enrollment. */
const enrollmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const status = (code: 403 | 404) =>
  new Response(null, { status: code, headers: { "Cache-Control": "private, no-store" } });

/**
 * The .ics file of one of the signed-in trainee's enrollments (linked from My enrollments):
 * every meeting in Asia/Seoul with the same UIDs as the files attached to their mails, so an
 * import updates the events instead of duplicating them. A cancelled, declined, expired or
 * rejected enrollment, or a cancelled session, gets the cancelling variant.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; enrollmentId: string }> },
) {
  const { locale, enrollmentId } = await params;
  if (!isAppLocale(locale)) return status(404);

  const user = await getCurrentUser();
  if (!user) {
    // The proxy skips paths with a dot, so the return path is taken from the request itself.
    const callbackUrl = safeCallbackPath(new URL(request.url).pathname, locale);
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  if (!can(user, "enrollment:read:own")) return status(403);

  const id = enrollmentIdSchema.safeParse(enrollmentId);
  if (!id.success) return status(404);
  const calendar = await getOwnEnrollmentCalendar(user, id.data, locale);
  if (!calendar) return status(404);

  const file = sessionCalendarFile(calendar.info, locale, { method: calendar.method });
  return new Response(file.content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
