/**
 * The enrollment engine under concurrency (issue 3, "Tests"; design.md invariants 1, 2, 4, 5).
 *
 * Every scenario fires its requests at once (Promise.all) through the service, exactly as
 * simultaneous server actions would, and then checks the outcome from the records. Requests
 * queue on the app's connection pool (DATABASE_POOL_MAX, 10 by default) and then on the
 * session's row lock: that is what one app instance does. One scenario spreads the requests
 * over several independent Prisma clients, each with its own pool, as several instances would.
 *
 * PGlite runs one session at a time, so on it these tests would pass without proving anything:
 * they run against the real PostgreSQL server only (TEST_DATABASE_URL) and say so elsewhere.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPool } from "@/lib/db/pool";
import { DomainError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { EnrollmentStatus, WaitlistMode } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  addEnrollmentByStaff,
  cancelEnrollment,
  changeCapacity,
  claimOffer,
  enroll,
  expireOffers,
  type EnrollmentOutcome,
} from "@/lib/enrollments/enrollments.service";
import {
  checkSessionInvariants,
  createTestCourse,
  createTestSession,
} from "@/lib/enrollments/enrollments.test-helpers";
import { describeRealPostgres, testDatabaseUrl } from "@/lib/test/database";
import { createTestUser } from "@/lib/users/users.test-helpers";

const HOUR = 3_600_000;
const RACE_TIMEOUT = 120_000;

/** `n` trainees, created a few at a time (their creation is not what is being tested). */
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

async function enrollmentsOf(sessionId: string) {
  return db.enrollment.findMany({
    where: { sessionId },
    select: { id: true, userId: true, status: true, waitlistRank: true, createdAt: true },
  });
}

/** Enrollments of a session that an event shows were moved up from its waitlist. */
async function promotedFromWaitlist(sessionId: string) {
  const events = await db.enrollmentEvent.findMany({
    where: {
      enrollment: { sessionId },
      fromStatus: "WAITLISTED",
      toStatus: { in: ["CONFIRMED", "OFFERED"] },
    },
    select: { enrollment: { select: { id: true, waitlistRank: true } } },
  });
  return events.map((e) => e.enrollment);
}

/** Every enrollment's event history ends in its current status (no change without an event). */
async function expectEventsMatchStatus(sessionId: string) {
  const rows = await db.enrollment.findMany({
    where: { sessionId },
    select: {
      id: true,
      status: true,
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { fromStatus: true, toStatus: true },
      },
    },
  });
  for (const row of rows) {
    const chain = row.events;
    expect(chain[0]?.fromStatus, `first event of ${row.id}`).toBeNull();
    for (let i = 1; i < chain.length; i++)
      expect(chain[i]!.fromStatus).toBe(chain[i - 1]!.toStatus);
    expect(chain.at(-1)?.toStatus, `last event of ${row.id}`).toBe(row.status);
  }
}

async function mailTemplatesFor(
  sessionId: string,
  emails: string[],
): Promise<Map<string, string[]>> {
  const mails = await db.outboxMessage.findMany({
    where: { toEmail: { in: emails } },
    orderBy: { createdAt: "asc" },
    select: { toEmail: true, template: true, payload: true },
  });
  const byEmail = new Map<string, string[]>();
  for (const mail of mails) {
    if ((mail.payload as { sessionId?: string }).sessionId !== sessionId) continue;
    byEmail.set(mail.toEmail, [...(byEmail.get(mail.toEmail) ?? []), mail.template]);
  }
  return byEmail;
}

