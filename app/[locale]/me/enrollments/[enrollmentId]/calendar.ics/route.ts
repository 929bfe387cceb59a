import { can } from "@/lib/auth/permissions";
import { sessionCalendarFile } from "@/lib/calendar/session-calendar";
import { getOwnEnrollmentCalendar } from "@/lib/enrollments/calendar.queries";
import { downloadUser, fileResponse, recordIdSchema, refusal } from "@/lib/http/download";
import { isAppLocale } from "@/lib/i18n/routing";

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
  if (!isAppLocale(locale)) return refusal(404);
  const user = await downloadUser(request, locale);
  if (!can(user, "enrollment:read:own")) return refusal(403);

  const id = recordIdSchema.safeParse(enrollmentId);
  if (!id.success) return refusal(404);
  const calendar = await getOwnEnrollmentCalendar(user, id.data, locale);
  if (!calendar) return refusal(404);

  const file = sessionCalendarFile(calendar.info, locale, { method: calendar.method });
  return fileResponse({
    body: file.content,
    contentType: "text/calendar; charset=utf-8",
    filename: file.filename,
  });
}
