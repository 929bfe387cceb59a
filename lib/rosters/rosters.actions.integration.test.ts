import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runAction, type ServerAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addEnrollmentByStaff, enroll } from "@/lib/enrollments/enrollments.service";
import {
  checkSessionInvariants,
  createTestCourse,
  createTestSession,
  mailsTo,
} from "@/lib/enrollments/enrollments.test-helpers";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import {
  addTraineeAction,
  approveEnrollmentAction,
  cancelTraineeAction,
  changeCapacityAction,
  moveTraineeAction,
  rejectEnrollmentAction,
  reorderWaitlistAction,
  updatePaymentAction,
} from "@/lib/rosters/rosters.actions";

/**
 * Every roster action called the way a browser would (FormData through the action wrapper):
 * first by everyone who must be refused — with proof that nothing changed —, then by the staff
 * who may, with what the engine then did.
 */

let admin: CurrentUser;
let teacher: CurrentUser;
let otherInstructor: CurrentUser;
let trainee: CurrentUser;
let partner: CurrentUser;
/** The roster under test: capacity 2, taught by `teacher`. */
let session: { id: string; courseId: string };
/** Another session of the same course, also taught by `teacher`. */
let sibling: { id: string };
/** A session of the same course taught by `otherInstructor` only. */
let foreign: { id: string };
const people = {} as Record<"pendingA" | "pendingB" | "seated" | "seated2" | "waitA" | "waitB", CurrentUser>;
const enrollments = {} as Record<keyof typeof people, string>;

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

async function teach(sessionId: string, userId: string) {
  await db.sessionInstructor.create({ data: { sessionId, userId, lead: true } });
}

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  teacher = await createTestUser({ role: "INSTRUCTOR" });
  otherInstructor = await createTestUser({ role: "INSTRUCTOR" });
  trainee = await createTestUser();
  partner = await createTestUser({
    role: "PARTNER",
    organizationId: (await createPartnerOrganization()).id,
  });
  const course = await createTestCourse({ requiresApproval: true });
  session = await createTestSession({ courseId: course.id, capacity: 2 });
  sibling = await createTestSession({ courseId: course.id, capacity: 3, startsInDays: 45 });
  foreign = await createTestSession({ courseId: course.id, capacity: 3, startsInDays: 60 });
  await teach(session.id, teacher.id);
  await teach(sibling.id, teacher.id);
  await teach(foreign.id, otherInstructor.id);

  for (const key of Object.keys({ pendingA: 0, pendingB: 0, seated: 0, seated2: 0, waitA: 0, waitB: 0 })) {
    people[key as keyof typeof people] = await createTestUser({ name: `Trainee ${key}` });
  }
  for (const key of ["pendingA", "pendingB"] as const) {
    enrollments[key] = (await enroll(people[key], { sessionId: session.id })).enrollmentId;
  }
  for (const key of ["seated", "seated2", "waitA", "waitB"] as const) {
    const outcome = await addEnrollmentByStaff(admin, {
      sessionId: session.id,
      userId: people[key].id,
      waitlistIfFull: true,
    });
    enrollments[key] = outcome.enrollmentId;
  }
});

/** Everything a roster action could write. */
async function snapshot() {
  const [rows, sessions, events, outbox, audit] = await Promise.all([
    db.enrollment.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        sessionId: true,
        status: true,
        waitlistRank: true,
        paymentStatus: true,
        invoiceRef: true,
      },
    }),
    db.session.findMany({ orderBy: { id: "asc" }, select: { id: true, capacity: true, seatsHeld: true } }),
    db.enrollmentEvent.count(),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { rows, sessions, events, outbox, audit };
}

type Case = { name: string; action: ServerAction; input: () => FormData };

const cases: Record<string, Case> = {
  approve: {
    name: "approve",
    action: approveEnrollmentAction,
    input: () => form({ enrollmentId: enrollments.pendingA }),
  },
  reject: {
    name: "reject",
    action: rejectEnrollmentAction,
    input: () => form({ enrollmentId: enrollments.pendingA, reason: "Prerequisite missing" }),
  },
  add: {
    name: "add by email",
    action: addTraineeAction,
    input: () => form({ sessionId: session.id, email: trainee.email, waitlistIfFull: "on" }),
  },
  cancel: {
    name: "cancel",
    action: cancelTraineeAction,
    input: () => form({ enrollmentId: enrollments.seated, reason: "Company withdrew" }),
  },
  move: {
    name: "move",
    action: moveTraineeAction,
    input: () =>
      form({ enrollmentId: enrollments.seated, toSessionId: sibling.id, reason: "Clash" }),
  },
  reorder: {
    name: "reorder waitlist",
    action: reorderWaitlistAction,
    input: () => form({ enrollmentId: enrollments.waitB, position: "1", reason: "Sponsor request" }),
  },
  capacity: {
    name: "change capacity",
    action: changeCapacityAction,
    input: () => form({ sessionId: session.id, capacity: "6" }),
  },
  payment: {
    name: "update payment",
    action: updatePaymentAction,
    input: () =>
      form({ enrollmentId: enrollments.seated, paymentStatus: "PAID", invoiceRef: "FT-2026-0001" }),
  },
};

