import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { seed, type SeedResult } from "@/prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";

// A fixed moment keeps the data (and so any failure) reproducible; prisma/seed/plan.test.ts
// checks the schedule on many other days without a database.
const NOW = new Date("2026-03-04T02:30:00Z");
const SIX_MONTHS_LATER = new Date("2026-09-04T02:30:00Z");

/** Row count of every table the seed writes. */
async function tableCounts(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ table_name: string; n: number }[]>`
    SELECT 'users' AS table_name, count(*)::int AS n FROM users
    UNION ALL SELECT 'organizations', count(*)::int FROM organizations
    UNION ALL SELECT 'courses', count(*)::int FROM courses
    UNION ALL SELECT 'sessions', count(*)::int FROM sessions
    UNION ALL SELECT 'session_meetings', count(*)::int FROM session_meetings
    UNION ALL SELECT 'instructor_bookings', count(*)::int FROM instructor_bookings
    UNION ALL SELECT 'equipment_bookings', count(*)::int FROM equipment_bookings
    UNION ALL SELECT 'enrollments', count(*)::int FROM enrollments
    UNION ALL SELECT 'enrollment_events', count(*)::int FROM enrollment_events
    UNION ALL SELECT 'certificates', count(*)::int FROM certificates
    UNION ALL SELECT 'seat_blocks', count(*)::int FROM seat_blocks
    UNION ALL SELECT 'cohort_members', count(*)::int FROM cohort_members
    UNION ALL SELECT 'training_requests', count(*)::int FROM training_requests
    UNION ALL SELECT 'audit_logs', count(*)::int FROM audit_logs`;
  return Object.fromEntries(rows.map((r) => [r.table_name, r.n]));
}

