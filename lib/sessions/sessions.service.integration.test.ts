import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { cancelSession, enroll } from "@/lib/enrollments/enrollments.service";
import { checkSessionInvariants, mailsTo } from "@/lib/enrollments/enrollments.test-helpers";
import { ScheduleConflictError, type ResourceConflict } from "@/lib/sessions/conflicts";
import {
  checkScheduleConflicts,
  cloneSession,
  createSession,
  publishSession,
  updateSession,
} from "@/lib/sessions/sessions.service";
import {
  checkInput,
  createInput,
  createTestEquipment,
  createTestInstructor,
  createTestRoom,
  schedulingWorld,
  updateInput,
  type ScheduleForm,
} from "@/lib/sessions/sessions.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Scheduling rules against the database: conflicts found before saving (room, equipment,
 * instructor, capacity above the room; touching meetings are fine), the same clashes refused
 * at save, edits of enrolled sessions, clone, publish, and cancellation through the engine.
 */

let admin: CurrentUser;
let world: Awaited<ReturnType<typeof schedulingWorld>>;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN", name: "Admin Yoon" });
  world = await schedulingWorld();
});

const base = (overrides: Partial<ScheduleForm> = {}): ScheduleForm => ({
  courseId: world.course.id,
  roomId: world.room.id,
  equipmentIds: [world.equipment.id],
  instructorIds: [world.instructor.id],
  meetings: [["2031-03-10", "09:00", "17:00"]],
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: Error) => error,
  );
}

async function bookingsOf(sessionId: string) {
  const [rooms, instructors, equipment] = await Promise.all([
    db.sessionMeeting.findMany({ where: { sessionId }, select: { roomId: true, active: true, startsAt: true } }),
    db.instructorBooking.findMany({ where: { meeting: { sessionId } }, select: { instructorId: true, active: true, startsAt: true } }),
    db.equipmentBooking.findMany({ where: { meeting: { sessionId } }, select: { equipmentId: true, active: true, startsAt: true } }),
  ]);
  return { rooms, instructors, equipment };
}

describe("creating a session", () => {
  it("stores a draft with one booking row per meeting and resource, and audits it", async () => {
    const { sessionId } = await createSession(
      admin,
      createInput(
        base({
          meetings: [
            ["2031-01-06", "09:00", "17:00"],
            ["2031-01-07", "09:00", "17:00"],
          ],
          instructorIds: [world.instructor.id, world.otherInstructor.id],
          leadInstructorId: world.otherInstructor.id,
          capacity: 8,
        }),
      ),
    );
    const session = await db.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        status: true,
        capacity: true,
        startsAt: true,
        endsAt: true,
        createdById: true,
        instructors: { select: { userId: true, lead: true } },
      },
    });
    expect(session).toMatchObject({
      status: "DRAFT",
      capacity: 8,
      createdById: admin.id,
      startsAt: new Date("2031-01-06T00:00:00Z"), // 09:00 in Seoul
      endsAt: new Date("2031-01-07T08:00:00Z"),
    });
    expect(session.instructors).toEqual(
      expect.arrayContaining([
        { userId: world.otherInstructor.id, lead: true },
        { userId: world.instructor.id, lead: false },
      ]),
    );
    const bookings = await bookingsOf(sessionId);
    expect(bookings.rooms.every((m) => m.roomId === world.room.id && m.active)).toBe(true);
    expect(bookings.instructors).toHaveLength(4);
    expect(bookings.equipment).toHaveLength(2);
    const audit = await db.auditLog.findFirst({ where: { entityId: sessionId, action: "session.create" } });
    expect(audit?.actorId).toBe(admin.id);
  });

  it("refuses a language the course is not taught in, an unknown room and a trainee as instructor", async () => {
    expect(await refusal(createSession(admin, createInput(base({ language: "en", meetings: [["2031-01-20", "09:00", "12:00"]] })))))
      .toMatchObject({ code: "LANGUAGE_NOT_OFFERED", field: "language" });
    const trainee = await createTestUser();
    expect(
      await refusal(createSession(admin, createInput(base({ instructorIds: [trainee.id], meetings: [["2031-01-21", "09:00", "12:00"]] })))),
    ).toMatchObject({ code: "INSTRUCTOR_INVALID" });
    expect(
      await refusal(createSession(admin, createInput(base({ roomId: "no-such-room", meetings: [["2031-01-22", "09:00", "12:00"]] })))),
    ).toMatchObject({ code: "ROOM_NOT_FOUND" });
  });
});

