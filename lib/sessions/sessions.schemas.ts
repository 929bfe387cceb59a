import { z } from "zod";
import {
  enumField,
  idField,
  intField,
  optionalIdField,
  optionalText,
  pageField,
  requiredText,
} from "@/lib/actions/fields";
import {
  DATE_TIME_PATTERN,
  isCalendarDate,
  MONTH_PATTERN,
  seoulInstant,
  seoulInstantOfLocal,
  TIME_PATTERN,
} from "@/lib/sessions/seoul-time";

/**
 * Schemas of session scheduling, shared by the scheduling form (client) and the server.
 * Pure zod. Dates and times are entered on the Seoul wall clock and become instants here.
 * Messages are translation keys (`validation.*`, `adminSessions.validation.*`).
 */

export const SESSION_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED", "COMPLETED"] as const;
export const WAITLIST_MODES = ["AUTO", "OFFER"] as const;
export const SESSION_LANGUAGES = ["ko", "en"] as const;

export const MAX_MEETINGS = 20;
export const CAPACITY_MAX = 200;
export const PRICE_MAX = 100_000_000;
export const OFFER_HOURS_MAX = 336;
export const NOTES_MAX = 2000;
export const CANCEL_REASON_MAX = 500;
export const MAX_RESOURCES = 50;

const V = "adminSessions.validation";

const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

// ---------------------------------------------------------------------------------------------
// Meetings

/** One meeting row of the form: a day and a start and end time on the Seoul wall clock. */
const meetingRowSchema = z
  .object({
    /** The meeting's id when editing an existing one ("" for a new row). */
    id: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => (v ? v : null)),
    date: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required", abort: true })
      .refine(isCalendarDate, { error: `${V}.date` }),
    start: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required", abort: true })
      .regex(TIME_PATTERN, { error: `${V}.time` }),
    end: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required", abort: true })
      .regex(TIME_PATTERN, { error: `${V}.time` }),
  })
  .superRefine((row, ctx) => {
    // Runs even when a field failed on its own: compare only times that parsed.
    const valid = TIME_PATTERN.test(row.start) && TIME_PATTERN.test(row.end);
    if (valid && row.end <= row.start) ctx.addIssue({ code: "custom", path: ["end"], message: `${V}.endBeforeStart` });
  })
  .transform((row) => ({
    id: row.id,
    startsAt: seoulInstant(row.date, row.start),
    endsAt: seoulInstant(row.date, row.end),
  }));

export type MeetingInput = z.output<typeof meetingRowSchema>;

const meetingsSchema = z
  .array(meetingRowSchema)
  .min(1, { error: `${V}.meetingsRequired` })
  .max(MAX_MEETINGS, { error: "validation.tooMany" })
  .superRefine((meetings, ctx) => {
    // A session's meetings may not overlap each other: the room would be double-booked by itself.
    // Back-to-back meetings (end == start) are fine, as in the database's half-open ranges.
    const order = meetings
      .map((m, index) => ({ ...m, index }))
      .filter((m) => isDate(m.startsAt) && isDate(m.endsAt))
      .sort((a, b) => +a.startsAt - +b.startsAt);
    for (let i = 1; i < order.length; i++) {
      if (order[i]!.startsAt < order[i - 1]!.endsAt) {
        ctx.addIssue({ code: "custom", path: [order[i]!.index, "start"], message: `${V}.meetingsOverlap` });
      }
    }
  });

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/**
 * The form posts one `meetingId`/`meetingDate`/`meetingStart`/`meetingEnd` per row (repeated
 * names, in row order); callers that already have `meetings` rows pass them through.
 */
function collectMeetingRows(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const raw = input as Record<string, unknown>;
  if (Array.isArray(raw.meetings)) return raw;
  const ids = asList(raw.meetingId);
  const dates = asList(raw.meetingDate);
  const starts = asList(raw.meetingStart);
  const ends = asList(raw.meetingEnd);
  const count = Math.max(dates.length, starts.length, ends.length);
  const meetings = Array.from({ length: count }, (_, i) => ({
    id: ids[i] ?? "",
    date: dates[i] ?? "",
    start: starts[i] ?? "",
    end: ends[i] ?? "",
  }));
  return { ...raw, meetings };
}

// ---------------------------------------------------------------------------------------------
// Other fields

/** A checkbox group of record ids: none checked arrives as nothing, one as a string. */
const idListField = () =>
  z.preprocess(
    (v) => asList(v).filter((x) => x !== ""),
    z
      .array(idField())
      .max(MAX_RESOURCES, { error: "validation.tooMany" })
      .transform((ids) => [...new Set(ids)]),
  );

/** A `datetime-local` input read on the Seoul wall clock. */
const seoulDateTimeField = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required", abort: true })
    .regex(DATE_TIME_PATTERN, { error: `${V}.dateTime` })
    .refine((v) => isCalendarDate(v.slice(0, 10)), { error: `${V}.dateTime` })
    .transform(seoulInstantOfLocal);

const scheduleShape = {
  roomId: idField(),
  equipmentIds: idListField(),
  instructorIds: idListField().pipe(
    z.array(z.string()).min(1, { error: `${V}.instructorRequired` }),
  ),
  /** Defaults to the first instructor when not chosen. */
  leadInstructorId: optionalIdField(),
  meetings: meetingsSchema,
  capacity: intField(1, CAPACITY_MAX),
  minEnrollment: intField(0, CAPACITY_MAX),
  registrationOpensAt: seoulDateTimeField(),
  registrationClosesAt: seoulDateTimeField(),
  cancellationCutoffAt: seoulDateTimeField(),
  language: enumField(SESSION_LANGUAGES),
  priceKrw: intField(0, PRICE_MAX),
  waitlistMode: enumField(WAITLIST_MODES),
  offerHours: intField(1, OFFER_HOURS_MAX),
  notes: optionalText(NOTES_MAX),
};