describe("prisma/seed", () => {
  const lines: string[] = [];
  let first: SeedResult;
  let refused: SeedResult;
  let coursesWhenRefused: number;

  beforeAll(async () => {
    // A seed that fails part-way must leave nothing behind: a course with a code the seed uses
    // makes its third INSERT fail after organizations and users were written.
    await db.course.create({
      data: {
        code: "FT-GMP-203",
        slug: "placeholder",
        titleKo: "자리표시",
        titleEn: "Placeholder",
        summaryKo: "-",
        summaryEn: "-",
        descriptionKo: "-",
        descriptionEn: "-",
        outcomesKo: [],
        outcomesEn: [],
        deliveryLanguages: ["ko"],
        category: "GMP_QUALITY",
        level: "INTRODUCTORY",
        durationDays: 1,
        durationHours: 1,
        listPriceKrw: 0,
        defaultCapacity: 1,
      },
    });
    await expect(seed(db, { now: NOW, log: () => {} })).rejects.toThrow();
    expect(await db.user.count()).toBe(0);
    expect(await db.organization.count()).toBe(0);
    await db.course.deleteMany({});

    // Demo accounts have a published password: never added to a database with real users.
    const someone = await db.user.create({
      data: { email: "someone@example.com", name: "Someone" },
    });
    refused = await seed(db, { now: NOW, log: () => {} });
    coursesWhenRefused = await db.course.count();
    await db.user.delete({ where: { id: someone.id } });

    first = await seed(db, { now: NOW, log: (line) => lines.push(line) });
  }, 120_000);

  it("refuses a database that already has users, writing nothing", () => {
    expect(refused).toEqual({ seeded: false, reason: "not-empty" });
    expect(coursesWhenRefused).toBe(0);
  });

  it("seeds an empty database and reports what it wrote", () => {
    expect(first.seeded).toBe(true);
    expect(lines.join("\n")).toMatch(/Seeded demo data .*\d+ courses/);
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const again = await seed(db, {
      now: new Date(NOW.getTime() + 86_400_000),
      log: (line) => lines.push(line),
    });
    expect(again).toEqual({ seeded: false, reason: "already-seeded" });
    expect(lines.at(-1)).toMatch(/already present/);
    expect(await tableCounts()).toEqual(before);
  });

  it("builds a catalog of at least 24 courses in all seven categories, with prerequisites and a draft", async () => {
    const courses = await db.course.findMany({
      select: {
        category: true,
        published: true,
        outcomesKo: true,
        outcomesEn: true,
        listPriceKrw: true,
      },
    });
    expect(courses.length).toBeGreaterThanOrEqual(24);
    expect(new Set(courses.map((c) => c.category))).toEqual(
      new Set([
        "UPSTREAM",
        "DOWNSTREAM",
        "SINGLE_USE",
        "ANALYTICS",
        "PROCESS_DEVELOPMENT",
        "CELL_THERAPY",
        "GMP_QUALITY",
      ]),
    );
    expect(courses.filter((c) => !c.published)).toHaveLength(1);
    for (const course of courses) {
      expect(course.outcomesKo.length).toBeGreaterThanOrEqual(3);
      expect(course.outcomesEn).toHaveLength(course.outcomesKo.length);
      expect(course.listPriceKrw).toBeGreaterThanOrEqual(350_000);
    }
    const advanced = await db.course.findUniqueOrThrow({
      where: { code: "FT-DSP-301" },
      select: { prerequisites: { select: { prerequisite: { select: { code: true } } } } },
    });
    expect(advanced.prerequisites.map((p) => p.prerequisite.code)).toContain("FT-DSP-201");
  });

  it("schedules at least 60 runs in the next six months, in rooms with instructors and equipment", async () => {
    const upcoming = await db.session.count({
      where: { status: "PUBLISHED", startsAt: { gt: NOW, lt: SIX_MONTHS_LATER } },
    });
    expect(upcoming).toBeGreaterThanOrEqual(60);
    expect(await db.room.count()).toBeGreaterThanOrEqual(4);
    expect(await db.user.count({ where: { role: "INSTRUCTOR" } })).toBeGreaterThanOrEqual(6);
    expect(
      await db.session.count({ where: { OR: [{ roomId: null }, { instructors: { none: {} } }] } }),
    ).toBe(0);
    // Every lab run books equipment, one booking per meeting and unit.
    expect(
      await db.session.count({ where: { room: { kind: "LAB" }, equipment: { none: {} } } }),
    ).toBe(0);
    const [unbooked] = await db.$queryRaw<{ missing: number }[]>`
      SELECT count(*)::int AS missing
      FROM session_equipment se
      JOIN session_meetings m ON m.session_id = se.session_id
      LEFT JOIN equipment_bookings b ON b.meeting_id = m.id AND b.equipment_id = se.equipment_id
      WHERE b.id IS NULL`;
    expect(unbooked?.missing).toBe(0);
  });

  it("has the four partner universities with agreement dates and one coordinator each", async () => {
    const partners = await db.organization.findMany({
      where: { isPartner: true },
      select: {
        name: true,
        nameEn: true,
        agreementStartsOn: true,
        agreementEndsOn: true,
        users: { select: { role: true } },
      },
    });
    expect(partners.map((p) => p.nameEn).sort()).toEqual([
      "Incheon Jaeneung University",
      "Inha University",
      "Korea Polytechnic Bio Campus",
      "Seoul National University",
    ]);
    for (const partner of partners) {
      expect(partner.agreementStartsOn).not.toBeNull();
      expect(partner.agreementEndsOn!.getTime()).toBeGreaterThan(
        partner.agreementStartsOn!.getTime(),
      );
      expect(partner.users.filter((u) => u.role === "PARTNER")).toHaveLength(1);
    }
  });

  it("keeps seats_held equal to confirmed + offered + unclaimed seat-block seats, within capacity", async () => {
    const mismatched = await db.$queryRaw<{ id: string }[]>`
      SELECT s.id
      FROM sessions s
      WHERE s.seats_held > s.capacity
         OR s.seats_held <> (
              SELECT count(*) FROM enrollments e
              WHERE e.session_id = s.id AND e.status IN ('CONFIRMED', 'OFFERED'))
            + (SELECT coalesce(sum(b.approved_seats - b.claimed_seats), 0) FROM seat_blocks b
              WHERE b.session_id = s.id AND b.status = 'APPROVED')`;
    expect(mismatched).toEqual([]);
    const full = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM sessions s
      WHERE s.seats_held = s.capacity
        AND EXISTS (SELECT 1 FROM enrollments e WHERE e.session_id = s.id AND e.status = 'WAITLISTED')`;
    expect(full[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("keeps each session's waitlist counters as the engine does (length = waitlisted, last rank ≥ every rank)", async () => {
    const mismatched = await db.$queryRaw<{ id: string }[]>`
      SELECT s.id
      FROM sessions s
      WHERE s.waitlist_length <> (
              SELECT count(*) FROM enrollments e WHERE e.session_id = s.id AND e.status = 'WAITLISTED')
         OR s.waitlist_seq < (
              SELECT coalesce(max(e.waitlist_rank), 0) FROM enrollments e WHERE e.session_id = s.id)`;
    expect(mismatched).toEqual([]);
  });

  it("stores only argon2id hashes, and every demo account signs in with the demo password", async () => {
    const users = await db.user.findMany({ select: { passwordHash: true, emailVerifiedAt: true } });
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(user.emailVerifiedAt).not.toBeNull();
    }
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { role: true, passwordHash: true, organization: { select: { nameEn: true } } },
      });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash!, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash!, "wrong password")).toBe(false);
      if (account.role === "PARTNER") expect(user.organization?.nameEn).toBe("Inha University");
    }
  });

  it("gives the demo trainee an upcoming, a waitlisted and a certified completed enrollment", async () => {
    const trainee = DEMO_ACCOUNTS.find((a) => a.role === "TRAINEE")!;
    const enrollments = await db.enrollment.findMany({
      where: { user: { email: trainee.email } },
      select: {
        status: true,
        waitlistRank: true,
        session: { select: { startsAt: true } },
        certificate: { select: { code: true } },
        events: { select: { fromStatus: true } },
      },
    });
    const byStatus = (status: string) => enrollments.filter((e) => e.status === status);
    expect(byStatus("CONFIRMED").some((e) => e.session.startsAt! > NOW)).toBe(true);
    expect(byStatus("WAITLISTED")[0]?.waitlistRank).toBeGreaterThan(0n);
    expect(byStatus("COMPLETED")[0]?.certificate?.code).toMatch(/^FT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    for (const enrollment of enrollments)
      expect(enrollment.events.some((e) => e.fromStatus === null)).toBe(true);
  });

  it("gives the Inha cohort members with and without accounts and a partly claimed seat block", async () => {
    const cohort = await db.cohort.findFirstOrThrow({
      where: { organization: { nameEn: "Inha University" } },
      select: {
        members: { select: { userId: true } },
        seatBlocks: {
          where: { status: "APPROVED" },
          select: {
            approvedSeats: true,
            claimedSeats: true,
            _count: { select: { enrollments: true } },
          },
        },
      },
    });
    expect(cohort.members.length).toBeGreaterThanOrEqual(10);
    expect(cohort.members.some((m) => m.userId)).toBe(true);
    expect(cohort.members.some((m) => !m.userId)).toBe(true);
    const [block] = cohort.seatBlocks;
    expect(block!.claimedSeats).toBeGreaterThan(0);
    expect(block!.claimedSeats).toBeLessThan(block!.approvedSeats);
    expect(block!._count.enrollments).toBe(block!.claimedSeats);
  });

  it("has training requests at several stages and an audit trail", async () => {
    const statuses = await db.trainingRequest.findMany({
      select: { status: true, _count: { select: { events: true } } },
    });
    expect(new Set(statuses.map((s) => s.status)).size).toBeGreaterThanOrEqual(4);
    for (const request of statuses) expect(request._count.events).toBeGreaterThanOrEqual(1);
    expect(await db.auditLog.count()).toBeGreaterThanOrEqual(5);
  });
});
