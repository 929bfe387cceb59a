import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addEnrollmentByStaff, enroll } from "@/lib/enrollments/enrollments.service";
import { createTestCourse, createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import { getRoster, listMoveTargets, listMySessions } from "@/lib/rosters/rosters.queries";

/**
 * Who reaches which roster: admins every session's, instructors only the sessions they teach
 * (another instructor's session is not found), trainees and partners none.
 */

let admin: CurrentUser;
let instructorA: CurrentUser;
let instructorB: CurrentUser;
let trainee: CurrentUser;
let partner: CurrentUser;
let sessionA: { id: string; courseId: string };
let sessionB: { id: string; courseId: string };

async function teach(sessionId: string, userId: string, lead = true) {
  await db.sessionInstructor.create({ data: { sessionId, userId, lead } });
}

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  instructorA = await createTestUser({ role: "INSTRUCTOR", name: "Instructor A" });
  instructorB = await createTestUser({ role: "INSTRUCTOR", name: "Instructor B" });
  trainee = await createTestUser({ name: "김민지" });
  const org = await createPartnerOrganization();
  partner = await createTestUser({ role: "PARTNER", organizationId: org.id });
  const course = await createTestCourse();
  sessionA = await createTestSession({ courseId: course.id, capacity: 1 });
  sessionB = await createTestSession({ courseId: course.id, capacity: 5, startsInDays: 40 });
  await teach(sessionA.id, instructorA.id);
  await teach(sessionB.id, instructorB.id);
  await enroll(trainee, { sessionId: sessionA.id });
});

describe("getRoster", () => {
  it("gives an admin any session's roster, with every capability", async () => {
    const roster = await getRoster(admin, sessionA.id, "ko");
    expect(roster?.session.id).toBe(sessionA.id);
    expect(roster?.rows.map((r) => r.name)).toEqual(["김민지"]);
    expect(roster?.can).toEqual({ editPayment: true, reorderWaitlist: true, changeCapacity: true });
    expect(await getRoster(admin, sessionB.id, "ko")).not.toBeNull();
  });

  it("gives an instructor the roster of a session they teach, without the admin-only controls", async () => {
    const roster = await getRoster(instructorA, sessionA.id, "en");
    expect(roster?.rows).toHaveLength(1);
    expect(roster?.rows[0]).toMatchObject({
      email: trainee.email,
      status: "CONFIRMED",
      source: "SELF",
      paymentStatus: "UNPAID",
    });
    expect(roster?.can).toEqual({ editPayment: false, reorderWaitlist: false, changeCapacity: false });
  });

  it("does not find another instructor's session for instructor A", async () => {
    expect(await getRoster(instructorA, sessionB.id, "ko")).toBeNull();
    expect(await getRoster(instructorB, sessionA.id, "ko")).toBeNull();
  });

  it("refuses trainees and partners outright", async () => {
    await expect(getRoster(trainee, sessionA.id, "ko")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRoster(partner, sessionA.id, "ko")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("numbers the waitlist in engine order", async () => {
    const waiting = [await createTestUser(), await createTestUser()];
    for (const person of waiting) {
      await addEnrollmentByStaff(admin, { sessionId: sessionA.id, userId: person.id, waitlistIfFull: true });
    }
    const roster = await getRoster(admin, sessionA.id, "ko");
    const positions = Object.fromEntries(roster!.rows.map((r) => [r.userId, r.waitlistPosition]));
    expect(positions).toEqual({ [trainee.id]: null, [waiting[0]!.id]: 1, [waiting[1]!.id]: 2 });
    expect(roster!.counts).toMatchObject({ confirmed: 1, waitlisted: 2 });
  });
});

describe("listMoveTargets", () => {
  it("lists other published sessions of the course with a free seat, within the actor's scope", async () => {
    expect((await listMoveTargets(admin, sessionA.id)).map((s) => s.id)).toEqual([sessionB.id]);
    expect(await listMoveTargets(admin, sessionB.id)).toEqual([]); // session A is full
    // Instructor A does not teach session B: nothing to move to, and nothing of B is revealed.
    expect(await listMoveTargets(instructorA, sessionA.id)).toEqual([]);
    expect(await listMoveTargets(instructorA, sessionB.id)).toEqual([]);
  });
});

describe("listMySessions", () => {
  it("lists only the sessions the instructor teaches, upcoming apart from past", async () => {
    const course = await createTestCourse();
    const past = await createTestSession({ courseId: course.id, startsInDays: -10, status: "COMPLETED" });
    await teach(past.id, instructorA.id, false);

    const mine = await listMySessions(instructorA, { upcomingPage: 1, pastPage: 1, locale: "en" });
    expect(mine.upcoming.items.map((s) => s.id)).toEqual([sessionA.id]);
    expect(mine.upcoming.items[0]).toMatchObject({ lead: true, seatsHeld: 1, waitlisted: 2, pending: 0 });
    expect(mine.past.items.map((s) => s.id)).toEqual([past.id]);
    expect(mine.past.items[0]?.lead).toBe(false);

    const theirs = await listMySessions(instructorB, { upcomingPage: 1, pastPage: 1, locale: "ko" });
    expect(theirs.upcoming.items.map((s) => s.id)).toEqual([sessionB.id]);
    expect(theirs.past.total).toBe(0);
  });

  it("refuses trainees and partners", async () => {
    const query = { upcomingPage: 1, pastPage: 1, locale: "ko" as const };
    await expect(listMySessions(trainee, query)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listMySessions(partner, query)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
