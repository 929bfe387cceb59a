import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createTestCourse } from "@/lib/enrollments/enrollments.test-helpers";
import { formDataToObject } from "@/lib/actions/form-input";
import {
  checkConflictsSchema,
  createSessionSchema,
  updateSessionSchema,
  type CheckConflictsInput,
  type CreateSessionInput,
  type UpdateSessionInput,
} from "@/lib/sessions/sessions.schemas";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Test data for scheduling: rooms, equipment, instructors, and the scheduling form's input as
 * the browser posts it (strings, Seoul wall clock), so tests go through the same schema.
 */

export async function createTestRoom(overrides: { capacity?: number; nameEn?: string } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return db.room.create({
    data: {
      code: `R-${suffix}`,
      nameKo: `실습실 ${suffix}`,
      nameEn: overrides.nameEn ?? `Lab ${suffix}`,
      kind: "LAB",
      capacity: overrides.capacity ?? 12,
    },
    select: { id: true, nameKo: true, nameEn: true, capacity: true },
  });
}

export async function createTestEquipment(roomId: string | null = null, nameEn?: string) {
  const suffix = randomUUID().slice(0, 8);
  return db.equipment.create({
    data: {
      code: `EQ-${suffix}`,
      nameKo: `장비 ${suffix}`,
      nameEn: nameEn ?? `ÄKTA ${suffix}`,
      kind: "chromatography",
      roomId,
    },
    select: { id: true, nameKo: true, nameEn: true },
  });
}

export async function createTestInstructor(name?: string): Promise<CurrentUser> {
  return createTestUser({ role: "INSTRUCTOR", name: name ?? `Instructor ${randomUUID().slice(0, 6)}` });
}

/** A meeting row as the form posts it: [date, start, end] on the Seoul wall clock. */
export type MeetingRow = [date: string, start: string, end: string];

export type ScheduleForm = {
  courseId: string;
  roomId: string;
  equipmentIds?: string[];
  instructorIds: string[];
  leadInstructorId?: string;
  meetings: MeetingRow[];
  capacity?: number;
  minEnrollment?: number;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  cancellationCutoffAt?: string;
  language?: "ko" | "en";
  priceKrw?: number;
  waitlistMode?: "AUTO" | "OFFER";
  offerHours?: number;
  notes?: string;
  /** Ids of existing meetings, row by row ("" for new rows). */
  meetingIds?: string[];
};

/** The scheduling form's fields as FormData would carry them (repeated names for the lists). */
export function scheduleFormData(form: ScheduleForm & { sessionId?: string }): FormData {
  const fd = new FormData();
  const first = [...form.meetings].sort((a, b) => a[0].localeCompare(b[0]))[0]![0];
  const fields: Record<string, string> = {
    courseId: form.courseId,
    roomId: form.roomId,
    leadInstructorId: form.leadInstructorId ?? "",
    capacity: String(form.capacity ?? 10),
    minEnrollment: String(form.minEnrollment ?? 0),
    registrationOpensAt: form.registrationOpensAt ?? "2026-01-05T09:00",
    registrationClosesAt: form.registrationClosesAt ?? `${first}T00:00`,
    cancellationCutoffAt: form.cancellationCutoffAt ?? `${first}T00:00`,
    language: form.language ?? "ko",
    priceKrw: String(form.priceKrw ?? 300_000),
    waitlistMode: form.waitlistMode ?? "AUTO",
    offerHours: String(form.offerHours ?? 48),
    notes: form.notes ?? "",
  };
  if (form.sessionId) fields.sessionId = form.sessionId;
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const id of form.equipmentIds ?? []) fd.append("equipmentIds", id);
  for (const id of form.instructorIds) fd.append("instructorIds", id);
  form.meetings.forEach(([date, start, end], i) => {
    fd.append("meetingId", form.meetingIds?.[i] ?? "");
    fd.append("meetingDate", date);
    fd.append("meetingStart", start);
    fd.append("meetingEnd", end);
  });
  return fd;
}

/** The parsed input of the create form (throws on a validation error, which a test should not hit). */
export function createInput(form: ScheduleForm): CreateSessionInput {
  return createSessionSchema.parse(formDataToObject(scheduleFormData(form)));
}

/** The parsed input of the edit form of `sessionId`. */
export function updateInput(sessionId: string, form: ScheduleForm): UpdateSessionInput {
  return updateSessionSchema.parse(formDataToObject(scheduleFormData({ ...form, sessionId })));
}

/** What the form's conflict check sends for a proposal. */
export function checkInput(form: ScheduleForm & { sessionId?: string }): CheckConflictsInput {
  return checkConflictsSchema.parse(formDataToObject(scheduleFormData(form)));
}

/** A world to schedule in: a course, a room with one piece of equipment, two instructors. */
export async function schedulingWorld(options: { roomCapacity?: number } = {}) {
  const course = await createTestCourse({ titleEn: `Chromatography ${randomUUID().slice(0, 6)}` });
  const room = await createTestRoom({ capacity: options.roomCapacity ?? 12 });
  const equipment = await createTestEquipment(room.id);
  const instructor = await createTestInstructor("Park Junho");
  const otherInstructor = await createTestInstructor("Lee Sora");
  return { course, room, equipment, instructor, otherInstructor };
}
