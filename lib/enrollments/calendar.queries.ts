import "server-only";
import { db } from "@/lib/db/client";
import type { EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { SessionIcsMethod } from "@/lib/calendar/session-ics";
import type { AppLocale } from "@/lib/i18n/routing";
import type { SessionMailInfo } from "@/lib/notifications/templates/session-info";
import { sessionMailContextOf, sessionMailInfo } from "@/lib/enrollments/enrollments.mail";

/**
 * Statuses in which the trainee no longer has (or will not get) a place: their calendar file
 * cancels the meetings, so events imported earlier are struck out instead of lingering.
 */
const NOT_ATTENDING: ReadonlySet<EnrollmentStatus> = new Set<EnrollmentStatus>([
  "CANCELLED",
  "DECLINED",
  "EXPIRED",
  "REJECTED",
]);

export type EnrollmentCalendar = {
  /** The same data the enrollment mails carry, so the downloaded file matches the attached one. */
  info: SessionMailInfo;
  method: SessionIcsMethod;
};

/**
 * The calendar data of one of the viewer's own enrollments, in `locale`; null when there is no
 * such enrollment of theirs (another user's id looks exactly like a missing one).
 */
export async function getOwnEnrollmentCalendar(
  viewer: CurrentUser,
  enrollmentId: string,
  locale: AppLocale,
): Promise<EnrollmentCalendar | null> {
  requirePermission(viewer, "enrollment:read:own");
  const enrollment = await db.enrollment.findFirst({
    where: { id: enrollmentId, userId: viewer.id },
    select: {
      status: true,
      session: {
        select: {
          id: true,
          status: true,
          course: { select: { code: true, titleKo: true, titleEn: true } },
          room: { select: { nameKo: true, nameEn: true } },
          // Every meeting, including those of a cancelled session (the database marks them
          // inactive), which the cancelling file must name.
          meetings: {
            orderBy: { startsAt: "asc" },
            select: { id: true, startsAt: true, endsAt: true },
          },
        },
      },
    },
  });
  if (!enrollment || enrollment.session.meetings.length === 0) return null;
  const cancelled =
    enrollment.session.status === "CANCELLED" || NOT_ATTENDING.has(enrollment.status);
  return {
    info: sessionMailInfo(sessionMailContextOf(enrollment.session), { name: viewer.name, locale }),
    method: cancelled ? "CANCEL" : "PUBLISH",
  };
}