describe("conflicts before saving", () => {
  let existingId: string;
  beforeAll(async () => {
    // The session everything below clashes with (or not): 2031-02-03, 09:00–12:00 Seoul.
    existingId = (await createSession(admin, createInput(base({ meetings: [["2031-02-03", "09:00", "12:00"]] })))).sessionId;
  });

  const roomClash = (conflicts: Awaited<ReturnType<typeof checkScheduleConflicts>>) =>
    conflicts.filter((c): c is ResourceConflict => c.kind === "ROOM");

  it("names the session that already holds the room", async () => {
    const otherRoom = await createTestRoom();
    const conflicts = await checkScheduleConflicts(
      admin,
      checkInput(base({ equipmentIds: [], instructorIds: [], meetings: [["2031-02-03", "11:00", "13:00"]] })),
    );
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: "ROOM",
        resourceId: world.room.id,
        session: { id: existingId, courseCode: expect.any(String), courseTitle: { ko: world.course.titleKo, en: world.course.titleEn } },
        startsAt: new Date("2031-02-03T00:00:00Z"),
        endsAt: new Date("2031-02-03T03:00:00Z"),
        meetings: 1,
      }),
    ]);
    // Another room at the same time is free.
    expect(
      await checkScheduleConflicts(admin, checkInput(base({ roomId: otherRoom.id, equipmentIds: [], instructorIds: [], meetings: [["2031-02-03", "11:00", "13:00"]] }))),
    ).toEqual([]);
  });

  it("reports equipment and instructors booked in an overlapping meeting", async () => {
    const otherRoom = await createTestRoom();
    const conflicts = await checkScheduleConflicts(
      admin,
      checkInput(base({ roomId: otherRoom.id, meetings: [["2031-02-03", "08:00", "09:30"]] })),
    );
    expect(conflicts.map((c) => [c.kind, c.kind === "CAPACITY_ABOVE_ROOM" ? null : c.resourceId])).toEqual([
      ["EQUIPMENT", world.equipment.id],
      ["INSTRUCTOR", world.instructor.id],
    ]);
    const instructorConflict = conflicts[1] as ResourceConflict;
    expect(instructorConflict.resourceName.en).toBe("Park Junho");
    expect(instructorConflict.session.id).toBe(existingId);
  });

  it("does not count meetings that only touch (one ends when the other starts)", async () => {
    for (const meeting of [["2031-02-03", "12:00", "15:00"], ["2031-02-03", "06:00", "09:00"]] as const) {
      expect(await checkScheduleConflicts(admin, checkInput(base({ meetings: [[...meeting]] })))).toEqual([]);
    }
    // …and the database agrees: saving the touching session works.
    await expect(createSession(admin, createInput(base({ meetings: [["2031-02-03", "12:00", "15:00"]] })))).resolves.toBeTruthy();
  });

  it("reports a capacity above the room's", async () => {
    const small = await createTestRoom({ capacity: 6, nameEn: "Clean room" });
    expect(
      await checkScheduleConflicts(admin, checkInput(base({ roomId: small.id, equipmentIds: [], instructorIds: [], capacity: 8, meetings: [["2031-02-10", "09:00", "12:00"]] }))),
    ).toEqual([{ kind: "CAPACITY_ABOVE_ROOM", capacity: 8, roomCapacity: 6, roomName: { ko: small.nameKo, en: "Clean room" } }]);
  });

  it("ignores cancelled sessions and the session being edited", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2031-02-17", "09:00", "12:00"]] })));
    const proposal = base({ meetings: [["2031-02-17", "10:00", "11:00"]] });
    expect(await checkScheduleConflicts(admin, checkInput({ ...proposal, sessionId }))).toEqual([]);
    expect(roomClash(await checkScheduleConflicts(admin, checkInput(proposal)))).toHaveLength(1);
    await cancelSession(admin, { sessionId, reason: "Room maintenance" });
    expect(await checkScheduleConflicts(admin, checkInput(proposal))).toEqual([]);
  });

  it("refuses the clash at save with the same conflicts, and writes nothing", async () => {
    const before = await db.session.count();
    const error = await refusal(createSession(admin, createInput(base({ meetings: [["2031-02-03", "10:00", "11:00"]] }))));
    expect(error).toBeInstanceOf(ScheduleConflictError);
    expect((error as ScheduleConflictError).conflicts.map((c) => c.kind)).toEqual(["ROOM", "EQUIPMENT", "INSTRUCTOR"]);
    expect(await db.session.count()).toBe(before);
  });
});

