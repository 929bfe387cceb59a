import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createTestCourse } from "@/lib/enrollments/enrollments.test-helpers";
import { cancelSession, enroll } from "@/lib/enrollments/enrollments.service";
import { createSession, publishSession } from "@/lib/sessions/sessions.service";
import {
  getSessionForEdit,
  getSessionOverview,
  listCalendarEvents,
  listResourceOptions,
  listSessions,
} from "@/lib/sessions/sessions.queries";
import { listSessionsQuerySchema, type CalendarQuery } from "@/lib/sessions/sessions.schemas";
import {
  createInput,
  createTestEquipment,
  createTestInstructor,
  createTestRoom,
  type ScheduleForm,
} from "@/lib/sessions/sessions.test-helpers";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";

/**
 * What admins and instructors read: the session list (upcoming first, filters, fill rate,
 * waitlist), one session's overview (instructors only their own), the form's values, and the
 * calendar feed (admins everything with filters, instructors their own).
 */

let admin: CurrentUser;
let teacher: CurrentUser;
let otherTeacher: CurrentUser;
let trainee: CurrentUser;
let partner: CurrentUser;
let courseA: { id: string; titleEn: string };
let courseB: { id: string; titleEn: string };
let roomA: { id: string };
let roomB: { id: string };
let equipmentId: string;
const ids = {} as Record<"past" | "soon" | "later" | "draft" | "cancelled", string>;
const NOW = new Date("2031-05-01T00:00:00Z");

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  teacher = await createTestInstructor("Kim Teacher");
  otherTeacher = await createTestInstructor("Choi Teacher");
  trainee = await createTestUser();
  partner = await createTestUser({ role: "PARTNER", organizationId: (await createPartnerOrganization()).id });
  courseA = await createTestCourse({ titleEn: "Bioreactor basics" });
  courseB = await createTestCourse({ titleEn: "Chromatography" });
  roomA = await createTestRoom({ capacity: 10 });
  roomB = await createTestRoom({ capacity: 10 });
  equipmentId = (await createTestEquipment(roomB.id)).id;
  const schedule = (o: Partial<ScheduleForm>): ScheduleForm => ({
    courseId: courseA.id,
    roomId: roomA.id,
    instructorIds: [teacher.id],
    meetings: [["2031-06-02", "09:00", "12:00"]],
    capacity: 4,
    minEnrollment: 3,
    ...o,
  });
  ids.past = (await createSession(admin, createInput(schedule({ meetings: [["2031-04-07", "09:00", "12:00"]] })))).sessionId;
  ids.later = (await createSession(admin, createInput(schedule({ courseId: courseB.id, roomId: roomB.id, equipmentIds: [equipmentId], instructorIds: [otherTeacher.id], meetings: [["2031-07-07", "09:00", "12:00"], ["2031-07-08", "09:00", "12:00"]] })))).sessionId;
  ids.soon = (await createSession(admin, createInput(schedule({ meetings: [["2031-05-12", "09:00", "12:00"]] })))).sessionId;
  ids.draft = (await createSession(admin, createInput(schedule({ meetings: [["2031-05-20", "09:00", "12:00"]] })))).sessionId;
  ids.cancelled = (await createSession(admin, createInput(schedule({ meetings: [["2031-05-21", "09:00", "12:00"]] })))).sessionId;
  for (const id of [ids.past, ids.later, ids.soon]) await publishSession(admin, { sessionId: id });
  await cancelSession(admin, { sessionId: ids.cancelled, reason: "Merged with another run" });
  // "soon": 4 seats, 4 taken, 2 waiting.
  for (let i = 0; i < 6; i++) await enroll(await createTestUser(), { sessionId: ids.soon });
});

const query = (params: Record<string, string> = {}) => listSessionsQuerySchema.parse(params);