describeRealPostgres("enrollment engine under concurrency", () => {
  let admin: CurrentUser;
  beforeAll(async () => {
    admin = await createTestUser({ role: "ADMIN" });
  });

  it(
    "200 simultaneous enrollments for 20 seats: exactly 20 confirmed and 180 waitlisted, in arrival order, each told",
    async () => {
      const session = await createTestSession({ capacity: 20 });
      const people = await trainees(200);

      const { ok, refused } = await settle(people.map((p) => enroll(p, { sessionId: session.id })));
      expect(refused).toEqual([]);
      expect(ok.filter((o) => o.status === "CONFIRMED")).toHaveLength(20);
      expect(ok.filter((o) => o.status === "WAITLISTED")).toHaveLength(180);

      const report = await expectHealthy(session.id);
      expect(report).toMatchObject({ capacity: 20, seatsHeld: 20, confirmed: 20, waitlisted: 180 });

      const rows = await enrollmentsOf(session.id);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(200);
      const confirmed = rows.filter((r) => r.status === "CONFIRMED");
      const waiting = rows
        .filter((r) => r.status === "WAITLISTED")
        .sort((a, b) => Number(a.waitlistRank! - b.waitlistRank!));
      // Ranks 1..180, one each: nobody shares or skips a place.
      expect(waiting.map((r) => Number(r.waitlistRank))).toEqual(
        Array.from({ length: 180 }, (_, i) => i + 1),
      );
      // Arrival order = the order in which requests obtained the session lock (created_at is set
      // under it): the 20 who got seats came before everyone waiting, and ranks follow arrival.
      const lastConfirmed = Math.max(...confirmed.map((r) => r.createdAt.getTime()));
      expect(lastConfirmed).toBeLessThanOrEqual(waiting[0]!.createdAt.getTime());
      for (let i = 1; i < waiting.length; i++) {
        expect(waiting[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(
          waiting[i - 1]!.createdAt.getTime(),
        );
      }
      // Each trainee was told their position, and the position is their rank.
      const positionOf = new Map(ok.map((o) => [o.enrollmentId, o.position]));
      for (const row of waiting) expect(positionOf.get(row.id)).toBe(Number(row.waitlistRank));

      const mails = await db.outboxMessage.findMany({
        where: { toEmail: { in: people.map((p) => p.email) } },
        select: { toEmail: true, template: true, payload: true },
      });
      expect(mails).toHaveLength(200);
      expect(mails.filter((m) => m.template === "enrollment.confirmed")).toHaveLength(20);
      const waitlistMails = mails.filter((m) => m.template === "enrollment.waitlisted");
      expect(
        waitlistMails
          .map((m) => (m.payload as { position: number }).position)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      expect(
        await db.enrollmentEvent.count({ where: { enrollment: { sessionId: session.id } } }),
      ).toBe(200);
    },
    RACE_TIMEOUT,
  );

  it(
    "the same, spread over four app instances (independent clients and pools): still 20 confirmed, ranks 1..180",
    async () => {
      const session = await createTestSession({ capacity: 20 });
      const people = await trainees(200);
      const instances = Array.from({ length: 4 }, () => {
        const pool = createPool(testDatabaseUrl(), 10);
        let connections = 0;
        pool.on("connect", () => connections++);
        return {
          pool,
          client: new PrismaClient({ adapter: new PrismaPg(pool) }),
          connections: () => connections,
        };
      });
      const app = globalThis as { __ftPrisma?: PrismaClient; __ftPool?: pg.Pool };
      const own = { client: app.__ftPrisma, pool: app.__ftPool };
      try {
        // The service reaches the database through the process-wide client and pool
        // (lib/db/client.ts, lib/db/pool.ts; the self-enrollment fast path uses the pool
        // directly), looked up when a request opens its transaction, which `enroll` does
        // synchronously; so pointing both at instance k right before the call puts the request
        // on k's pool.
        const requests = people.map((p, i) => {
          const instance = instances[i % instances.length]!;
          app.__ftPrisma = instance.client;
          app.__ftPool = instance.pool;
          try {
            return enroll(p, { sessionId: session.id });
          } finally {
            app.__ftPrisma = own.client;
            app.__ftPool = own.pool;
          }
        });
        const { ok, refused } = await settle(requests);
        expect(refused).toEqual([]);
        expect(ok.filter((o) => o.status === "CONFIRMED")).toHaveLength(20);
        // Every instance really did its share on its own connections.
        for (const instance of instances) expect(instance.connections()).toBeGreaterThan(1);
      } finally {
        app.__ftPrisma = own.client;
        app.__ftPool = own.pool;
        for (const instance of instances) {
          await instance.client.$disconnect();
          await instance.pool.end();
        }
      }
      const report = await expectHealthy(session.id);
      expect(report).toMatchObject({ seatsHeld: 20, confirmed: 20, waitlisted: 180 });
      const ranks = (await enrollmentsOf(session.id))
        .filter((r) => r.status === "WAITLISTED")
        .map((r) => Number(r.waitlistRank));
      expect(ranks.sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    },
    RACE_TIMEOUT,
  );

  it.each<WaitlistMode>(["AUTO", "OFFER"])(
    "%s mode: 30 cancellations, 10 leaving the waitlist and 30 new enrollments at once keep every invariant; freed seats go to the head",
    async (mode) => {
      const session = await createTestSession({ capacity: 40, waitlistMode: mode });
      const people = await trainees(120);
      const [early, newcomers] = [people.slice(0, 90), people.slice(90)];
      const outcomes: EnrollmentOutcome[] = [];
      for (const p of early) outcomes.push(await enroll(p, { sessionId: session.id }));
      const seats = outcomes.filter((o) => o.status === "CONFIRMED");
      const waiting = outcomes.filter((o) => o.status === "WAITLISTED");
      expect([seats.length, waiting.length]).toEqual([40, 50]);
      const ownerOf = new Map(outcomes.map((o, i) => [o.enrollmentId, early[i]!]));

      // Leavers at waitlist positions 5, 10, …, 50: some are reached by the freed seats while
      // their cancellation is on its way, and then give up a confirmed seat or an offer instead.
      const cancelling = seats.slice(0, 30);
      const leaving = waiting.filter((o) => o.position! % 5 === 0);
      const requests: Promise<unknown>[] = [
        ...cancelling.map((o) =>
          cancelEnrollment(ownerOf.get(o.enrollmentId)!, { enrollmentId: o.enrollmentId }),
        ),
        ...leaving.map((o) =>
          cancelEnrollment(ownerOf.get(o.enrollmentId)!, { enrollmentId: o.enrollmentId }),
        ),
        ...newcomers.map((p) => enroll(p, { sessionId: session.id })),
      ];
      const { ok, refused } = await settle(requests);
      expect(refused).toEqual([]);
      expect(ok).toHaveLength(70);

      const report = await expectHealthy(session.id);
      // Enough people wait throughout, so every freed seat was taken again at once.
      expect(report.confirmed + report.offered).toBe(40);
      if (mode === "AUTO") expect(report.offered).toBe(0);
      expect(report.waitlisted).toBe(40);

      const rows = await enrollmentsOf(session.id);
      const newcomerIds = new Set(newcomers.map((p) => p.id));
      // No newcomer found a free seat: freed seats never wait for the next request.
      expect(rows.filter((r) => newcomerIds.has(r.userId)).map((r) => r.status)).toEqual(
        Array(30).fill("WAITLISTED"),
      );
      // Freed seats went to the head: everyone moved up ranks before everyone still waiting.
      const promoted = await promotedFromWaitlist(session.id);
      expect(promoted.length).toBeGreaterThanOrEqual(30);
      const stillWaiting = rows
        .filter((r) => r.status === "WAITLISTED")
        .map((r) => Number(r.waitlistRank));
      expect(Math.max(...promoted.map((p) => Number(p.waitlistRank)))).toBeLessThan(
        Math.min(...stillWaiting),
      );
      // Newcomers queue behind everyone who was waiting before them.
      const newcomerRanks = rows
        .filter((r) => newcomerIds.has(r.userId))
        .map((r) => Number(r.waitlistRank));
      expect(Math.min(...newcomerRanks)).toBeGreaterThan(50);

      await expectEventsMatchStatus(session.id);
      const mails = await mailTemplatesFor(
        session.id,
        people.map((p) => p.email),
      );
      const expected = mode === "AUTO" ? "enrollment.promoted" : "enrollment.offer";
      for (const p of promoted) {
        const owner = ownerOf.get(p.id)!;
        expect(mails.get(owner.email), owner.email).toContain(expected);
      }
      for (const o of [...cancelling, ...leaving]) {
        expect(mails.get(ownerOf.get(o.enrollmentId)!.email)).toContain("enrollment.cancelled");
      }
      for (const p of newcomers) expect(mails.get(p.email)).toEqual(["enrollment.waitlisted"]);
    },
    RACE_TIMEOUT,
  );

  it(
    "two requests for the last seat: exactly one confirmed, the other waitlisted first (20 rounds)",
    async () => {
      for (let round = 0; round < 20; round++) {
        const session = await createTestSession({ capacity: 3, startsInDays: 30 + round });
        const [a, b, c, d] = await trainees(4);
        await enroll(a!, { sessionId: session.id });
        await enroll(b!, { sessionId: session.id });
        const { ok, refused } = await settle([
          enroll(c!, { sessionId: session.id }),
          enroll(d!, { sessionId: session.id }),
        ]);
        expect(refused).toEqual([]);
        expect(ok.map((o) => `${o.status}:${o.position}`).sort()).toEqual([
          "CONFIRMED:null",
          "WAITLISTED:1",
        ]);
        await expectHealthy(session.id);
      }
    },
    RACE_TIMEOUT,
  );

  // Self-enrollment takes the session lock in its last statement and ranks from the session row's
  // counters (fast-enroll.ts); every other path locks first and keeps the same counters. Here
  // both kinds take the last seats and waitlist places of one session at once.
  it(
    "staff adds racing self-enrollments for the last seats: capacity holds, ranks 1..n in order, each told their place (10 rounds)",
    async () => {
      for (let round = 0; round < 10; round++) {
        const session = await createTestSession({ capacity: 4, startsInDays: 30 + round });
        const [first, ...rest] = await trainees(17);
        await enroll(first!, { sessionId: session.id });
        const [added, self] = [rest.slice(0, 4), rest.slice(4)];
        const requests: Promise<EnrollmentOutcome>[] = [];
        self.forEach((p, i) => {
          requests.push(enroll(p, { sessionId: session.id }));
          if (i % 3 === 0) {
            requests.push(
              addEnrollmentByStaff(admin, {
                sessionId: session.id,
                userId: added[i / 3]!.id,
                waitlistIfFull: true,
              }),
            );
          }
        });
        const { ok, refused } = await settle(requests);
        expect(refused).toEqual([]);
        expect(ok.filter((o) => o.status === "CONFIRMED")).toHaveLength(3);
        const waiting = ok.filter((o) => o.status === "WAITLISTED");
        expect(waiting).toHaveLength(13);

        const report = await expectHealthy(session.id);
        expect(report).toMatchObject({ seatsHeld: 4, confirmed: 4, waitlisted: 13 });
        const rows = await enrollmentsOf(session.id);
        const rankOf = new Map(rows.map((r) => [r.id, Number(r.waitlistRank)]));
        // Nobody left the waitlist, so every place told is the rank, and ranks are 1..13.
        for (const o of waiting) expect(o.position).toBe(rankOf.get(o.enrollmentId));
        expect(waiting.map((o) => o.position).sort((a, b) => a! - b!)).toEqual(
          Array.from({ length: 13 }, (_, i) => i + 1),
        );
        // Arrival order: every seat was given before the first waitlist place.
        const byId = new Map(rows.map((r) => [r.id, r]));
        const lastSeat = Math.max(
          ...ok
            .filter((o) => o.status === "CONFIRMED")
            .map((o) => byId.get(o.enrollmentId)!.createdAt.getTime()),
        );
        const firstPlace = waiting.find((o) => o.position === 1)!;
        expect(lastSeat).toBeLessThanOrEqual(
          byId.get(firstPlace.enrollmentId)!.createdAt.getTime(),
        );
        await expectEventsMatchStatus(session.id);
        // Each trainee's one mail says what happened, with the place they were told.
        const mails = await db.outboxMessage.findMany({
          where: { toEmail: { in: [...added, ...self].map((p) => p.email) } },
          select: { toEmail: true, template: true, payload: true },
        });
        expect(mails).toHaveLength(16);
        const positionsMailed = mails
          .filter((m) => m.template === "enrollment.waitlisted")
          .map((m) => (m.payload as { position: number }).position)
          .sort((a, b) => a - b);
        expect(positionsMailed).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      }
    },
    RACE_TIMEOUT,
  );

  it(
    "a double submit by one trainee makes one enrollment; the other request is told ALREADY_ENROLLED",
    async () => {
      // A free seat (the double submit would confirm twice), then a full session (it would waitlist twice).
      for (const [capacity, taken] of [
        [5, 2],
        [1, 1],
      ] as const) {
        const session = await createTestSession({ capacity });
        for (const p of await trainees(taken)) await enroll(p, { sessionId: session.id });
        const [me] = await trainees(1);
        for (let round = 0; round < 5; round++) {
          const { ok, refused } = await settle([
            enroll(me!, { sessionId: session.id }),
            enroll(me!, { sessionId: session.id }),
          ]);
          expect(ok).toHaveLength(1);
          expect(refused).toEqual(["ALREADY_ENROLLED"]);
          const mine = await db.enrollment.findMany({
            where: { sessionId: session.id, userId: me!.id },
            select: { status: true },
          });
          expect(mine.filter((e) => e.status !== "CANCELLED")).toHaveLength(1);
          await expectHealthy(session.id);
          await cancelEnrollment(me!, { enrollmentId: ok[0]!.enrollmentId });
        }
        // One mail per accepted request, none for the refused one.
        const mails = await db.outboxMessage.count({
          where: {
            toEmail: me!.email,
            template: { in: ["enrollment.confirmed", "enrollment.waitlisted"] },
          },
        });
        expect(mails).toBe(5);
      }
    },
    RACE_TIMEOUT,
  );

  it(
    "raising capacity while 60 trainees enroll never overbooks and fills the new seats from the waitlist",
    async () => {
      const session = await createTestSession({ capacity: 10 });
      const people = await trainees(60);
      const raises = [12, 15, 20, 25];
      const requests = [
        ...people.slice(0, 30).map((p) => enroll(p, { sessionId: session.id })),
        ...raises.map((capacity) => changeCapacity(admin, { sessionId: session.id, capacity })),
        ...people.slice(30).map((p) => enroll(p, { sessionId: session.id })),
      ];
      const { ok, refused } = await settle<unknown>(requests);
      // A raise that lands after a larger one is a decrease below the seats held by then.
      expect(refused.every((code) => code === "CAPACITY_BELOW_HELD")).toBe(true);
      expect(ok.length + refused.length).toBe(64);
      const report = await expectHealthy(session.id);
      expect(raises).toContain(report.capacity);
      expect(report).toMatchObject({
        confirmed: report.capacity,
        waitlisted: 60 - report.capacity,
      });
      await expectEventsMatchStatus(session.id);
    },
    RACE_TIMEOUT,
  );

  it(
    "lowering capacity while trainees enroll either succeeds or is refused with CAPACITY_BELOW_HELD, never overbooks",
    async () => {
      for (let round = 0; round < 5; round++) {
        const session = await createTestSession({ capacity: 30, startsInDays: 30 + round });
        const people = await trainees(40);
        const lowerings = [25, 20, 15, 10, 5];
        const requests: Promise<unknown>[] = [];
        people.forEach((p, i) => {
          requests.push(enroll(p, { sessionId: session.id }));
          if (i % 8 === 4)
            requests.push(
              changeCapacity(admin, { sessionId: session.id, capacity: lowerings.shift()! }),
            );
        });
        const { ok, refused } = await settle(requests);
        expect(refused.every((code) => code === "CAPACITY_BELOW_HELD")).toBe(true);
        expect(ok.length + refused.length).toBe(45);
        const report = await expectHealthy(session.id);
        expect(report.confirmed).toBe(report.capacity); // 40 wanted in: every seat is taken
        expect(report.confirmed + report.waitlisted).toBe(40);
        const stored = await db.session.findUniqueOrThrow({
          where: { id: session.id },
          select: { capacity: true },
        });
        expect([30, 25, 20, 15, 10, 5]).toContain(stored.capacity);
      }
    },
    RACE_TIMEOUT,
  );

  it(
    "the offer sweep racing the trainee's claim of the same offer: exactly one wins (20 rounds)",
    async () => {
      const winners: Record<string, number> = { claim: 0, sweep: 0 };
      for (let round = 0; round < 20; round++) {
        const session = await createTestSession({
          capacity: 1,
          waitlistMode: "OFFER",
          offerHours: 1,
          startsInDays: 30 + round,
        });
        const [a, b, c] = await trainees(3);
        const seat = await enroll(a!, { sessionId: session.id });
        const offered = await enroll(b!, { sessionId: session.id });
        const next = await enroll(c!, { sessionId: session.id });
        await cancelEnrollment(a!, { enrollmentId: seat.enrollmentId });

        // The claim is in time by the clock; the sweep runs as if the deadline had passed.
        const [claim, sweep] = await Promise.allSettled([
          claimOffer(b!, { enrollmentId: offered.enrollmentId }),
          expireOffers(new Date(Date.now() + 2 * HOUR)),
        ]);
        expect(sweep.status).toBe("fulfilled");
        const expired = sweep.status === "fulfilled" ? sweep.value : -1;
        const status = async (id: string) =>
          (await db.enrollment.findUniqueOrThrow({ where: { id }, select: { status: true } }))
            .status;
        if (claim.status === "fulfilled") {
          winners.claim!++;
          expect(await status(offered.enrollmentId)).toBe<EnrollmentStatus>("CONFIRMED");
          expect(await status(next.enrollmentId)).toBe<EnrollmentStatus>("WAITLISTED");
        } else {
          winners.sweep!++;
          expect(claim.reason).toMatchObject({ code: "OFFER_NOT_OPEN" });
          expect(await status(offered.enrollmentId)).toBe<EnrollmentStatus>("EXPIRED");
          expect(await status(next.enrollmentId)).toBe<EnrollmentStatus>("OFFERED");
        }
        // The sweep is global: it may also lapse the offer an earlier round passed on, never this one twice.
        expect(expired).toBeGreaterThanOrEqual(claim.status === "fulfilled" ? 0 : 1);
        expect(
          await db.enrollmentEvent.count({
            where: { enrollmentId: offered.enrollmentId, fromStatus: "OFFERED" },
          }),
        ).toBe(1);
        await expectHealthy(session.id);
        await expectEventsMatchStatus(session.id);
      }
      console.info(`offer race winners over 20 rounds: ${JSON.stringify(winners)}`);
      expect(winners.claim! + winners.sweep!).toBe(20);
    },
    RACE_TIMEOUT,
  );

  // The overlap rule (a trainee never holds seats in two sessions that meet at the same time)
  // must hold under concurrency too. Each request locks only its own session, so the check
  // for a seat elsewhere has to be serialized per trainee as well; a double-click on two
  // "Enroll" buttons, or a claim racing an enrollment, must not give both seats.
  it(
    "one trainee enrolling at once in two sessions whose meetings overlap gets a seat in at most one",
    async () => {
      const course = await createTestCourse();
      let doubleBooked = 0;
      for (let round = 0; round < 10; round++) {
        const first = await createTestSession({
          courseId: course.id,
          startsInDays: 60 + round,
          meetings: [[0, 8]],
        });
        const second = await createTestSession({ startsInDays: 60 + round, meetings: [[2, 4]] });
        const [me] = await trainees(1);
        const { ok, refused } = await settle([
          enroll(me!, { sessionId: first.id }),
          enroll(me!, { sessionId: second.id }),
        ]);
        if (ok.filter((o) => o.status === "CONFIRMED").length > 1) doubleBooked++;
        expect(refused.every((code) => code === "SCHEDULE_OVERLAP")).toBe(true);
      }
      expect(
        doubleBooked,
        "rounds in which the trainee got seats in both overlapping sessions",
      ).toBe(0);
    },
    RACE_TIMEOUT,
  );
});