describe("editing a session", () => {
  it("moves a two-day run by one day, onto its own second day (no self-conflict)", async () => {
    const { sessionId } = await createSession(
      admin,
      createInput(base({ meetings: [["2031-04-07", "09:00", "17:00"], ["2031-04-08", "09:00", "17:00"]] })),
    );
    const meetings = await db.sessionMeeting.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" }, select: { id: true } });
    await updateSession(
      admin,
      updateInput(sessionId, base({
        meetings: [["2031-04-08", "09:00", "17:00"], ["2031-04-09", "09:00", "17:00"]],
        meetingIds: meetings.map((m) => m.id),
      })),
    );
    const after = await db.sessionMeeting.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } });
    // Same meeting rows (attendance refers to them), new times.
    expect(after.map((m) => m.id)).toEqual(meetings.map((m) => m.id));
    expect(after.map((m) => m.startsAt.toISOString())).toEqual(["2031-04-08T00:00:00.000Z", "2031-04-09T00:00:00.000Z"]);
    const bookings = await bookingsOf(sessionId);
    expect(bookings.instructors.map((b) => b.startsAt.toISOString()).sort()).toEqual(["2031-04-08T00:00:00.000Z", "2031-04-09T00:00:00.000Z"]);
    expect(bookings.rooms.every((m) => m.roomId === world.room.id)).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: sessionId, action: "session.update" } })).toBe(1);
  });

  it("changes meetings of a session with enrollments, refusing a clash and keeping everything as it was", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2031-05-12", "09:00", "12:00"]] })));
    await publishSession(admin, { sessionId });
    const trainee = await createTestUser();
    await enroll(trainee, { sessionId });
    const blocker = (await createSession(admin, createInput(base({ meetings: [["2031-05-13", "09:00", "12:00"]] })))).sessionId;
    const [meeting] = await db.sessionMeeting.findMany({ where: { sessionId }, select: { id: true } });

    const error = await refusal(
      updateSession(admin, updateInput(sessionId, base({ meetings: [["2031-05-13", "10:00", "13:00"]], meetingIds: [meeting!.id] }))),
    );
    expect((error as ScheduleConflictError).conflicts[0]).toMatchObject({ kind: "ROOM", session: { id: blocker } });
    expect((await db.sessionMeeting.findUniqueOrThrow({ where: { id: meeting!.id } })).startsAt).toEqual(new Date("2031-05-12T00:00:00Z"));

    await updateSession(admin, updateInput(sessionId, base({ meetings: [["2031-05-14", "13:00", "16:00"]], meetingIds: [meeting!.id] })));
    expect((await db.sessionMeeting.findUniqueOrThrow({ where: { id: meeting!.id } })).startsAt).toEqual(new Date("2031-05-14T04:00:00Z"));
    expect(await db.enrollment.count({ where: { sessionId, status: "CONFIRMED" } })).toBe(1);
    expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
  });

  it("changes capacity through the engine: below the seats held is refused with the numbers, a rise promotes the waitlist", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ capacity: 1, meetings: [["2031-06-02", "09:00", "12:00"]] })));
    await publishSession(admin, { sessionId });
    const [first, second] = [await createTestUser(), await createTestUser()];
    await enroll(first!, { sessionId });
    expect((await enroll(second!, { sessionId })).status).toBe("WAITLISTED");

    await updateSession(admin, updateInput(sessionId, base({ capacity: 2, meetings: [["2031-06-02", "09:00", "12:00"]], meetingIds: [(await db.sessionMeeting.findFirstOrThrow({ where: { sessionId } })).id] })));
    expect(await db.enrollment.count({ where: { sessionId, status: "CONFIRMED" } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: sessionId, action: "session.capacity" } })).toBe(1);

    const meetingId = (await db.sessionMeeting.findFirstOrThrow({ where: { sessionId } })).id;
    const error = await refusal(
      updateSession(admin, updateInput(sessionId, base({ capacity: 1, meetings: [["2031-06-03", "09:00", "12:00"]], meetingIds: [meetingId] }))),
    );
    expect(error).toMatchObject({ code: "CAPACITY_BELOW_HELD", params: { capacity: 1, held: 2 } });
    // Refused before anything moved.
    expect((await db.sessionMeeting.findUniqueOrThrow({ where: { id: meetingId } })).startsAt).toEqual(new Date("2031-06-02T00:00:00Z"));
    expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
  });

  it("refuses to remove a meeting with recorded attendance", async () => {
    const { sessionId } = await createSession(
      admin,
      createInput(base({ meetings: [["2031-07-07", "09:00", "12:00"], ["2031-07-08", "09:00", "12:00"]] })),
    );
    await publishSession(admin, { sessionId });
    const trainee = await createTestUser();
    const { enrollmentId } = await enroll(trainee, { sessionId });
    const meetings = await db.sessionMeeting.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" }, select: { id: true } });
    await db.attendance.create({ data: { enrollmentId, meetingId: meetings[1]!.id, status: "PRESENT" } });
    const error = await refusal(
      updateSession(admin, updateInput(sessionId, base({ meetings: [["2031-07-07", "09:00", "12:00"]], meetingIds: [meetings[0]!.id] }))),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "MEETING_HAS_ATTENDANCE" });
    expect(await db.sessionMeeting.count({ where: { sessionId } })).toBe(2);
  });

  it("refuses to edit a cancelled session", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2031-07-21", "09:00", "12:00"]] })));
    await cancelSession(admin, { sessionId, reason: "No demand" });
    expect(await refusal(updateSession(admin, updateInput(sessionId, base({ meetings: [["2031-07-22", "09:00", "12:00"]] })))))
      .toMatchObject({ code: "SESSION_NOT_EDITABLE" });
  });
});