describe("listSessions", () => {
  it("lists upcoming sessions first (soonest first), then past ones, with fill rate and waitlist", async () => {
    const page = await listSessions(admin, query(), "en", NOW);
    expect(page.items.map((s) => s.id)).toEqual([ids.soon, ids.draft, ids.cancelled, ids.later, ids.past]);
    expect(page.items[0]).toMatchObject({ courseTitle: "Bioreactor basics", seatsHeld: 4, capacity: 4, waitlisted: 2, status: "PUBLISHED", meetings: 1 });
    expect(page.total).toBe(5);
  });

  it("filters by course, status and month (Seoul)", async () => {
    expect((await listSessions(admin, query({ course: courseB.id }), "en", NOW)).items.map((s) => s.id)).toEqual([ids.later]);
    expect((await listSessions(admin, query({ status: "DRAFT" }), "en", NOW)).items.map((s) => s.id)).toEqual([ids.draft]);
    expect((await listSessions(admin, query({ month: "2031-05" }), "en", NOW)).items.map((s) => s.id)).toEqual([
      ids.soon,
      ids.draft,
      ids.cancelled,
    ]);
    expect((await listSessions(admin, query({ month: "2031-01" }), "en", NOW)).items).toEqual([]);
  });

  it("is for admins only", async () => {
    for (const user of [teacher, trainee, partner]) {
      await expect(listSessions(user, query(), "en", NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("getSessionOverview", () => {
  it("gives admins everything about a session", async () => {
    const overview = await getSessionOverview(admin, ids.soon, "en");
    expect(overview).toMatchObject({
      status: "PUBLISHED",
      course: { title: "Bioreactor basics" },
      instructors: [{ id: teacher.id, name: "Kim Teacher", lead: true }],
      seatsHeld: 4,
      counts: { CONFIRMED: 4, WAITLISTED: 2 },
      activeEnrollments: 6,
    });
  });

  it("shows an instructor the sessions they teach, and no other", async () => {
    await expect(getSessionOverview(teacher, ids.soon, "en")).resolves.toMatchObject({ id: ids.soon });
    await expect(getSessionOverview(teacher, ids.later, "en")).rejects.toBeInstanceOf(NotFoundError);
    for (const user of [trainee, partner]) {
      await expect(getSessionOverview(user, ids.soon, "en")).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("gives the form its values on the Seoul wall clock, for schedulers only", async () => {
    const edit = await getSessionForEdit(admin, ids.later, "en");
    expect(edit.values).toMatchObject({
      courseId: courseB.id,
      roomId: roomB.id,
      equipmentIds: [equipmentId],
      instructorIds: [otherTeacher.id],
      leadInstructorId: otherTeacher.id,
      capacity: "4",
      meetings: [
        { date: "2031-07-07", start: "09:00", end: "12:00" },
        { date: "2031-07-08", start: "09:00", end: "12:00" },
      ],
    });
    await expect(getSessionForEdit(otherTeacher, ids.later, "en")).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listCalendarEvents", () => {
  const range: CalendarQuery = {
    start: new Date("2031-04-01T00:00:00Z"),
    end: new Date("2031-07-31T00:00:00Z"),
    roomId: null,
    equipmentId: null,
    instructorId: null,
  };

  it("gives admins one event per meeting of every non-cancelled session, filterable by room, equipment and instructor", async () => {
    const all = await listCalendarEvents(admin, "any", range, "ko");
    expect(new Set(all.map((e) => e.sessionId))).toEqual(new Set([ids.past, ids.soon, ids.draft, ids.later]));
    const later = all.filter((e) => e.sessionId === ids.later);
    expect(later.map((e) => [e.meetingNumber, e.meetingCount, e.start])).toEqual([
      [1, 2, "2031-07-07T00:00:00.000Z"],
      [2, 2, "2031-07-08T00:00:00.000Z"],
    ]);
    expect(later[0]!.title).toBe((await db.course.findUniqueOrThrow({ where: { id: courseB.id } })).titleKo);

    const sessionsOf = async (filter: Partial<typeof range>) =>
      new Set((await listCalendarEvents(admin, "any", { ...range, ...filter }, "en")).map((e) => e.sessionId));
    expect(await sessionsOf({ roomId: roomB.id })).toEqual(new Set([ids.later]));
    expect(await sessionsOf({ equipmentId })).toEqual(new Set([ids.later]));
    expect(await sessionsOf({ instructorId: teacher.id })).toEqual(new Set([ids.past, ids.soon, ids.draft]));
    expect(await sessionsOf({ start: new Date("2031-05-12T03:00:00Z"), end: new Date("2031-05-13T00:00:00Z") })).toEqual(new Set());
  });

  it("scopes an instructor's calendar to the sessions they teach, and keeps others out of the admin one", async () => {
    const own = await listCalendarEvents(otherTeacher, "assigned", range, "en");
    expect(new Set(own.map((e) => e.sessionId))).toEqual(new Set([ids.later]));
    // Filters cannot widen the scope.
    expect(await listCalendarEvents(otherTeacher, "assigned", { ...range, instructorId: teacher.id }, "en")).toEqual([]);
    await expect(listCalendarEvents(teacher, "any", range, "en")).rejects.toBeInstanceOf(ForbiddenError);
    for (const user of [trainee, partner]) {
      await expect(listCalendarEvents(user, "assigned", range, "en")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listResourceOptions(user, "en")).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
