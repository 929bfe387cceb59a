import { z } from "zod";
import { enumField, idField } from "@/lib/actions/fields";

/** Forms of the attendance page; shared by the page's forms and the server actions. */

export const ATTENDANCE_STATUSES = ["PRESENT", "LATE", "ABSENT"] as const;

export const recordAttendanceSchema = z.object({
  sessionId: idField(),
  meetingId: idField(),
  enrollmentId: idField(),
  status: enumField(ATTENDANCE_STATUSES),
});

export const markAllPresentSchema = z.object({
  sessionId: idField(),
  meetingId: idField(),
});

export const completeSessionSchema = z.object({
  sessionId: idField(),
});

/** The page's query string: which meeting to show. */
export const attendancePageQuerySchema = z.object({
  meeting: z.string().trim().max(64).optional().catch(undefined),
});