describe("clone", () => {
  it("copies course, room, equipment, instructors and settings to a new first day, shifting every date by the same offset", async () => {
    const { sessionId } = await createSession(
      admin,
      createInput(
        base({
          meetings: [["2031-08-04", "09:00", "17:00"], ["2031-08-05", "13:00", "17:00"]],
          instructorIds: [world.instructor.id, world.otherInstructor.id],
          leadInstructorId: world.otherInstructor.id,
          capacity: 9,
          minEnrollment: 4,
          priceKrw: 420_000,
          waitlistMode: "OFFER",
          offerHours: 24,
          registrationOpensAt: "2031-06-01T09:00",
          registrationClosesAt: "2031-08-01T18:00",
          cancellationCutoffAt: "2031-07-28T18:00",
        }),
      ),
    );
    await publishSession(admin, { sessionId });
    const { sessionId: copyId } = await cloneSession(admin, { sessionId, firstDate: "2031-09-01" });
    const copy = await db.session.findUniqueOrThrow({
      where: { id: copyId },
      select: {
        status: true,
        courseId: true,
        roomId: true,
        capacity: true,
        seatsHeld: true,
        minEnrollment: true,
        priceKrw: true,
        waitlistMode: true,
        offerHours: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        cancellationCutoffAt: true,
        meetings: { orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
        instructors: { select: { userId: true, lead: true } },
        equipment: { select: { equipmentId: true } },
      },
    });
    // 2031-08-04 → 2031-09-01: 28 days later.
    expect(copy).toMatchObject({
      status: "DRAFT",
      courseId: world.course.id,
      roomId: world.room.id,
      capacity: 9,
      seatsHeld: 0,
      minEnrollment: 4,
      priceKrw: 420_000,
      waitlistMode: "OFFER",
      offerHours: 24,
      registrationOpensAt: new Date("2031-06-29T00:00:00Z"),
      registrationClosesAt: new Date("2031-08-29T09:00:00Z"),
      cancellationCutoffAt: new Date("2031-08-25T09:00:00Z"),
      meetings: [
        { startsAt: new Date("2031-09-01T00:00:00Z"), endsAt: new Date("2031-09-01T08:00:00Z") },
        { startsAt: new Date("2031-09-02T04:00:00Z"), endsAt: new Date("2031-09-02T08:00:00Z") },
      ],
      equipment: [{ equipmentId: world.equipment.id }],
    });
    expect(copy.instructors).toEqual(
      expect.arrayContaining([
        { userId: world.otherInstructor.id, lead: true },
        { userId: world.instructor.id, lead: false },
      ]),
    );
    expect((await bookingsOf(copyId)).instructors).toHaveLength(4);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: copyId, action: "session.clone" } });
    expect(audit.data).toMatchObject({ sourceSessionId: sessionId, shiftedDays: 28 });
  });

  it("refuses a date where the copy would clash, naming the clashing session", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2031-10-06", "09:00", "12:00"]] })));
    const error = await refusal(cloneSession(admin, { sessionId, firstDate: "2031-10-06" }));
    expect((error as ScheduleConflictError).conflicts[0]).toMatchObject({ kind: "ROOM", session: { id: sessionId } });
  });
});