type ScheduleFields = {
  instructorIds: string[];
  leadInstructorId: string | null;
  meetings: MeetingInput[];
  capacity: number;
  minEnrollment: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationCutoffAt: Date;
};

/**
 * Rules across fields. Zod runs them even when a field failed on its own, with that field's raw
 * input in place, so each rule looks only at fields that parsed.
 */
function scheduleRules(value: ScheduleFields, ctx: z.RefinementCtx) {
  if (
    value.leadInstructorId &&
    Array.isArray(value.instructorIds) &&
    !value.instructorIds.includes(value.leadInstructorId)
  ) {
    ctx.addIssue({ code: "custom", path: ["leadInstructorId"], message: `${V}.leadNotInstructor` });
  }
  if (isCount(value.minEnrollment) && isCount(value.capacity) && value.minEnrollment > value.capacity) {
    ctx.addIssue({ code: "custom", path: ["minEnrollment"], message: `${V}.minAboveCapacity` });
  }
  const opens = value.registrationOpensAt;
  const closes = value.registrationClosesAt;
  const cutoff = value.cancellationCutoffAt;
  if (isDate(opens) && isDate(closes) && closes <= opens) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: `${V}.registrationWindow` });
  }
  const starts = Array.isArray(value.meetings) ? value.meetings.map((m) => m?.startsAt) : [];
  if (starts.length === 0 || !starts.every(isDate)) return;
  const firstStart = Math.min(...starts.map((d) => d.getTime()));
  if (isDate(closes) && closes.getTime() > firstStart) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: `${V}.registrationAfterStart` });
  }
  if (isDate(cutoff) && cutoff.getTime() > firstStart) {
    ctx.addIssue({ code: "custom", path: ["cancellationCutoffAt"], message: `${V}.cutoffAfterStart` });
  }
}

/** The lead defaults to the first instructor; meetings are stored in time order. */
function normalizeSchedule<T extends ScheduleFields>(value: T) {
  return {
    ...value,
    leadInstructorId: value.leadInstructorId ?? value.instructorIds[0]!,
    meetings: [...value.meetings].sort((a, b) => +a.startsAt - +b.startsAt),
  };
}

export const createSessionSchema = z.preprocess(
  collectMeetingRows,
  z
    .object({ courseId: idField(), ...scheduleShape })
    .superRefine(scheduleRules)
    .transform(normalizeSchedule),
);
export type CreateSessionInput = z.output<typeof createSessionSchema>;

export const updateSessionSchema = z.preprocess(
  collectMeetingRows,
  z
    .object({ sessionId: idField(), ...scheduleShape })
    .superRefine(scheduleRules)
    .transform(normalizeSchedule),
);
export type UpdateSessionInput = z.output<typeof updateSessionSchema>;

/** What the conflict check needs: resources and times. Lenient about everything else. */
export const checkConflictsSchema = z.preprocess(
  collectMeetingRows,
  z.object({
    /** The session being edited (its own bookings are not conflicts). */
    sessionId: optionalIdField(),
    roomId: optionalIdField(),
    equipmentIds: idListField(),
    instructorIds: idListField(),
    meetings: meetingsSchema,
    capacity: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce.number().int().min(1).max(CAPACITY_MAX).optional(),
    ),
  }),
);
export type CheckConflictsInput = z.output<typeof checkConflictsSchema>;

export const sessionIdSchema = z.object({ sessionId: idField() });

export const cloneSessionSchema = z.object({
  sessionId: idField(),
  firstDate: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required", abort: true })
    .refine(isCalendarDate, { error: `${V}.date` }),
});
export type CloneSessionInput = z.output<typeof cloneSessionSchema>;

export const cancelSessionSchema = z.object({
  sessionId: idField(),
  reason: requiredText(CANCEL_REASON_MAX),
});

// ---------------------------------------------------------------------------------------------
// Lists and the calendar

export const SESSIONS_PAGE_SIZE = 20;

/** The admin session list's search params; anything malformed falls back to "no filter". */
export const listSessionsQuerySchema = z.object({
  course: z.string().trim().min(1).max(64).optional().catch(undefined),
  status: z.enum(SESSION_STATUSES).optional().catch(undefined),
  month: z.string().regex(MONTH_PATTERN).optional().catch(undefined),
  page: pageField(),
});
export type ListSessionsQuery = z.output<typeof listSessionsQuerySchema>;

/** The longest range the calendar asks for at once (a month view shows six weeks). */
export const CALENDAR_MAX_DAYS = 100;

/** The calendar's event feed: FullCalendar sends `start`/`end` (ISO 8601) for the visible range. */
export const calendarQuerySchema = z
  .object({
    start: z.coerce.date(),
    end: z.coerce.date(),
    roomId: optionalIdField().catch(null),
    equipmentId: optionalIdField().catch(null),
    instructorId: optionalIdField().catch(null),
  })
  .refine((q) => q.end > q.start && +q.end - +q.start <= CALENDAR_MAX_DAYS * 86_400_000, {
    error: "validation.invalid",
  });
export type CalendarQuery = z.output<typeof calendarQuerySchema>;

/** The calendar page's filters, from its search params. */
export const calendarFiltersSchema = z.object({
  room: z.string().trim().min(1).max(64).optional().catch(undefined),
  equipment: z.string().trim().min(1).max(64).optional().catch(undefined),
  instructor: z.string().trim().min(1).max(64).optional().catch(undefined),
});
export type CalendarFilters = z.output<typeof calendarFiltersSchema>;
