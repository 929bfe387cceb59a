"use server";

import { createAction } from "@/lib/actions/action";
import { cancelSession } from "@/lib/enrollments/enrollments.service";
import { scheduleConflictRefusal, withWordedConflicts } from "@/lib/sessions/conflict-messages";
import {
  cancelSessionSchema,
  checkConflictsSchema,
  cloneSessionSchema,
  createSessionSchema,
  sessionIdSchema,
  updateSessionSchema,
} from "@/lib/sessions/sessions.schemas";
import {
  checkScheduleConflicts,
  cloneSession,
  createSession,
  publishSession,
  updateSession,
} from "@/lib/sessions/sessions.service";
import { ScheduleConflictError } from "@/lib/sessions/conflicts";

/**
 * Server actions of session scheduling. Thin: the wrapper authenticates, checks
 * "session:schedule" and validates; the services check again and do the work. A clash is
 * refused with `errors.SCHEDULE_CONFLICT`, worded the same way by the check and by the save.
 */

const LIST = "/[locale]/admin/sessions";
const OVERVIEW = "/[locale]/admin/sessions/[id]";
const CALENDAR = "/[locale]/admin/calendar";

/** The "check conflicts" button and the form's automatic check while editing. */
export const checkScheduleConflictsAction = createAction({
  name: "sessions.checkConflicts",
  permission: "session:schedule",
  schema: checkConflictsSchema,
  handler: async (user, data, { locale }) => {
    const conflicts = await checkScheduleConflicts(user, data);
    if (conflicts.length > 0) throw scheduleConflictRefusal(new ScheduleConflictError(conflicts), locale);
    return { message: "adminSessions.conflicts.none" };
  },
});

export const createSessionAction = createAction({
  name: "sessions.create",
  permission: "session:schedule",
  schema: createSessionSchema,
  handler: async (user, data, { locale, ip }) => {
    const { sessionId } = await withWordedConflicts(locale, () => createSession(user, data, { ip }));
    return { revalidate: [LIST, CALENDAR], redirectTo: `/admin/sessions/${sessionId}?notice=created` };
  },
});

export const updateSessionAction = createAction({
  name: "sessions.update",
  permission: "session:schedule",
  schema: updateSessionSchema,
  handler: async (user, data, { locale, ip }) => {
    await withWordedConflicts(locale, () => updateSession(user, data, { ip }));
    return {
      revalidate: [LIST, OVERVIEW, CALENDAR],
      redirectTo: `/admin/sessions/${data.sessionId}?notice=updated`,
    };
  },
});

export const publishSessionAction = createAction({
  name: "sessions.publish",
  permission: "session:schedule",
  schema: sessionIdSchema,
  handler: async (user, data, { ip }) => {
    await publishSession(user, data, { ip });
    // A redirect, not a message: the publish form leaves the page with the draft status.
    return {
      revalidate: [LIST, OVERVIEW, CALENDAR],
      redirectTo: `/admin/sessions/${data.sessionId}?notice=published`,
    };
  },
});

export const cloneSessionAction = createAction({
  name: "sessions.clone",
  permission: "session:schedule",
  schema: cloneSessionSchema,
  handler: async (user, data, { locale, ip }) => {
    const { sessionId } = await withWordedConflicts(locale, () => cloneSession(user, data, { ip }));
    return { revalidate: [LIST, CALENDAR], redirectTo: `/admin/sessions/${sessionId}?notice=cloned` };
  },
});

/** Through the enrollment engine: every active enrollment is cancelled and told why. */
export const cancelSessionAction = createAction({
  name: "sessions.cancel",
  permission: "session:schedule",
  schema: cancelSessionSchema,
  handler: async (user, data, { ip }) => {
    const { notified } = await cancelSession(user, data, { ip });
    return {
      revalidate: [LIST, OVERVIEW, CALENDAR],
      redirectTo: `/admin/sessions/${data.sessionId}?notice=cancelled&notified=${notified}`,
    };
  },
});
