import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type {
  EnrollmentStatus,
  OrganizationType,
  SessionStatus,
} from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  checkSessionInvariants,
  createTestCourse,
  createTestSession,
} from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";
import {
  getDashboard,
  getEnrollmentsByOrganizationType,
  getMonthlyEnrollments,
  getSessionsBelowMinimum,
  getUpcomingSessions,
  getWaitlistDemand,
  WAITLIST_RUN_THRESHOLD,
} from "@/lib/dashboard/dashboard.queries";

/**
 * The dashboard's figures on a small but realistic center: three courses with different list
 * prices, upcoming runs that are full with waitlists, half-empty or below their minimum,
 * completed runs of past months (one beyond the 12-month window, one exactly on its Seoul
 * month boundary), cancelled and draft sessions that must not count, and trainees of every
 * kind of organization. Every expected number below was counted by hand from this fixture.
 *
 * Test data is written with Prisma directly (the enrollment engine only makes changes "now";
 * these enrollments were confirmed months ago), with seats_held equal to the confirmed +
 * offered enrollments of each session, as the engine keeps it (checked with
 * checkSessionInvariants).
 */

// 12:00 in Seoul on Wednesday 25 November 2026.
const NOW = new Date("2026-11-25T03:00:00Z");
const at = (iso: string) => new Date(iso);

let admin: CurrentUser;
const refused: Record<"TRAINEE" | "PARTNER" | "INSTRUCTOR", CurrentUser> = {} as never;
const people = {} as Record<"company" | "uni" | "startup" | "none", string[]>;
const courses = {} as Record<
  "C1" | "C2" | "C3",
  { id: string; code: string; titleKo: string; titleEn: string }
>;
const sessions = {} as Record<string, string>;

async function organizationOf(type: OrganizationType) {
  return db.organization.create({
    data: { name: `${type} ${Math.random()}`, type },
    select: { id: true },
  });
}

async function trainees(count: number, organizationId: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createTestUser({ organizationId })).id);
  return ids;
}

type Row = { users: string[]; status: EnrollmentStatus; confirmedAt?: Date };

