import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Locale, WaitlistMode } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { seoulDate } from "@/lib/calendar/session-ics";
import { invalidateSeatCaches } from "@/lib/courses/catalog-cache";
import { changeCapacity } from "@/lib/enrollments/enrollments.service";
import {
  assertNoScheduleConflicts,
  findScheduleConflicts,
  withConflictBackstop,
  type ScheduleConflict,
  type ScheduleProposal,
} from "@/lib/sessions/conflicts";
import type {
  CheckConflictsInput,
  CloneSessionInput,
  CreateSessionInput,
  UpdateSessionInput,
} from "@/lib/sessions/sessions.schemas";
import { calendarDaysBetween, shiftDays } from "@/lib/sessions/seoul-time";

/**
 * Scheduling: sessions, their meetings and the room, equipment and instructors they book.
 * Every write takes the acting user first, checks "session:schedule", refuses clashes before
 * writing (lib/sessions/conflicts.ts) with the database's exclusion constraints as the
 * backstop, and is audited in its own transaction. Seats are not touched here: capacity
 * changes and cancellations go through the enrollment engine (`changeCapacity`,
 * `cancelSession`), which holds the session lock.
 *
 * How bookings are stored (prisma/migrations/*_init): the app writes `session_meetings` rows
 * (their room and active flag are copied from the session by triggers) and one
 * `instructor_bookings` / `equipment_bookings` row per meeting and instructor / piece of
 * equipment (their times and active flag are copied from the meeting by triggers). The
 * exclusion constraints sit on those rows.
 */

export type RequestMeta = { ip?: string | null };

/** The schedule as the writer stores it (meetings in time order). */
type ScheduleWrite = {
  roomId: string;
  equipmentIds: string[];
  instructorIds: string[];
  leadInstructorId: string;
  meetings: { id?: string | null; startsAt: Date; endsAt: Date }[];
  minEnrollment: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationCutoffAt: Date;
  language: Locale;
  priceKrw: number;
  waitlistMode: WaitlistMode;
  offerHours: number;
  notes: string | null;
};

function proposalOf(
  schedule: Pick<ScheduleWrite, "roomId" | "equipmentIds" | "instructorIds" | "meetings">,
  capacity: number | null,
  excludeSessionId: string | null = null,
): ScheduleProposal {
  return {
    excludeSessionId,
    roomId: schedule.roomId,
    equipmentIds: schedule.equipmentIds,
    instructorIds: schedule.instructorIds,
    meetings: schedule.meetings,
    capacity,
  };
}

// ---------------------------------------------------------------------------------------------
// References

/** The room, equipment and instructors exist and may be booked; the language is the course's. */
async function validateReferences(
  tx: Tx,
  schedule: Pick<ScheduleWrite, "roomId" | "equipmentIds" | "instructorIds" | "language">,
  course: { deliveryLanguages: Locale[] },
): Promise<void> {
  const room = await tx.room.findFirst({ where: { id: schedule.roomId, active: true }, select: { id: true } });
  if (!room) throw new ValidationError("ROOM_NOT_FOUND", "roomId");
  if (schedule.equipmentIds.length > 0) {
    const found = await tx.equipment.count({ where: { id: { in: schedule.equipmentIds }, active: true } });
    if (found !== schedule.equipmentIds.length) throw new ValidationError("EQUIPMENT_NOT_FOUND", "equipmentIds");
  }
  const instructors = await tx.user.count({
    where: { id: { in: schedule.instructorIds }, active: true, role: { in: ["INSTRUCTOR", "ADMIN"] } },
  });
  if (instructors !== schedule.instructorIds.length) {
    throw new ValidationError("INSTRUCTOR_INVALID", "instructorIds");
  }
  if (course.deliveryLanguages.length > 0 && !course.deliveryLanguages.includes(schedule.language)) {
    throw new ValidationError("LANGUAGE_NOT_OFFERED", "language");
  }
}

