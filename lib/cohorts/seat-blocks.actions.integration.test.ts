import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  assignSeatAction,
  claimSeatAction,
  decideSeatBlockAction,
  releaseSeatsAction,
  requestSeatBlockAction,
  sendClaimLinksAction,
  withdrawSeatBlockAction,
} from "@/lib/cohorts/seat-blocks.actions";
import { requestSeatBlock } from "@/lib/cohorts/seat-blocks.service";
import {
  approvedBlock,
  blockRow,
  createPartnerWithCohort,
  type TestPartner,
} from "@/lib/cohorts/seat-blocks.test-helpers";
import { checkSessionInvariants, createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Every seat-block action called the way a browser calls it (FormData through the action
 * wrapper): refused for each role that must be refused, refused as "not found" for a
 * coordinator of another organization or a member of another cohort — with proof that nothing
 * changed — and carried out for those allowed.
 */

let a: TestPartner;
let b: TestPartner;
let admin: CurrentUser;
let trainee: CurrentUser;
let instructor: CurrentUser;
let sessionId: string;
/** A's approved block (2 seats) and a request of A's awaiting a decision. */
let blockA: string;
let requestA: string;

beforeAll(async () => {
  a = await createPartnerWithCohort({ name: "Partner A University", members: 2 });
  b = await createPartnerWithCohort({ name: "Partner B University", members: 1 });
  admin = await createTestUser({ role: "ADMIN" });
  trainee = await createTestUser({ role: "TRAINEE" });
  instructor = await createTestUser({ role: "INSTRUCTOR" });
  sessionId = (await createTestSession({ capacity: 20 })).id;
  blockA = await approvedBlock(a, admin, sessionId, 2);
  const other = await createTestSession({ capacity: 20, startsInDays: 45 });
  ({ blockId: requestA } = await requestSeatBlock(a.coordinator, {
    sessionId: other.id,
    cohortId: a.cohortId,
    seats: 3,
    note: null,
  }));
});

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

const run = (
  user: CurrentUser | null,
  action: { definition: Parameters<typeof runAction>[1] },
  entries: Record<string, string>,
): Promise<ActionResult> => runAction(user, action.definition, form(entries), { locale: "en" });

/** Everything the actions could write. */
async function snapshot() {
  const [blocks, enrollments, seats, outbox, audit] = await Promise.all([
    db.seatBlock.findMany({ orderBy: { id: "asc" } }),
    db.enrollment.count(),
    db.session.findMany({ orderBy: { id: "asc" }, select: { seatsHeld: true } }),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { blocks, enrollments, seats, outbox, audit };
}

type Case = { name: string; run: (user: CurrentUser | null) => Promise<ActionResult> };

/** The coordinator's actions, aimed at organization A's records. */
const coordinatorCases: Case[] = [
  {
    name: "requestSeatBlockAction",
    run: (user) => run(user, requestSeatBlockAction, { sessionId, cohortId: a.cohortId, seats: "1", note: "" }),
  },
  { name: "withdrawSeatBlockAction", run: (user) => run(user, withdrawSeatBlockAction, { blockId: requestA }) },
  {
    name: "assignSeatAction",
    run: (user) => run(user, assignSeatAction, { blockId: blockA, memberId: a.members[0]!.memberId }),
  },
  { name: "releaseSeatsAction", run: (user) => run(user, releaseSeatsAction, { blockId: blockA, seats: "" }) },
  { name: "sendClaimLinksAction", run: (user) => run(user, sendClaimLinksAction, { blockId: blockA }) },
];

const decideCase: Case = {
  name: "decideSeatBlockAction",
  run: (user) =>
    run(user, decideSeatBlockAction, { blockId: requestA, decision: "approve", approvedSeats: "3", releaseAt: "" }),
};

describe("refusals", () => {
  it.each([...coordinatorCases, decideCase])("$name refuses a visitor who is not signed in", async (c) => {
    const before = await snapshot();
    expect((await c.run(null)).errorCode).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it.each([...coordinatorCases, decideCase])("$name refuses trainees and instructors", async (c) => {
    const before = await snapshot();
    expect((await c.run(trainee)).errorCode).toBe("FORBIDDEN");
    expect((await c.run(instructor)).errorCode).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("decideSeatBlockAction refuses partner coordinators", async () => {
    const before = await snapshot();
    expect((await decideCase.run(a.coordinator)).errorCode).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it.each(coordinatorCases)("$name refuses a coordinator of another organization as not found", async (c) => {
    const before = await snapshot();
    const result = await c.run(b.coordinator);
    expect(result.ok).toBe(false);
    expect(result.errorCode).toMatch(/^(SEAT_BLOCK_NOT_FOUND|COHORT_NOT_FOUND)$/);
    expect(await snapshot()).toEqual(before);
  });

  it("claimSeatAction refuses a visitor, and anyone outside the block's cohort as not found", async () => {
    const before = await snapshot();
    expect((await run(null, claimSeatAction, { blockId: blockA })).errorCode).toBe("UNAUTHENTICATED");
    for (const user of [trainee, instructor, b.coordinator, b.members[0]!.user, a.coordinator]) {
      expect((await run(user, claimSeatAction, { blockId: blockA })).errorCode).toBe("SEAT_BLOCK_NOT_FOUND");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the actions at work", () => {
  it("validate the decision form: seats to approve, and a reason to reject", async () => {
    const noSeats = await run(admin, decideSeatBlockAction, {
      blockId: requestA,
      decision: "approve",
      approvedSeats: "",
      releaseAt: "",
    });
    expect(noSeats.fieldErrors?.approvedSeats).toEqual(["This field is required."]);
    const badDate = await run(admin, decideSeatBlockAction, {
      blockId: requestA,
      decision: "approve",
      approvedSeats: "2",
      releaseAt: "next week",
    });
    expect(badDate.fieldErrors?.releaseAt).toBeDefined();
    const noReason = await run(admin, decideSeatBlockAction, { blockId: requestA, decision: "reject", reason: "" });
    expect(noReason.errorCode).toBe("SEAT_BLOCK_REASON_REQUIRED");
    expect(noReason.fieldErrors?.reason?.[0]).toMatch(/reason/);
    expect((await blockRow(requestA)).status).toBe("REQUESTED");
  });

  it("approve partly with a release date in Seoul time", async () => {
    const result = await run(admin, decideSeatBlockAction, {
      blockId: requestA,
      decision: "approve",
      approvedSeats: "2",
      releaseAt: "2099-01-01T09:00",
    });
    // Far beyond the session's first meeting: refused on the field, nothing held.
    expect(result.fieldErrors?.releaseAt?.[0]).toMatch(/before the first meeting/);
    const block = await db.seatBlock.findUniqueOrThrow({ where: { id: requestA }, select: { sessionId: true } });
    const first = await db.sessionMeeting.findFirstOrThrow({
      where: { sessionId: block.sessionId },
      orderBy: { startsAt: "asc" },
    });
    // The day before the first meeting, 09:00 in Seoul (00:00 UTC).
    const dayBefore = new Date(first.startsAt.getTime() - 86_400_000).toISOString().slice(0, 10);
    expect(
      (await run(admin, decideSeatBlockAction, {
        blockId: requestA,
        decision: "approve",
        approvedSeats: "2",
        releaseAt: `${dayBefore}T09:00`,
      })).ok,
    ).toBe(true);
    const approved = await blockRow(requestA);
    expect(approved).toMatchObject({ status: "APPROVED", requestedSeats: 3, approvedSeats: 2 });
    expect(approved.releaseAt!.toISOString()).toBe(`${dayBefore}T00:00:00.000Z`);
    expect((await checkSessionInvariants(block.sessionId)).problems).toEqual([]);
  });

  it("give a seat, let a member claim one, and report the early release", async () => {
    const assigned = await run(a.coordinator, assignSeatAction, { blockId: blockA, memberId: a.members[0]!.memberId });
    expect(assigned).toMatchObject({ ok: true, message: "Seat given. The student has been sent a confirmation email." });
    const claimed = await run(a.members[1]!.user, claimSeatAction, { blockId: blockA });
    expect(claimed).toMatchObject({ ok: true, message: "Seat claimed. Your enrollment is confirmed." });
    const full = await run(a.members[1]!.user, claimSeatAction, { blockId: blockA });
    expect(full).toMatchObject({ ok: false, errorCode: "ALREADY_ENROLLED" });
    const nothing = await run(a.coordinator, releaseSeatsAction, { blockId: blockA, seats: "" });
    expect(nothing.formError).toBe("There is no unclaimed seat to release: every seat has been claimed.");
    expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
  });

  it("let a coordinator request seats and an admin reject the request with a reason", async () => {
    const session = await createTestSession({ capacity: 8, startsInDays: 50 });
    const requested = await run(a.coordinator, requestSeatBlockAction, {
      sessionId: session.id,
      cohortId: a.cohortId,
      seats: "4",
      note: "Semester course",
    });
    expect(requested.ok).toBe(true);
    const block = await db.seatBlock.findFirstOrThrow({ where: { sessionId: session.id }, select: { id: true, note: true } });
    expect(block.note).toBe("Semester course");
    const tooMany = await run(a.coordinator, requestSeatBlockAction, {
      sessionId: session.id,
      cohortId: a.cohortId,
      seats: "0",
      note: "",
    });
    expect(tooMany.fieldErrors?.seats).toEqual(["Must be at least 1."]);
    const rejected = await run(admin, decideSeatBlockAction, {
      blockId: block.id,
      decision: "reject",
      reason: "Lab reserved for industry",
    });
    expect(rejected.ok).toBe(true);
    expect((await blockRow(block.id)).status).toBe("REJECTED");
  });
});
