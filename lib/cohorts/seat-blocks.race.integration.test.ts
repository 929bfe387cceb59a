/**
 * Seat blocks under concurrency (issue 5, "Tests"; design.md invariant 1): claims racing
 * self-enrollments for the last seats, an approval racing enrollments, a release racing claims
 * and cancellations. Every scenario fires its requests at once (Promise.all) through the
 * services, as simultaneous server actions would, then checks the outcome from the records:
 * never overbooked, `seats_held` equal to confirmed + offered + unclaimed block seats, no free
 * seat while someone eligible waits.
 *
 * PGlite runs one session at a time, so on it these tests would pass without proving anything:
 * they run against the real PostgreSQL server only (TEST_DATABASE_URL) and say so elsewhere.
 */
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  assignSeat,
  claimSeat,
  decideSeatBlock,
  releaseSeatsEarly,
  requestSeatBlock,
} from "@/lib/cohorts/seat-blocks.service";
import { releaseDueSeatBlocks } from "@/lib/cohorts/seat-blocks.engine";
import {
  addJoinedMember,
  approvedBlock,
  blockRow,
  createPartnerWithCohort,
  type TestPartner,
} from "@/lib/cohorts/seat-blocks.test-helpers";
import { cancelEnrollment, enroll } from "@/lib/enrollments/enrollments.service";
import { checkSessionInvariants, createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { describeRealPostgres } from "@/lib/test/database";
import { createTestUser } from "@/lib/users/users.test-helpers";

const RACE_TIMEOUT = 120_000;

async function trainees(n: number): Promise<CurrentUser[]> {
  const users: CurrentUser[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, (_, k) =>
      createTestUser({ name: `Racer ${i + k}` }),
    );
    users.push(...(await Promise.all(batch)));
  }
  return users;
}

/** Fulfilled values, and the domain error codes of refusals; anything else fails the test. */
async function settle<T>(requests: Promise<T>[]): Promise<{ ok: T[]; refused: string[] }> {
  const results = await Promise.allSettled(requests);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const result of results) {
    if (result.status === "fulfilled") ok.push(result.value);
    else if (result.reason instanceof DomainError) refused.push(result.reason.code);
    else throw result.reason;
  }
  return { ok, refused };
}

async function expectHealthy(sessionId: string) {
  const report = await checkSessionInvariants(sessionId);
  expect(report.problems).toEqual([]);
  return report;
}

async function statusesOf(sessionId: string, users: CurrentUser[]) {
  const rows = await db.enrollment.findMany({
    where: { sessionId, userId: { in: users.map((u) => u.id) } },
    select: { status: true },
  });
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return { confirmed: count("CONFIRMED"), waitlisted: count("WAITLISTED"), all: rows.length };
}