async function courseForScheduling(tx: Tx, courseId: string) {
  const course = await tx.course.findFirst({
    where: { id: courseId, archivedAt: null },
    select: { id: true, deliveryLanguages: true },
  });
  if (!course) throw new ValidationError("COURSE_NOT_FOUND", "courseId");
  return course;
}

// ---------------------------------------------------------------------------------------------
// Writing meetings and bookings

/** One booking row per meeting and instructor / piece of equipment (the constraints sit on these). */
async function insertBookings(
  tx: Tx,
  meetings: { id: string; startsAt: Date; endsAt: Date }[],
  schedule: Pick<ScheduleWrite, "instructorIds" | "equipmentIds">,
): Promise<void> {
  // Times are copied from the meeting by a trigger; passing them keeps the rows honest anyway.
  const instructorRows = meetings.flatMap((m) =>
    schedule.instructorIds.map((instructorId) => ({
      meetingId: m.id,
      instructorId,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
    })),
  );
  const equipmentRows = meetings.flatMap((m) =>
    schedule.equipmentIds.map((equipmentId) => ({
      meetingId: m.id,
      equipmentId,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
    })),
  );
  if (instructorRows.length > 0) await tx.instructorBooking.createMany({ data: instructorRows });
  if (equipmentRows.length > 0) await tx.equipmentBooking.createMany({ data: equipmentRows });
}

async function insertAssignments(tx: Tx, sessionId: string, schedule: ScheduleWrite): Promise<void> {
  await tx.sessionInstructor.createMany({
    data: schedule.instructorIds.map((userId) => ({
      sessionId,
      userId,
      lead: userId === schedule.leadInstructorId,
    })),
  });
  if (schedule.equipmentIds.length > 0) {
    await tx.sessionEquipment.createMany({
      data: schedule.equipmentIds.map((equipmentId) => ({ sessionId, equipmentId })),
    });
  }
}

function sessionColumns(schedule: ScheduleWrite) {
  return {
    roomId: schedule.roomId,
    minEnrollment: schedule.minEnrollment,
    registrationOpensAt: schedule.registrationOpensAt,
    registrationClosesAt: schedule.registrationClosesAt,
    cancellationCutoffAt: schedule.cancellationCutoffAt,
    language: schedule.language,
    priceKrw: schedule.priceKrw,
    waitlistMode: schedule.waitlistMode,
    offerHours: schedule.offerHours,
    notes: schedule.notes,
  };
}

/** A new DRAFT session with its meetings, assignments and bookings. */
async function insertSession(
  tx: Tx,
  actor: CurrentUser,
  courseId: string,
  capacity: number,
  schedule: ScheduleWrite,
): Promise<string> {
  const session = await tx.session.create({
    data: { courseId, capacity, status: "DRAFT", createdById: actor.id, ...sessionColumns(schedule) },
    select: { id: true },
  });
  const meetings = await tx.sessionMeeting.createManyAndReturn({
    data: schedule.meetings.map((m) => ({ sessionId: session.id, startsAt: m.startsAt, endsAt: m.endsAt })),
    select: { id: true, startsAt: true, endsAt: true },
  });
  await insertAssignments(tx, session.id, schedule);
  await insertBookings(tx, meetings, schedule);
  return session.id;
}

function afterScheduleChange(sessionId: string, courseId: string) {
  // Published sessions appear on the catalog and course pages.
  invalidateSeatCaches({ sessionIds: [sessionId], courseIds: [courseId] });
}

// ---------------------------------------------------------------------------------------------
// Conflict check (before saving)

