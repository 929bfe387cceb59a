import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { runAction, type ServerAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { enroll } from "@/lib/enrollments/enrollments.service";
import {
  cancelSessionAction,
  checkScheduleConflictsAction,
  cloneSessionAction,
  createSessionAction,
  publishSessionAction,
  updateSessionAction,
} from "@/lib/sessions/sessions.actions";
import { createSession, publishSession } from "@/lib/sessions/sessions.service";
import {
  createInput,
  createTestInstructor,
  scheduleFormData,
  schedulingWorld,
  type ScheduleForm,
} from "@/lib/sessions/sessions.test-helpers";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Every scheduling action called the way a browser would (FormData through the action
 * wrapper): refused for trainees, partners and instructors — even the instructor who teaches
 * the session — with nothing changed; and, for admins, the clash message as a user reads it.
 */

let admin: CurrentUser;
let world: Awaited<ReturnType<typeof schedulingWorld>>;
let draftId: string;
let publishedId: string;
const callers = {} as Record<Exclude<Role, "ADMIN">, CurrentUser>;

const base = (overrides: Partial<ScheduleForm> = {}): ScheduleForm => ({
  courseId: world.course.id,
  roomId: world.room.id,
  equipmentIds: [world.equipment.id],
  instructorIds: [world.instructor.id],
  meetings: [["2032-03-08", "09:00", "17:00"]],
  ...overrides,
});

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN", name: "Admin Yoon" });
  world = await schedulingWorld();
  draftId = (await createSession(admin, createInput(base({ meetings: [["2032-03-08", "09:00", "17:00"]] })))).sessionId;
  publishedId = (await createSession(admin, createInput(base({ meetings: [["2032-03-09", "09:00", "17:00"]] })))).sessionId;
  await publishSession(admin, { sessionId: publishedId });
  callers.TRAINEE = await createTestUser({ role: "TRAINEE" });
  callers.PARTNER = await createTestUser({ role: "PARTNER", organizationId: (await createPartnerOrganization()).id });
  // The instructor who teaches both sessions: teaching is not scheduling.
  callers.INSTRUCTOR = world.instructor;
  await enroll(callers.TRAINEE, { sessionId: publishedId });
});

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

/** Everything these actions could write. */
async function snapshot() {
  const [sessions, meetings, bookings, enrollments, audit, outbox] = await Promise.all([
    db.session.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, capacity: true, roomId: true, startsAt: true, seatsHeld: true },
    }),
    db.sessionMeeting.findMany({ orderBy: { id: "asc" }, select: { id: true, startsAt: true, endsAt: true, active: true } }),
    db.instructorBooking.count(),
    db.enrollment.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.auditLog.count(),
    db.outboxMessage.count(),
  ]);
  return { sessions, meetings, bookings, enrollments, audit, outbox };
}

const actions: { name: string; action: ServerAction; input: () => FormData }[] = [
  {
    name: "checkScheduleConflictsAction",
    action: checkScheduleConflictsAction,
    input: () => scheduleFormData(base({ meetings: [["2032-03-08", "10:00", "11:00"]] })),
  },
  {
    name: "createSessionAction",
    action: createSessionAction,
    input: () => scheduleFormData(base({ meetings: [["2032-04-05", "09:00", "17:00"]] })),
  },
  {
    name: "updateSessionAction",
    action: updateSessionAction,
    input: () => scheduleFormData({ ...base({ meetings: [["2032-04-06", "09:00", "17:00"]] }), sessionId: draftId }),
  },
  { name: "publishSessionAction", action: publishSessionAction, input: () => form({ sessionId: draftId }) },
  {
    name: "cloneSessionAction",
    action: cloneSessionAction,
    input: () => form({ sessionId: publishedId, firstDate: "2032-05-03" }),
  },
  {
    name: "cancelSessionAction",
    action: cancelSessionAction,
    input: () => form({ sessionId: publishedId, reason: "Not enough trainees" }),
  },
];