/** A session `startsInDays` from NOW (09:00 Seoul) with its enrollments; seats_held as the engine keeps it. */
async function session(
  key: string,
  course: keyof typeof courses,
  opts: { startsInDays: number; capacity: number; min: number; status?: SessionStatus },
  rows: Row[],
) {
  const created = await createTestSession({
    courseId: courses[course].id,
    startsInDays: opts.startsInDays,
    capacity: opts.capacity,
    status: opts.status ?? "PUBLISHED",
    registrationOpensAt: new Date(NOW.getTime() + (opts.startsInDays - 60) * 86_400_000),
    now: NOW,
  });
  let rank = 0;
  let held = 0;
  for (const row of rows) {
    for (const userId of row.users) {
      if (row.status === "CONFIRMED" || row.status === "OFFERED") held++;
      await db.enrollment.create({
        data: {
          sessionId: created.id,
          userId,
          status: row.status,
          confirmedAt: row.confirmedAt ?? null,
          waitlistRank: row.status === "WAITLISTED" ? BigInt(++rank) : null,
          offerExpiresAt: row.status === "OFFERED" ? new Date(NOW.getTime() + 86_400_000) : null,
          cancelledAt: row.status === "CANCELLED" ? row.confirmedAt : null,
        },
      });
    }
  }
  await db.session.update({
    where: { id: created.id },
    // The waitlist counters too, as the engine keeps them (ranks 1..rank were all given here).
    data: {
      minEnrollment: opts.min,
      seatsHeld: held,
      waitlistSeq: BigInt(rank),
      waitlistLength: rank,
    },
  });
  sessions[key] = created.id;
}

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  refused.TRAINEE = await createTestUser({ role: "TRAINEE" });
  refused.INSTRUCTOR = await createTestUser({ role: "INSTRUCTOR" });
  const partnerOrg = await db.organization.create({
    data: { name: "Partner U", type: "UNIVERSITY", isPartner: true },
    select: { id: true },
  });
  refused.PARTNER = await createTestUser({ role: "PARTNER", organizationId: partnerOrg.id });

  people.company = await trainees(8, (await organizationOf("COMPANY")).id);
  people.uni = await trainees(5, (await organizationOf("UNIVERSITY")).id);
  people.startup = await trainees(3, (await organizationOf("STARTUP")).id);
  await organizationOf("PUBLIC_BODY"); // exists, but nobody of it enrolled: listed with 0
  people.none = await trainees(4, null);
  const { company, uni, startup, none } = people as Record<string, string[]>;

  for (const [key, price] of [
    ["C1", 1_000_000],
    ["C2", 500_000],
    ["C3", 300_000],
  ] as const) {
    const course = await createTestCourse({ titleEn: `Course ${key}` });
    await db.course.update({ where: { id: course.id }, data: { listPriceKrw: price } });
    courses[key] = course;
  }

  const nov = at("2026-11-20T03:00:00Z");
  const oct = at("2026-10-15T03:00:00Z");
  const sep = at("2026-09-10T03:00:00Z");
  const aug = at("2026-08-05T03:00:00Z");
  const jul = at("2026-07-20T03:00:00Z");

  // Upcoming, published.
  await session("S1", "C1", { startsInDays: 3, capacity: 10, min: 6 }, [
    { users: company!.slice(0, 4), status: "CONFIRMED", confirmedAt: nov },
    { users: [none![0]!], status: "PENDING_APPROVAL" },
  ]);
  await session("S3", "C2", { startsInDays: 5, capacity: 12, min: 5 }, [
    { users: uni!.slice(0, 5), status: "CONFIRMED", confirmedAt: nov },
  ]);
  // Starts 6 days 21 hours after NOW: inside the seven-day window.
  await session("S12", "C3", { startsInDays: 7, capacity: 10, min: 3 }, [
    { users: none!.slice(1, 3), status: "CONFIRMED", confirmedAt: nov },
  ]);
  // Below its minimum, but 10 days out: not flagged yet.
  await session("S6", "C3", { startsInDays: 10, capacity: 10, min: 4 }, [
    { users: [none![3]!], status: "CONFIRMED", confirmedAt: nov },
  ]);
  await session("S2", "C1", { startsInDays: 20, capacity: 8, min: 4 }, [
    {
      users: [...company!.slice(4, 8), ...uni!.slice(0, 3)],
      status: "CONFIRMED",
      confirmedAt: oct,
    },
    { users: [uni![3]!], status: "OFFERED" },
    { users: [...startup!, ...none!.slice(0, 3)], status: "WAITLISTED" },
  ]);
  await session("S4", "C2", { startsInDays: 40, capacity: 6, min: 3 }, [
    { users: company!.slice(0, 6), status: "CONFIRMED", confirmedAt: sep },
    // Exactly the threshold (8) waiting for C2: not more than it, so no suggestion.
    { users: [...uni!, ...startup!], status: "WAITLISTED" },
  ]);
  await session("S10", "C1", { startsInDays: 60, capacity: 4, min: 2 }, [
    { users: [...startup!, none![0]!], status: "CONFIRMED", confirmedAt: oct },
    { users: company!.slice(0, 3), status: "WAITLISTED" },
  ]);
  // Upcoming but not published, or cancelled: never on the dashboard.
  await session("S5", "C3", { startsInDays: 2, capacity: 10, min: 4, status: "CANCELLED" }, []);
  await session("S11", "C2", { startsInDays: 15, capacity: 10, min: 4, status: "DRAFT" }, []);

  // Completed runs.
  await session("S7", "C1", { startsInDays: -30, capacity: 10, min: 4, status: "COMPLETED" }, [
    { users: company!.slice(0, 3), status: "COMPLETED", confirmedAt: aug },
    { users: [uni![4]!], status: "NO_SHOW", confirmedAt: aug },
    { users: [none![1]!], status: "CANCELLED", confirmedAt: aug },
  ]);
  await session("S8", "C2", { startsInDays: -100, capacity: 10, min: 4, status: "COMPLETED" }, [
    { users: [startup![0]!, none![2]!], status: "COMPLETED", confirmedAt: jul },
  ]);
  await session("S9", "C3", { startsInDays: -330, capacity: 10, min: 4, status: "COMPLETED" }, [
    // 1 December 2025 00:00 in Seoul: the first instant of the 12-month window.
    { users: [company![7]!], status: "COMPLETED", confirmedAt: at("2025-11-30T15:00:00Z") },
    // 30 November 2025 23:59 in Seoul: one minute before it.
    { users: [company![6]!], status: "COMPLETED", confirmedAt: at("2025-11-30T14:59:00Z") },
    { users: [uni![1]!], status: "COMPLETED", confirmedAt: at("2025-10-10T03:00:00Z") },
  ]);

  for (const id of Object.values(sessions)) {
    expect((await checkSessionInvariants(id)).problems, id).toEqual([]);
  }
});