/** Who is refused what, and with which code. */
const refusals: { who: () => CurrentUser | null; label: string; code: string; cases: string[] }[] = [
  { who: () => trainee, label: "a trainee", code: "FORBIDDEN", cases: Object.keys(cases) },
  { who: () => partner, label: "a partner", code: "FORBIDDEN", cases: Object.keys(cases) },
  { who: () => null, label: "an anonymous caller", code: "UNAUTHENTICATED", cases: Object.keys(cases) },
  {
    who: () => otherInstructor,
    label: "an instructor who does not teach the session",
    code: "FORBIDDEN",
    cases: ["approve", "reject", "add", "move", "reorder", "capacity", "payment"],
  },
  // Cancelling looks the enrollment up as "own or on a roster I manage": someone else's
  // enrollment on a roster the caller does not manage is not revealed to exist.
  {
    who: () => otherInstructor,
    label: "an instructor who does not teach the session",
    code: "ENROLLMENT_NOT_FOUND",
    cases: ["cancel"],
  },
  {
    who: () => teacher,
    label: "the session's own instructor",
    code: "FORBIDDEN",
    cases: ["reorder", "capacity", "payment"],
  },
];

describe("refusals", () => {
  for (const refusal of refusals) {
    for (const key of refusal.cases) {
      const { name, action, input } = cases[key]!;
      it(`${name}: ${refusal.label} is refused (${refusal.code}) and nothing changes`, async () => {
        const before = await snapshot();
        const result = await runAction(refusal.who(), action.definition, input(), { locale: "en" });
        expect(result).toMatchObject({ ok: false, errorCode: refusal.code });
        expect(result.formError).toBeTruthy();
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("an instructor cannot move a trainee into a session they do not teach", async () => {
    const before = await snapshot();
    const result = await runAction(
      teacher,
      moveTraineeAction.definition,
      form({ enrollmentId: enrollments.seated, toSessionId: foreign.id, reason: "Clash" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the session's instructor runs the roster", () => {
  it("approves a pending request (the session is full, so it joins the waitlist)", async () => {
    const result = await runAction(teacher, approveEnrollmentAction.definition, cases.approve!.input(), {
      locale: "en",
    });
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toBe(
      "Approved, but the session is full: the trainee is on the waitlist at position 3 and has been emailed.",
    );
    const audit = await db.auditLog.findFirst({
      where: { action: "enrollment.approve", entityId: enrollments.pendingA },
      select: { actorId: true },
    });
    expect(audit?.actorId).toBe(teacher.id);
    expect((await checkSessionInvariants(session.id)).problems).toEqual([]);
  });

  it("rejects a request only with a reason, which the trainee reads in their mail", async () => {
    const missing = await runAction(
      teacher,
      rejectEnrollmentAction.definition,
      form({ enrollmentId: enrollments.pendingB, reason: "  " }),
      { locale: "ko" },
    );
    expect(missing).toMatchObject({ ok: false, errorCode: "VALIDATION" });
    expect(missing.fieldErrors?.reason).toEqual(["필수 입력 항목입니다."]);

    const result = await runAction(
      teacher,
      rejectEnrollmentAction.definition,
      form({ enrollmentId: enrollments.pendingB, reason: "선수 과정 이수 후 다시 신청해 주세요" }),
      { locale: "ko" },
    );
    expect(result).toMatchObject({ ok: true, message: "요청을 거절하고 수강생에게 메일을 보냈습니다." });
    const mails = await mailsTo(people.pendingB.email, "enrollment.rejected");
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0]!.payload)).toContain("선수 과정 이수 후 다시 신청해 주세요");
  });

  it("cancels a trainee with a reason; the freed seat goes to the head of the waitlist", async () => {
    const result = await runAction(teacher, cancelTraineeAction.definition, cases.cancel!.input(), {
      locale: "en",
    });
    expect(result).toMatchObject({ ok: true, message: "The enrollment was cancelled and the trainee has been emailed." });
    const statuses = await db.enrollment.findMany({
      where: { id: { in: [enrollments.seated, enrollments.waitA] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((e) => [e.id, e.status]))).toEqual({
      [enrollments.seated]: "CANCELLED",
      [enrollments.waitA]: "CONFIRMED",
    });
    expect((await checkSessionInvariants(session.id)).problems).toEqual([]);
  });

  it("moves a trainee to another session of the course that they teach", async () => {
    const result = await runAction(
      teacher,
      moveTraineeAction.definition,
      form({ enrollmentId: enrollments.seated2, toSessionId: sibling.id, reason: "Schedule clash" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: true, message: "The trainee was moved and has been emailed." });
    const moved = await db.enrollment.findFirst({
      where: { userId: people.seated2.id, sessionId: sibling.id },
      select: { status: true },
    });
    expect(moved?.status).toBe("CONFIRMED");
    for (const id of [session.id, sibling.id]) {
      expect((await checkSessionInvariants(id)).problems).toEqual([]);
    }
  });

  it("adds a trainee by email, in any letter case", async () => {
    const newcomer = await createTestUser({ email: `Newcomer-${randomUUID()}@Example.com` });
    await runAction(admin, changeCapacityAction.definition, form({ sessionId: session.id, capacity: "4" }));
    const result = await runAction(
      teacher,
      addTraineeAction.definition,
      form({ sessionId: session.id, email: newcomer.email.toUpperCase() }),
      { locale: "en" },
    );
    expect(result.ok).toBe(true);
    const row = await db.enrollment.findFirst({
      where: { userId: newcomer.id, sessionId: session.id },
      select: { status: true, source: true },
    });
    expect(row).toEqual({ status: "CONFIRMED", source: "ADMIN" });
  });
});

describe("adding by email", () => {
  it("says clearly when no active account uses the email", async () => {
    const inactive = await createTestUser({ active: false });
    for (const email of [`nobody-${randomUUID()}@example.com`, inactive.email]) {
      const before = await snapshot();
      const result = await runAction(
        admin,
        addTraineeAction.definition,
        form({ sessionId: session.id, email }),
        { locale: "en" },
      );
      expect(result).toMatchObject({ ok: false, errorCode: "ROSTER_EMAIL_UNKNOWN" });
      expect(result.fieldErrors?.email).toEqual([
        `No active account uses ${email}. Check the address, or ask the trainee to sign up first.`,
      ]);
      expect(result.values?.email).toBe(email);
      expect(await snapshot()).toEqual(before);
    }
  });

  it("refuses a full session unless asked to waitlist, and never adds someone twice", async () => {
    const full = await createTestSession({ capacity: 1 });
    const [first, second] = [await createTestUser(), await createTestUser()];
    const add = (email: string, extra: Record<string, string> = {}) =>
      runAction(admin, addTraineeAction.definition, form({ sessionId: full.id, email, ...extra }), {
        locale: "en",
      });

    expect(await add(first.email)).toMatchObject({
      ok: true,
      message: `${first.email} was added with a confirmed seat and has been emailed.`,
    });
    const refused = await add(second.email);
    expect(refused).toMatchObject({ ok: false, errorCode: "SESSION_FULL" });
    expect(refused.formError).toBe("This session is full (1 of 1 seats are taken).");
    expect(await add(second.email, { waitlistIfFull: "on" })).toMatchObject({
      ok: true,
      message: `The session is full: ${second.email} is on the waitlist at position 1 and has been emailed.`,
    });
    expect(await add(second.email, { waitlistIfFull: "on" })).toMatchObject({
      ok: false,
      errorCode: "ROSTER_ALREADY_ENROLLED",
    });
    expect((await checkSessionInvariants(full.id)).problems).toEqual([]);
  });
});

describe("moving", () => {
  it("says so when the trainee is already on the target session's roster", async () => {
    const twice = await createTestUser();
    const here = await addEnrollmentByStaff(admin, { sessionId: session.id, userId: twice.id, waitlistIfFull: true });
    await addEnrollmentByStaff(admin, { sessionId: sibling.id, userId: twice.id, waitlistIfFull: true });
    const before = await snapshot();
    const result = await runAction(
      teacher,
      moveTraineeAction.definition,
      form({ enrollmentId: here.enrollmentId, toSessionId: sibling.id, reason: "Clash" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "ROSTER_MOVE_ALREADY_ENROLLED" });
    expect(result.formError).toBe(
      "This trainee is already on the roster of the session you chose (enrolled, waitlisted or awaiting approval).",
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("admin-only roster work", () => {
  it("reorders the waitlist with a reason kept in the history", async () => {
    const full = await createTestSession({ capacity: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const person = await createTestUser();
      const outcome = await addEnrollmentByStaff(admin, { sessionId: full.id, userId: person.id, waitlistIfFull: true });
      ids.push(outcome.enrollmentId);
    }
    const last = ids[2]!;
    const result = await runAction(
      admin,
      reorderWaitlistAction.definition,
      form({ enrollmentId: last, position: "1", reason: "Sponsored by the partner" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: true, message: "The trainee is now at position 1 of the waitlist." });
    const waiting = await db.enrollment.findMany({
      where: { sessionId: full.id, status: "WAITLISTED" },
      orderBy: { waitlistRank: "asc" },
      select: { id: true },
    });
    expect(waiting.map((e) => e.id)).toEqual([last, ids[1]]);
    const event = await db.enrollmentEvent.findFirst({
      where: { enrollmentId: last, fromStatus: "WAITLISTED", toStatus: "WAITLISTED" },
      select: { reason: true },
    });
    expect(event?.reason).toBe("Sponsored by the partner");
  });

  it("raises the capacity (promoting from the waitlist) and refuses to lower it below the seats held", async () => {
    const small = await createTestSession({ capacity: 1 });
    const [a, b] = [await createTestUser(), await createTestUser()];
    await addEnrollmentByStaff(admin, { sessionId: small.id, userId: a.id });
    const waiting = await addEnrollmentByStaff(admin, { sessionId: small.id, userId: b.id, waitlistIfFull: true });

    const raised = await runAction(admin, changeCapacityAction.definition, form({ sessionId: small.id, capacity: "3" }), {
      locale: "en",
    });
    expect(raised).toMatchObject({ ok: true, message: "The capacity is now 3; 2 seats are held." });
    const promoted = await db.enrollment.findUniqueOrThrow({ where: { id: waiting.enrollmentId }, select: { status: true } });
    expect(promoted.status).toBe("CONFIRMED");

    const before = await snapshot();
    const lowered = await runAction(admin, changeCapacityAction.definition, form({ sessionId: small.id, capacity: "1" }), {
      locale: "en",
    });
    expect(lowered).toMatchObject({ ok: false, errorCode: "CAPACITY_BELOW_HELD" });
    expect(lowered.fieldErrors?.capacity).toEqual([
      "The capacity can't be 1: 2 seats are already held. Cancel or move trainees first.",
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await checkSessionInvariants(small.id)).problems).toEqual([]);
  });

  it("updates payment status and invoice reference, audited, without touching status or seats", async () => {
    const target = enrollments.waitA; // confirmed by the promotion above
    const seatsBefore = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { seatsHeld: true } });
    const statusBefore = await db.enrollment.findUniqueOrThrow({ where: { id: target }, select: { status: true } });
    const eventsBefore = await db.enrollmentEvent.count({ where: { enrollmentId: target } });

    const result = await runAction(
      admin,
      updatePaymentAction.definition,
      form({ enrollmentId: target, paymentStatus: "INVOICED", invoiceRef: " FT-2026-0042 " }),
      { locale: "en", ip: "203.0.113.9" },
    );
    expect(result).toMatchObject({ ok: true, message: "Payment details saved." });
    const after = await db.enrollment.findUniqueOrThrow({
      where: { id: target },
      select: { status: true, paymentStatus: true, invoiceRef: true },
    });
    expect(after).toEqual({ status: statusBefore.status, paymentStatus: "INVOICED", invoiceRef: "FT-2026-0042" });
    expect(await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { seatsHeld: true } })).toEqual(
      seatsBefore,
    );
    expect(await db.enrollmentEvent.count({ where: { enrollmentId: target } })).toBe(eventsBefore);

    const audit = await db.auditLog.findMany({
      where: { action: "enrollment.payment", entityId: target },
      select: { actorId: true, entityType: true, data: true, ip: true },
    });
    expect(audit).toEqual([
      {
        actorId: admin.id,
        entityType: "Enrollment",
        ip: "203.0.113.9",
        data: {
          sessionId: session.id,
          from: { paymentStatus: "UNPAID", invoiceRef: null },
          to: { paymentStatus: "INVOICED", invoiceRef: "FT-2026-0042" },
        },
      },
    ]);

    // The same values again: nothing written, not even an audit entry.
    const again = await runAction(
      admin,
      updatePaymentAction.definition,
      form({ enrollmentId: target, paymentStatus: "INVOICED", invoiceRef: "FT-2026-0042" }),
      { locale: "en" },
    );
    expect(again).toMatchObject({ ok: true, message: "Nothing to save: the payment details are unchanged." });
    expect(await db.auditLog.count({ where: { action: "enrollment.payment", entityId: target } })).toBe(1);

    // Clearing the reference stores null, not an empty string.
    await runAction(
      admin,
      updatePaymentAction.definition,
      form({ enrollmentId: target, paymentStatus: "WAIVED", invoiceRef: "" }),
    );
    expect(
      await db.enrollment.findUniqueOrThrow({ where: { id: target }, select: { paymentStatus: true, invoiceRef: true } }),
    ).toEqual({ paymentStatus: "WAIVED", invoiceRef: null });
  });

  it("rejects an unknown payment status", async () => {
    const result = await runAction(
      admin,
      updatePaymentAction.definition,
      form({ enrollmentId: enrollments.waitA, paymentStatus: "REFUNDED", invoiceRef: "" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "VALIDATION" });
    expect(result.fieldErrors?.paymentStatus).toEqual(["Choose one of the options."]);
  });
});
