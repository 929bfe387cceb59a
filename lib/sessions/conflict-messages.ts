import "server-only";
import { ConflictError } from "@/lib/errors";
import { serverTranslator } from "@/lib/actions/translator";
import { formatMeetingRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import { ScheduleConflictError, type ScheduleConflict } from "@/lib/sessions/conflicts";

/**
 * Conflicts in the user's language, one line each, naming the clashing session by its course
 * and meeting time. The conflict check and the save (whether its own check or the database's
 * exclusion constraint refused it) both go through here, so an admin who loses a race sees
 * exactly the message the check would have shown.
 */
export function describeConflict(conflict: ScheduleConflict, locale: AppLocale): string {
  const t = serverTranslator(locale);
  if (conflict.kind === "CAPACITY_ABOVE_ROOM") {
    return t("adminSessions.conflicts.CAPACITY_ABOVE_ROOM", {
      capacity: conflict.capacity,
      roomCapacity: conflict.roomCapacity,
      room: conflict.roomName[locale],
    });
  }
  return t(`adminSessions.conflicts.${conflict.kind}`, {
    resource: conflict.resourceName[locale],
    course: conflict.session.courseTitle[locale],
    code: conflict.session.courseCode,
    when: formatMeetingRange(conflict.startsAt, conflict.endsAt, locale),
    more: conflict.meetings - 1,
  });
}

/** The refusal an action shows: `errors.SCHEDULE_CONFLICT` with one line per conflict. */
export function scheduleConflictRefusal(error: ScheduleConflictError, locale: AppLocale): ConflictError {
  const lines = error.conflicts.map((c) => describeConflict(c, locale));
  return new ConflictError("SCHEDULE_CONFLICT", {
    count: lines.length,
    conflicts: lines.map((line) => `• ${line}`).join("\n"),
  });
}

/** Runs a scheduling call, wording its clashes in `locale`. */
export async function withWordedConflicts<T>(locale: AppLocale, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ScheduleConflictError) throw scheduleConflictRefusal(error, locale);
    throw error;
  }
}