describe("upcoming sessions", () => {
  it("lists published sessions yet to start, soonest first, with fill rate, waitlist and pending requests", async () => {
    const { sessions: rows, totals } = await getUpcomingSessions(admin, { locale: "en", now: NOW });
    expect(rows.map((r) => r.id)).toEqual(
      ["S1", "S3", "S12", "S6", "S2", "S4", "S10"].map((k) => sessions[k]),
    );
    const byKey = (k: string) => rows.find((r) => r.id === sessions[k])!;
    expect(byKey("S1")).toMatchObject({
      courseCode: courses.C1.code,
      courseTitle: "Course C1",
      capacity: 10,
      seatsHeld: 4,
      minEnrollment: 6,
      fillRate: 0.4,
      waitlisted: 0,
      pendingApproval: 1,
    });
    expect(byKey("S2")).toMatchObject({
      seatsHeld: 8,
      capacity: 8,
      fillRate: 1,
      waitlisted: 6,
      pendingApproval: 0,
    });
    expect(byKey("S4")).toMatchObject({ seatsHeld: 6, fillRate: 1, waitlisted: 8 });
    expect(byKey("S6")).toMatchObject({ seatsHeld: 1, fillRate: 0.1, waitlisted: 0 });
    expect(byKey("S1").startsAt).toEqual(at("2026-11-28T00:00:00Z"));
    expect(totals).toEqual({ sessions: 7, capacity: 60, seatsHeld: 30, waitlisted: 17 });
  });

  it("names courses in the viewer's language", async () => {
    const { sessions: rows } = await getUpcomingSessions(admin, { locale: "ko", now: NOW });
    expect(rows[0]!.courseTitle).toBe(courses.C1.titleKo);
  });
});

describe("waitlist demand", () => {
  it("sums the waitlists of a course's upcoming runs and suggests another run above the threshold", async () => {
    expect(WAITLIST_RUN_THRESHOLD).toBe(8);
    const demand = await getWaitlistDemand(admin, { locale: "en", now: NOW });
    expect(demand).toEqual([
      {
        courseId: courses.C1.id,
        courseCode: courses.C1.code,
        courseTitle: "Course C1",
        waitlisted: 9,
        upcomingRuns: 3,
        openSeats: 6,
        nextRunStartsAt: at("2026-11-28T00:00:00Z"),
        suggestAnotherRun: true,
      },
      {
        courseId: courses.C2.id,
        courseCode: courses.C2.code,
        courseTitle: "Course C2",
        waitlisted: 8,
        upcomingRuns: 2,
        openSeats: 7,
        nextRunStartsAt: at("2026-11-30T00:00:00Z"),
        suggestAnotherRun: false,
      },
    ]);
  });
});

describe("sessions below their minimum", () => {
  it("flags sessions starting within seven days that hold fewer seats than their minimum", async () => {
    const below = await getSessionsBelowMinimum(admin, { locale: "en", now: NOW });
    expect(below.map((s) => [s.id, s.seatsHeld, s.minEnrollment, s.shortBy])).toEqual([
      [sessions.S1, 4, 6, 2],
      [sessions.S12, 2, 3, 1],
    ]);
  });

  it("picks a session up once the seven-day mark passes", async () => {
    // Three days later S6 (10 days out today) starts within the week, and S1 has started.
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    const below = await getSessionsBelowMinimum(admin, { locale: "en", now: later });
    expect(below.map((s) => s.id)).toEqual([sessions.S12, sessions.S6]);
  });
});