/** What the form shows before saving: every clash of the proposed schedule. */
export async function checkScheduleConflicts(
  actor: CurrentUser,
  input: CheckConflictsInput,
): Promise<ScheduleConflict[]> {
  requirePermission(actor, "session:schedule");
  return findScheduleConflicts(db, {
    excludeSessionId: input.sessionId,
    roomId: input.roomId,
    equipmentIds: input.equipmentIds,
    instructorIds: input.instructorIds,
    meetings: input.meetings,
    capacity: input.capacity ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Create, update

/** Schedules a new session as a DRAFT. Refuses clashes (ScheduleConflictError). */
export async function createSession(
  actor: CurrentUser,
  input: CreateSessionInput,
  meta: RequestMeta = {},
): Promise<{ sessionId: string }> {
  requirePermission(actor, "session:schedule");
  const proposal = proposalOf(input, input.capacity);
  await assertNoScheduleConflicts(db, proposal);
  const sessionId = await withConflictBackstop(db, proposal, () =>
    db.$transaction(async (tx) => {
      const course = await courseForScheduling(tx, input.courseId);
      await validateReferences(tx, input, course);
      await assertNoScheduleConflicts(tx, proposal);
      const id = await insertSession(tx, actor, course.id, input.capacity, input);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "session.create",
        entityType: "Session",
        entityId: id,
        data: {
          courseId: course.id,
          roomId: input.roomId,
          meetings: input.meetings.map((m) => [m.startsAt.toISOString(), m.endsAt.toISOString()]),
          instructorIds: input.instructorIds,
          equipmentIds: input.equipmentIds,
          capacity: input.capacity,
        },
        ip: meta.ip,
      });
      return id;
    }),
  );
  return { sessionId };
}

const EDITABLE_STATUSES = ["DRAFT", "PUBLISHED"] as const;

/**
 * Changes an existing session's schedule and settings, enrolled or not. Meetings keep their ids
 * (attendance refers to them); a meeting with recorded attendance cannot be removed.
 *
 * Capacity goes through the engine's `changeCapacity` (seat lock, refusal below the seats
 * held, waitlist promotion on a rise). To keep a refusal from leaving half a change behind, a
 * lower capacity is applied before the schedule (if the engine refuses, nothing changed) and a
 * higher one after it (if the schedule clashes, nobody was promoted); the clash check runs
 * before either.
 */
export async function updateSession(
  actor: CurrentUser,
  input: UpdateSessionInput,
  meta: RequestMeta = {},
): Promise<void> {
  requirePermission(actor, "session:schedule");
  const current = await db.session.findUnique({
    where: { id: input.sessionId },
    select: { id: true, status: true, capacity: true, courseId: true },
  });
  if (!current) throw new NotFoundError("SESSION_NOT_FOUND");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) {
    throw new ConflictError("SESSION_NOT_EDITABLE");
  }
  const proposal = proposalOf(input, input.capacity, input.sessionId);
  await assertNoScheduleConflicts(db, proposal);

  if (input.capacity < current.capacity) {
    await changeCapacity(actor, { sessionId: input.sessionId, capacity: input.capacity }, meta);
  }
  await withConflictBackstop(db, proposal, () =>
    db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM sessions WHERE id = ${input.sessionId} FOR UPDATE`;
      if (!locked || !(EDITABLE_STATUSES as readonly string[]).includes(locked.status)) {
        throw new ConflictError("SESSION_NOT_EDITABLE");
      }
      const course = await tx.course.findUniqueOrThrow({
        where: { id: current.courseId },
        select: { deliveryLanguages: true },
      });
      await validateReferences(tx, input, course);
      await assertNoScheduleConflicts(tx, proposal);
      const changes = await rewriteSchedule(tx, input.sessionId, input);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "session.update",
        entityType: "Session",
        entityId: input.sessionId,
        data: changes,
        ip: meta.ip,
      });
    }),
  );
  if (input.capacity > current.capacity) {
    await changeCapacity(actor, { sessionId: input.sessionId, capacity: input.capacity }, meta);
  }
  afterScheduleChange(input.sessionId, current.courseId);
}

/**
 * Replaces a session's schedule in place. Resources are detached first (the room set to none,
 * bookings deleted), the meetings reshaped, then everything re-attached: moving a multi-day
 * run by a day would otherwise collide with its own not-yet-moved meetings in the exclusion
 * constraints, which are checked row by row. Re-attaching re-checks every row against the
 * other sessions, so real clashes are still refused.
 */
async function rewriteSchedule(tx: Tx, sessionId: string, schedule: ScheduleWrite) {
  const existing = await tx.sessionMeeting.findMany({
    where: { sessionId },
    select: { id: true, startsAt: true, endsAt: true, _count: { select: { attendance: true } } },
  });
  const existingById = new Map(existing.map((m) => [m.id, m]));
  const keptIds = new Set(schedule.meetings.flatMap((m) => (m.id ? [m.id] : [])));
  for (const id of keptIds) {
    if (!existingById.has(id)) throw new ValidationError("MEETING_CHANGED", "meetings");
  }
  const removed = existing.filter((m) => !keptIds.has(m.id));
  if (removed.some((m) => m._count.attendance > 0)) {
    throw new ValidationError("MEETING_HAS_ATTENDANCE", "meetings");
  }

  // Detach: meetings follow the session's room (trigger), bookings are rebuilt below.
  await tx.$executeRaw`UPDATE sessions SET room_id = NULL WHERE id = ${sessionId}`;
  await tx.instructorBooking.deleteMany({ where: { meeting: { sessionId } } });
  await tx.equipmentBooking.deleteMany({ where: { meeting: { sessionId } } });
  if (removed.length > 0) {
    await tx.sessionMeeting.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
  }
  const meetings: { id: string; startsAt: Date; endsAt: Date }[] = [];
  for (const m of schedule.meetings) {
    if (m.id) {
      const before = existingById.get(m.id)!;
      if (+before.startsAt !== +m.startsAt || +before.endsAt !== +m.endsAt) {
        await tx.sessionMeeting.update({
          where: { id: m.id },
          data: { startsAt: m.startsAt, endsAt: m.endsAt },
          select: { id: true },
        });
      }
      meetings.push({ id: m.id, startsAt: m.startsAt, endsAt: m.endsAt });
    } else {
      const created = await tx.sessionMeeting.create({
        data: { sessionId, startsAt: m.startsAt, endsAt: m.endsAt },
        select: { id: true },
      });
      meetings.push({ id: created.id, startsAt: m.startsAt, endsAt: m.endsAt });
    }
  }

  // Re-attach: the room (its meetings re-checked by the room constraint), then the bookings.
  const before = await tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      minEnrollment: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      cancellationCutoffAt: true,
      language: true,
      priceKrw: true,
      waitlistMode: true,
      offerHours: true,
      notes: true,
      instructors: { select: { userId: true, lead: true } },
      equipment: { select: { equipmentId: true } },
    },
  });
  await tx.session.update({ where: { id: sessionId }, data: sessionColumns(schedule), select: { id: true } });
  await tx.sessionInstructor.deleteMany({ where: { sessionId } });
  await tx.sessionEquipment.deleteMany({ where: { sessionId } });
  await insertAssignments(tx, sessionId, schedule);
  await insertBookings(tx, meetings, schedule);

  const columns = sessionColumns(schedule);
  const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => {
    if (key === "roomId") return false;
    const a = before[key];
    const b = columns[key];
    return a instanceof Date && b instanceof Date ? +a !== +b : a !== b;
  });
  return {
    roomId: schedule.roomId,
    changed,
    meetings: {
      kept: meetings.length - schedule.meetings.filter((m) => !m.id).length,
      added: schedule.meetings.filter((m) => !m.id).length,
      removed: removed.length,
    },
    instructors: { from: before.instructors.map((i) => i.userId), to: schedule.instructorIds },
    equipment: { from: before.equipment.map((e) => e.equipmentId), to: schedule.equipmentIds },
  };
}

// ---------------------------------------------------------------------------------------------
// Publish, clone

/** DRAFT → PUBLISHED: the session appears in the catalog. A session without meetings cannot. */
export async function publishSession(
  actor: CurrentUser,
  input: { sessionId: string },
  meta: RequestMeta = {},
): Promise<void> {
  requirePermission(actor, "session:schedule");
  const courseId = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; course_id: string }[]>`
      SELECT status::text AS status, course_id FROM sessions WHERE id = ${input.sessionId} FOR UPDATE`;
    if (!locked) throw new NotFoundError("SESSION_NOT_FOUND");
    if (locked.status !== "DRAFT") throw new ConflictError("SESSION_NOT_DRAFT");
    const meetings = await tx.sessionMeeting.count({ where: { sessionId: input.sessionId } });
    if (meetings === 0) throw new ConflictError("SESSION_HAS_NO_MEETINGS");
    const course = await tx.course.findUniqueOrThrow({
      where: { id: locked.course_id },
      select: { archivedAt: true },
    });
    if (course.archivedAt) throw new ConflictError("COURSE_ARCHIVED");
    await tx.session.update({
      where: { id: input.sessionId },
      data: { status: "PUBLISHED" },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "session.publish",
      entityType: "Session",
      entityId: input.sessionId,
      data: { from: "DRAFT", to: "PUBLISHED" },
      ip: meta.ip,
    });
    return locked.course_id;
  });
  afterScheduleChange(input.sessionId, courseId);
}

/**
 * Copies a session to a new first day: same course, room, equipment, instructors and settings;
 * every meeting, the registration window and the cancellation cut-off move by the same number
 * of days (Seoul has no daylight saving time, so times of day stay). The copy is a DRAFT with
 * no enrollments. Clashes are refused like any new schedule.
 */
export async function cloneSession(
  actor: CurrentUser,
  input: CloneSessionInput,
  meta: RequestMeta = {},
): Promise<{ sessionId: string }> {
  requirePermission(actor, "session:schedule");
  const source = await db.session.findUnique({
    where: { id: input.sessionId },
    select: {
      id: true,
      courseId: true,
      roomId: true,
      capacity: true,
      minEnrollment: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      cancellationCutoffAt: true,
      language: true,
      priceKrw: true,
      waitlistMode: true,
      offerHours: true,
      notes: true,
      meetings: { orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
      instructors: { orderBy: { lead: "desc" }, select: { userId: true, lead: true } },
      equipment: { select: { equipmentId: true } },
    },
  });
  if (!source) throw new NotFoundError("SESSION_NOT_FOUND");
  const first = source.meetings[0];
  if (!first) throw new ConflictError("SESSION_HAS_NO_MEETINGS");
  if (!source.roomId) throw new ValidationError("ROOM_NOT_FOUND", "roomId");
  const days = calendarDaysBetween(seoulDate(first.startsAt), input.firstDate);
  const shift = (value: Date) => shiftDays(value, days);
  const schedule: ScheduleWrite = {
    roomId: source.roomId,
    equipmentIds: source.equipment.map((e) => e.equipmentId),
    instructorIds: source.instructors.map((i) => i.userId),
    leadInstructorId: source.instructors.find((i) => i.lead)?.userId ?? source.instructors[0]?.userId ?? "",
    meetings: source.meetings.map((m) => ({ startsAt: shift(m.startsAt), endsAt: shift(m.endsAt) })),
    minEnrollment: source.minEnrollment,
    registrationOpensAt: shift(source.registrationOpensAt),
    registrationClosesAt: shift(source.registrationClosesAt),
    cancellationCutoffAt: shift(source.cancellationCutoffAt),
    language: source.language,
    priceKrw: source.priceKrw,
    waitlistMode: source.waitlistMode,
    offerHours: source.offerHours,
    notes: source.notes,
  };
  const proposal = proposalOf(schedule, source.capacity);
  await assertNoScheduleConflicts(db, proposal);
  const sessionId = await withConflictBackstop(db, proposal, () =>
    db.$transaction(async (tx) => {
      const course = await courseForScheduling(tx, source.courseId);
      await validateReferences(tx, schedule, course);
      await assertNoScheduleConflicts(tx, proposal);
      const id = await insertSession(tx, actor, course.id, source.capacity, schedule);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "session.clone",
        entityType: "Session",
        entityId: id,
        data: { sourceSessionId: source.id, firstDate: input.firstDate, shiftedDays: days },
        ip: meta.ip,
      });
      return id;
    }),
  );
  return { sessionId };
}
