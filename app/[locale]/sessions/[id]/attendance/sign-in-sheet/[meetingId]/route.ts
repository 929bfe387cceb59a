import { can } from "@/lib/auth/permissions";
import { getSignInSheet } from "@/lib/attendance/attendance.queries";
import { renderSignInSheetPdf } from "@/lib/attendance/sign-in-sheet-pdf";
import { downloadUser, fileResponse, recordIdSchema, refusal } from "@/lib/http/download";
import { isAppLocale } from "@/lib/i18n/routing";

/**
 * The printable sign-in sheet (A4 PDF) of one meeting, for the session's instructors and
 * admins; for anyone else the session does not exist (404).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; id: string; meetingId: string }> },
) {
  const { locale, id, meetingId } = await params;
  if (!isAppLocale(locale)) return refusal(404);
  const user = await downloadUser(request, locale);
  if (!can(user, "attendance:record:assigned")) return refusal(403);

  const sessionId = recordIdSchema.safeParse(id);
  const meeting = recordIdSchema.safeParse(meetingId);
  if (!sessionId.success || !meeting.success) return refusal(404);
  const sheet = await getSignInSheet(user, { sessionId: sessionId.data, meetingId: meeting.data });
  if (!sheet) return refusal(404);

  return fileResponse({
    body: await renderSignInSheetPdf(sheet),
    contentType: "application/pdf",
    filename: `sign-in-${sheet.courseCode}-${sheet.meeting.index}.pdf`,
    // Opened in the browser's viewer, ready to print.
    disposition: "inline",
  });
}