describe("enrollment statistics", () => {
  it("counts the last 12 months' confirmed enrollments by organization type, every type listed", async () => {
    expect(await getEnrollmentsByOrganizationType(admin, { now: NOW })).toEqual([
      { type: "COMPANY", enrollments: 18 },
      { type: "UNIVERSITY", enrollments: 9 },
      { type: "STARTUP", enrollments: 4 },
      { type: "PUBLIC_BODY", enrollments: 0 },
      { type: "NONE", enrollments: 5 },
    ]);
  });

  it("gives 12 months of enrollments and list-price revenue, oldest first, by Seoul month", async () => {
    const monthly = await getMonthlyEnrollments(admin, { now: NOW });
    expect(monthly.map((m) => m.month)).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    const figures = Object.fromEntries(
      monthly.map((m) => [m.month, [m.enrollments, m.revenueKrw]]),
    );
    expect(figures).toEqual({
      "2025-12": [1, 300_000],
      "2026-01": [0, 0],
      "2026-02": [0, 0],
      "2026-03": [0, 0],
      "2026-04": [0, 0],
      "2026-05": [0, 0],
      "2026-06": [0, 0],
      "2026-07": [2, 1_000_000],
      "2026-08": [4, 4_000_000],
      "2026-09": [6, 3_000_000],
      "2026-10": [11, 11_000_000],
      "2026-11": [12, 7_400_000],
    });
  });

  it("puts an enrollment confirmed late on the last day of a month, Seoul time, in that month", async () => {
    const course = await createTestCourse();
    await db.course.update({ where: { id: course.id }, data: { listPriceKrw: 10 } });
    const s = await createTestSession({
      courseId: course.id,
      startsInDays: -20,
      status: "COMPLETED",
      registrationOpensAt: new Date(NOW.getTime() - 80 * 86_400_000),
      now: NOW,
    });
    // 31 October 2026 23:30 in Seoul is still 31 October 14:30 UTC, and 1 November 00:30 in
    // Seoul is 31 October 15:30 UTC: the first belongs to October, the second to November.
    await db.enrollment.createMany({
      data: [
        {
          sessionId: s.id,
          userId: people.none[0]!,
          status: "COMPLETED",
          confirmedAt: at("2026-10-31T14:30:00Z"),
        },
        {
          sessionId: s.id,
          userId: people.none[1]!,
          status: "COMPLETED",
          confirmedAt: at("2026-10-31T15:30:00Z"),
        },
      ],
    });
    try {
      const monthly = await getMonthlyEnrollments(admin, { now: NOW });
      const month = (m: string) => monthly.find((x) => x.month === m)!;
      expect([month("2026-10").enrollments, month("2026-10").revenueKrw]).toEqual([12, 11_000_010]);
      expect([month("2026-11").enrollments, month("2026-11").revenueKrw]).toEqual([13, 7_400_010]);
    } finally {
      await db.enrollment.deleteMany({ where: { sessionId: s.id } });
    }
  });
});

describe("the whole dashboard", () => {
  it("gathers every section with one clock, and counts unanswered training requests", async () => {
    await db.trainingRequest.createMany({
      data: [
        {
          kind: "CUSTOM_TRAINING",
          company: "A",
          contactName: "a",
          email: "a@example.com",
          topic: "t",
          message: "m",
        },
        {
          kind: "PILOT_PROCESS",
          company: "B",
          contactName: "b",
          email: "b@example.com",
          topic: "t",
          message: "m",
        },
        {
          kind: "PILOT_PROCESS",
          company: "C",
          contactName: "c",
          email: "c@example.com",
          topic: "t",
          message: "m",
          status: "CONTACTED",
        },
      ],
    });
    const dashboard = await getDashboard(admin, { locale: "en", now: NOW });
    expect(dashboard.upcoming.totals.sessions).toBe(7);
    expect(dashboard.waitlistDemand).toHaveLength(2);
    expect(dashboard.belowMinimum).toHaveLength(2);
    expect(dashboard.byOrganizationType.reduce((n, r) => n + r.enrollments, 0)).toBe(36);
    expect(dashboard.monthly.reduce((n, r) => n + r.enrollments, 0)).toBe(36);
    expect(dashboard.newTrainingRequests).toBe(2);
  });
});

describe("refusals", () => {
  it.each(["TRAINEE", "PARTNER", "INSTRUCTOR"] as const)(
    "refuses a %s every figure",
    async (role) => {
      const viewer = refused[role];
      const options = { locale: "en" as const, now: NOW };
      await expect(getDashboard(viewer, options)).rejects.toThrow(ForbiddenError);
      await expect(getUpcomingSessions(viewer, options)).rejects.toThrow(ForbiddenError);
      await expect(getWaitlistDemand(viewer, options)).rejects.toThrow(ForbiddenError);
      await expect(getSessionsBelowMinimum(viewer, options)).rejects.toThrow(ForbiddenError);
      await expect(getEnrollmentsByOrganizationType(viewer, options)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(getMonthlyEnrollments(viewer, options)).rejects.toThrow(ForbiddenError);
    },
  );

  it("refuses an anonymous visitor", async () => {
    await expect(getDashboard(null, { locale: "en", now: NOW })).rejects.toThrow("UNAUTHENTICATED");
  });
});
