import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/routing";
import type { SessionMailInfo } from "@/lib/notifications/templates/session-info";

/**
 * What enrollment and session mails say about a session, loaded once per transaction and
 * rendered per recipient (their language). Used by the enrollment engine and the reminder job.
 */
export type SessionMailContext = {
  sessionId: string;
  courseCode: string;
  courseTitle: Record<AppLocale, string>;
  meetings: { id: string; startsAt: Date; endsAt: Date }[];
  location: Record<AppLocale, string> | null;
};

const CENTER_NAME: Record<AppLocale, string> = {
  ko: "Fast Trak 센터 (송도)",
  en: "Fast Trak Center, Songdo",
};

export async function loadSessionMailContext(tx: Tx, sessionId: string): Promise<SessionMailContext> {
  const session = await tx.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      course: { select: { code: true, titleKo: true, titleEn: true } },
      room: { select: { nameKo: true, nameEn: true } },
      meetings: {
        where: { active: true },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true },
      },
    },
  });
  if (!session) throw new NotFoundError("SESSION_NOT_FOUND");
  return sessionMailContextOf(session);
}

/** The same context from rows a caller already loaded (saves a query inside the seat lock). */
export function sessionMailContextOf(session: {
  id: string;
  course: { code: string; titleKo: string; titleEn: string };
  room: { nameKo: string; nameEn: string } | null;
  meetings: { id: string; startsAt: Date; endsAt: Date }[];
}): SessionMailContext {
  return {
    sessionId: session.id,
    courseCode: session.course.code,
    courseTitle: { ko: session.course.titleKo, en: session.course.titleEn },
    meetings: session.meetings,
    location: session.room
      ? {
          ko: `${session.room.nameKo}, ${CENTER_NAME.ko}`,
          en: `${session.room.nameEn}, ${CENTER_NAME.en}`,
        }
      : null,
  };
}

/** Link to the trainee's own enrollments page, in their language. */
export function myEnrollmentsUrl(locale: AppLocale): string {
  return new URL(`/${locale}/me/enrollments`, env.APP_URL).toString();
}

export function sessionMailInfo(
  context: SessionMailContext,
  recipient: { name: string; locale: AppLocale },
): SessionMailInfo {
  return {
    name: recipient.name,
    courseTitle: context.courseTitle[recipient.locale],
    courseCode: context.courseCode,
    sessionId: context.sessionId,
    meetings: context.meetings,
    location: context.location?.[recipient.locale] ?? null,
    url: myEnrollmentsUrl(recipient.locale),
  };
}