describeRealPostgres("seat blocks under concurrency", () => {
  let admin: CurrentUser;
  beforeAll(async () => {
    admin = await createTestUser({ role: "ADMIN" });
  });

  it(
    "members claiming a block's last seats race outsiders enrolling for the last free ones: never overbooked",
    async () => {
      const session = await createTestSession({ capacity: 12, startsInDays: 30 });
      const partner = await createPartnerWithCohort({ members: 8 });
      const early = await trainees(4);
      for (const user of early) await enroll(user, { sessionId: session.id });
      const blockId = await approvedBlock(partner, admin, session.id, 4);
      expect((await expectHealthy(session.id)).seatsHeld).toBe(8);
      const outsiders = await trainees(12);

      // 8 members for 4 block seats (two of them also assigned by the coordinator at the same
      // moment), 12 outsiders for the 4 free seats — all at once.
      const claims = partner.members.map((m) => claimSeat(m.user, { blockId }));
      const assignments = partner.members
        .slice(0, 2)
        .map((m) => assignSeat(partner.coordinator, { blockId, memberId: m.memberId }));
      const enrollments = outsiders.map((u) => enroll(u, { sessionId: session.id }));
      const [claimed, assigned, enrolled] = await Promise.all([
        settle(claims),
        settle(assignments),
        settle(enrollments),
      ]);

      // Exactly the block's 4 seats went to members, whoever asked; the rest were told why.
      expect(claimed.ok.length + assigned.ok.length).toBe(4);
      for (const code of [...claimed.refused, ...assigned.refused]) {
        expect(["SEAT_BLOCK_FULL", "ALREADY_ENROLLED", "SEAT_BLOCK_MEMBER_ENROLLED"]).toContain(code);
      }
      expect(enrolled.refused).toEqual([]);
      expect(await statusesOf(session.id, outsiders)).toEqual({ confirmed: 4, waitlisted: 8, all: 12 });
      const memberSeats = await db.enrollment.count({
        where: { sessionId: session.id, seatBlockId: blockId, status: "CONFIRMED", source: "COHORT" },
      });
      expect(memberSeats).toBe(4);
      expect(await blockRow(blockId)).toMatchObject({ approvedSeats: 4, claimedSeats: 4 });
      const report = await expectHealthy(session.id);
      expect(report).toMatchObject({ capacity: 12, seatsHeld: 12, confirmed: 12, unclaimedBlockSeats: 0, waitlisted: 8 });
    },
    RACE_TIMEOUT,
  );

  it(
    "an approval racing enrollments either takes its seats or is refused with the free count, never overbooking",
    async () => {
      for (let round = 0; round < 4; round++) {
        const session = await createTestSession({ capacity: 10, startsInDays: 40 + round });
        const partner = await createPartnerWithCohort({ members: 0 });
        const { blockId } = await requestSeatBlock(partner.coordinator, {
          sessionId: session.id,
          cohortId: partner.cohortId,
          seats: 6,
          note: null,
        });
        const outsiders = await trainees(8);
        const approval = decideSeatBlock(admin, { blockId, approvedSeats: 6, reason: null, releaseAt: null });
        const [decided, enrolled] = await Promise.all([
          settle([approval]),
          settle(outsiders.map((u) => enroll(u, { sessionId: session.id }))),
        ]);
        expect(enrolled.refused).toEqual([]);
        const outcome = await statusesOf(session.id, outsiders);
        const block = await blockRow(blockId);
        if (decided.ok.length === 1) {
          expect(block).toMatchObject({ status: "APPROVED", approvedSeats: 6 });
          expect(outcome.confirmed).toBeLessThanOrEqual(4);
        } else {
          expect(decided.refused).toEqual(["SEAT_BLOCK_NOT_ENOUGH_SEATS"]);
          expect(block.status).toBe("REQUESTED");
          expect(outcome.confirmed).toBeGreaterThan(4);
          // The admin approves what is free now (if anything): still never overbooked.
          const free = 10 - (await expectHealthy(session.id)).seatsHeld;
          if (free > 0) {
            await decideSeatBlock(admin, { blockId, approvedSeats: free, reason: null, releaseAt: null });
          }
        }
        const report = await expectHealthy(session.id);
        expect(report.seatsHeld).toBeLessThanOrEqual(10);
        expect(report.confirmed + report.unclaimedBlockSeats).toBe(report.seatsHeld);
      }
    },
    RACE_TIMEOUT,
  );

  it(
    "an early release racing claims, cancellations and enrollments: freed seats reach the waitlist head, counts stay exact",
    async () => {
      const session = await createTestSession({ capacity: 10, startsInDays: 50 });
      const partner: TestPartner = await createPartnerWithCohort({ members: 5 });
      const blockId = await approvedBlock(partner, admin, session.id, 5);
      const claimedBefore = partner.members.slice(0, 2);
      const claimedIds: string[] = [];
      for (const m of claimedBefore) claimedIds.push((await claimSeat(m.user, { blockId })).enrollmentId);
      const seated = await trainees(5);
      const seatedIds: string[] = [];
      for (const u of seated) seatedIds.push((await enroll(u, { sessionId: session.id })).enrollmentId);
      const waiting = await trainees(5);
      for (const u of waiting) await enroll(u, { sessionId: session.id });
      expect(await expectHealthy(session.id)).toMatchObject({ seatsHeld: 10, waitlisted: 5 });
      const newcomers = await trainees(3);

      const requests: Promise<unknown>[] = [
        releaseSeatsEarly(partner.coordinator, { blockId }),
        ...partner.members.slice(2).map((m) => claimSeat(m.user, { blockId })),
        ...claimedBefore.map((m, i) => cancelEnrollment(m.user, { enrollmentId: claimedIds[i]! })),
        ...seated.slice(0, 2).map((u, i) => cancelEnrollment(u, { enrollmentId: seatedIds[i]! })),
        ...newcomers.map((u) => enroll(u, { sessionId: session.id })),
      ];
      const { refused } = await settle(requests);
      for (const code of refused) {
        expect(["SEAT_BLOCK_RELEASED", "SEAT_BLOCK_FULL", "SEAT_BLOCK_NOTHING_TO_RELEASE"]).toContain(code);
      }
      const report = await expectHealthy(session.id);
      expect(report.seatsHeld).toBe(report.capacity); // people still wait, so no seat stays free
      const block = await blockRow(blockId);
      const held = block.status === "APPROVED" ? block.approvedSeats - block.claimedSeats : 0;
      expect(report.unclaimedBlockSeats).toBe(held);
    },
    RACE_TIMEOUT,
  );

  it(
    "the worker's release racing members' claims: each claim lands before the release or is refused after it",
    async () => {
      const session = await createTestSession({ capacity: 8, startsInDays: 60 });
      const partner = await createPartnerWithCohort({ members: 0 });
      const members = [];
      for (let i = 0; i < 6; i++) members.push(await addJoinedMember(partner.cohortId, `Claimer ${i}`));
      const blockId = await approvedBlock({ ...partner }, admin, session.id, 4);
      const outsiders = await trainees(4);
      for (const u of outsiders) await enroll(u, { sessionId: session.id });
      const waiting = await trainees(3);
      for (const u of waiting) await enroll(u, { sessionId: session.id });
      const { releaseAt } = await blockRow(blockId);

      const [claims, released] = await Promise.all([
        settle(members.map((m) => claimSeat(m.user, { blockId }))),
        // The release date "has come" for the worker; the members still see it ahead.
        releaseDueSeatBlocks(new Date(releaseAt!.getTime() + 1000)),
      ]);
      // (Blocks of the earlier scenarios, due sooner, are released by the same run.)
      expect(released).toBeGreaterThanOrEqual(1);
      for (const code of claims.refused) expect(["SEAT_BLOCK_RELEASED", "SEAT_BLOCK_FULL"]).toContain(code);
      const block = await blockRow(blockId);
      expect(block.status).toBe("RELEASED");
      expect(block.claimedSeats).toBe(claims.ok.length);
      const report = await expectHealthy(session.id);
      // The unclaimed seats went to the waitlist: as many promoted as were freed (up to 3 waiting).
      const promoted = (await statusesOf(session.id, waiting)).confirmed;
      expect(promoted).toBe(Math.min(3, 4 - claims.ok.length));
      expect(report.unclaimedBlockSeats).toBe(0);
    },
    RACE_TIMEOUT,
  );
});