describe("publish", () => {
  it("publishes a draft once, and refuses a session without meetings", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2031-11-03", "09:00", "12:00"]] })));
    await publishSession(admin, { sessionId });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("PUBLISHED");
    expect(await db.auditLog.count({ where: { entityId: sessionId, action: "session.publish" } })).toBe(1);
    expect(await refusal(publishSession(admin, { sessionId }))).toMatchObject({ code: "SESSION_NOT_DRAFT" });

    const empty = await db.session.create({
      data: {
        courseId: world.course.id,
        capacity: 5,
        registrationOpensAt: new Date("2031-01-01T00:00:00Z"),
        registrationClosesAt: new Date("2031-02-01T00:00:00Z"),
        cancellationCutoffAt: new Date("2031-02-01T00:00:00Z"),
        language: "ko",
        priceKrw: 0,
      },
    });
    const error = await refusal(publishSession(admin, { sessionId: empty.id }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "SESSION_HAS_NO_MEETINGS" });
    expect((await db.session.findUniqueOrThrow({ where: { id: empty.id } })).status).toBe("DRAFT");
  });
});

describe("cancel (through the engine)", () => {
  it("cancels every active enrollment, notifies them, frees the room, equipment and instructor", async () => {
    const room = await createTestRoom();
    const equipment = await createTestEquipment(room.id);
    const instructor = await createTestInstructor();
    const form = base({ roomId: room.id, equipmentIds: [equipment.id], instructorIds: [instructor.id], capacity: 1, meetings: [["2031-12-01", "09:00", "12:00"]] });
    const { sessionId } = await createSession(admin, createInput(form));
    await publishSession(admin, { sessionId });
    const [a, b] = [await createTestUser(), await createTestUser()];
    await enroll(a!, { sessionId });
    await enroll(b!, { sessionId });

    expect(await cancelSession(admin, { sessionId, reason: "Instructor illness" })).toEqual({ notified: 2 });
    expect((await mailsTo(a!.email, "session.cancelled")).length).toBe(1);
    expect((await mailsTo(b!.email, "session.cancelled")).length).toBe(1);
    const bookings = await bookingsOf(sessionId);
    expect([...bookings.rooms, ...bookings.instructors, ...bookings.equipment].every((row) => !row.active)).toBe(true);
    expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
    // The same slot can be scheduled again.
    await expect(createSession(admin, createInput(form))).resolves.toBeTruthy();
  });
});