describe("refusals", () => {
  for (const role of ["TRAINEE", "PARTNER", "INSTRUCTOR"] as const) {
    for (const { name, action, input } of actions) {
      it(`${name} refuses a ${role.toLowerCase()} and changes nothing`, async () => {
        const before = await snapshot();
        const result = await runAction(callers[role], action.definition, input(), { locale: "en" });
        expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN", formError: "You don't have permission to do this." });
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("refuses an anonymous caller", async () => {
    for (const { action, input } of actions) {
      const result = await runAction(null, action.definition, input());
      expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
    }
  });
});

describe("what an admin sees", () => {
  it("the check names the clashing session in the user's language, and says so when nothing clashes", async () => {
    const clash = await runAction(admin, checkScheduleConflictsAction.definition, scheduleFormData(base({ meetings: [["2032-03-08", "10:00", "11:00"]] })), {
      locale: "en",
    });
    expect(clash).toMatchObject({ ok: false, errorCode: "SCHEDULE_CONFLICT" });
    const [heading, ...lines] = clash.formError!.split("\n");
    expect(heading).toBe("This schedule has 3 conflicts:");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`Room ${world.room.nameEn}: already booked for “${world.course.titleEn}”`);
    expect(lines[0]).toMatch(/Mon, Mar 8, 2032, 9:00\s?AM\s?–\s?5:00\s?PM GMT\+9/);
    expect(lines[2]).toContain("Instructor Park Junho: already teaching");

    const korean = await runAction(admin, checkScheduleConflictsAction.definition, scheduleFormData(base({ meetings: [["2032-03-08", "10:00", "11:00"]] })), {
      locale: "ko",
    });
    expect(korean.formError).toContain("일정 충돌이 3건 있습니다");
    expect(korean.formError).toContain(`“${world.course.titleKo}”`);

    const free = await runAction(admin, checkScheduleConflictsAction.definition, scheduleFormData(base({ meetings: [["2032-03-10", "09:00", "17:00"]] })), {
      locale: "en",
    });
    expect(free).toMatchObject({ ok: true, message: "No conflicts: the room, equipment and instructors are free at these times." });
  });

  it("a save that clashes gets exactly the check's message and writes nothing", async () => {
    const input = () => scheduleFormData(base({ meetings: [["2032-03-09", "13:00", "18:00"]] }));
    const checked = await runAction(admin, checkScheduleConflictsAction.definition, input(), { locale: "en" });
    const before = await snapshot();
    const saved = await runAction(admin, createSessionAction.definition, input(), { locale: "en" });
    expect(saved).toMatchObject({ ok: false, errorCode: "SCHEDULE_CONFLICT" });
    expect(saved.formError).toBe(checked.formError);
    expect(await snapshot()).toEqual(before);
    // What was typed comes back, so the form keeps it.
    expect(saved.values).toMatchObject({ roomId: world.room.id, meetingDate: "2032-03-09" });
  });

  it("field errors come back per meeting row, translated", async () => {
    const result = await runAction(
      admin,
      createSessionAction.definition,
      scheduleFormData(base({ meetings: [["2032-06-07", "09:00", "17:00"], ["2032-06-07", "16:00", "15:00"]] })),
      { locale: "en" },
    );
    expect(result.fieldErrors?.["meetings.1.end"]).toEqual(["The end must be after the start."]);
  });

  it("capacity above the room is reported before saving", async () => {
    const result = await runAction(
      admin,
      checkScheduleConflictsAction.definition,
      scheduleFormData(base({ equipmentIds: [], instructorIds: [await createTestInstructor().then((u) => u.id)], capacity: 30, meetings: [["2032-07-05", "09:00", "12:00"]] })),
      { locale: "en" },
    );
    expect(result.formError).toContain(`Capacity 30 is more than ${world.room.nameEn} holds (12 seats).`);
  });

  it("cancelling goes through the engine: the enrolled trainee is told why", async () => {
    const { sessionId } = await createSession(admin, createInput(base({ meetings: [["2032-08-02", "09:00", "12:00"]] })));
    await publishSession(admin, { sessionId });
    await enroll(await createTestUser(), { sessionId });
    const result = await runAction(admin, cancelSessionAction.definition, form({ sessionId, reason: "Lab renovation" }), { locale: "en" });
    expect(result.ok).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("CANCELLED");
    const mails = await db.outboxMessage.findMany({ where: { template: "session.cancelled" }, select: { payload: true } });
    expect(mails.filter((m) => JSON.stringify(m.payload).includes("Lab renovation"))).toHaveLength(1);
  });
});
