"use server";

import { createAction } from "@/lib/actions/action";
import {
  completeSessionSchema,
  markAllPresentSchema,
  recordAttendanceSchema,
} from "@/lib/attendance/attendance.schemas";
import { markAllPresent, recordAttendance } from "@/lib/attendance/attendance.service";
import { completeSession } from "@/lib/attendance/completion.service";

/**
 * Server actions of the attendance page. Thin: the wrapper authenticates, validates and checks
 * the permission (admins hold the scoped one too); the services narrow to the sessions the
 * instructor teaches and do the work.
 */

const ATTENDANCE_PAGE = "/[locale]/sessions/[id]/attendance";

export const recordAttendanceAction = createAction({
  name: "attendance.record",
  permission: "attendance:record:assigned",
  schema: recordAttendanceSchema,
  handler: async (user, data, { ip }) => {
    await recordAttendance(user, data, { ip });
    return { message: "attendance.row.saved", revalidate: [ATTENDANCE_PAGE] };
  },
});

export const markAllPresentAction = createAction({
  name: "attendance.markAllPresent",
  permission: "attendance:record:assigned",
  schema: markAllPresentSchema,
  handler: async (user, data, { ip }) => {
    const { marked } = await markAllPresent(user, data, { ip });
    return {
      message: marked > 0 ? "attendance.markAll.done" : "attendance.markAll.none",
      messageParams: { count: marked },
      revalidate: [ATTENDANCE_PAGE],
    };
  },
});

export const completeSessionAction = createAction({
  name: "attendance.completeSession",
  permission: "attendance:record:assigned",
  schema: completeSessionSchema,
  handler: async (user, data, { ip }) => {
    const summary = await completeSession(user, data, { ip });
    return {
      message: "attendance.completion.done",
      messageParams: { completed: summary.completed, noShow: summary.noShow },
      revalidate: [ATTENDANCE_PAGE],
    };
  },
});
