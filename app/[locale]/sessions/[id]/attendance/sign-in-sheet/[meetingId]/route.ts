import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { can } from "@/lib/auth/permissions";
import { getSignInSheet } from "@/lib/attendance/attendance.queries";
import { renderSignInSheetPdf } from "@/lib/attendance/sign-in-sheet-pdf";
import { isAppLocale } from "@/lib/i18n/routing";

/** Record ids are cuids; anything else cannot name a session or meeting. */
const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const status = (code: 403 | 404) =>
  new Response(null, { status: code, headers: { "Cache-Control": "private, no-store" } });

/**
 * The printable sign-in sheet (A4 PDF) of one meeting, for the session's instructors and
 * admins; for anyone else the session does not exist (404).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; id: string; meetingId: string }> },
) {
  const { locale, id, meetingId } = await params;
  if (!isAppLocale(locale)) return status(404);

  const user = await getCurrentUser();
  if (!user) {
    const callbackUrl = safeCallbackPath(new URL(request.url).pathname, locale);
    redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`);
  }
  if (!can(user, "attendance:record:assigned")) return status(403);

  const sessionId = idSchema.safeParse(id);
  const meeting = idSchema.safeParse(meetingId);
  if (!sessionId.success || !meeting.success) return status(404);
  const sheet = await getSignInSheet(user, { sessionId: sessionId.data, meetingId: meeting.data });
  if (!sheet) return status(404);

  const pdf = await renderSignInSheetPdf(sheet);
  const filename = `sign-in-${sheet.courseCode}-${sheet.meeting.index}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // Opened in the browser's viewer, ready to print.
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
