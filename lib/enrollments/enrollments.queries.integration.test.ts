import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { EnrollmentStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createTestUser } from "@/lib/users/users.test-helpers";
import { listOwnEnrollments, OWN_PAST_PAGE_SIZE } from "@/lib/enrollments/enrollments.queries";

/**
 * Test data is written with Prisma directly (not through the enrollment engine), with
 * seats_held kept equal to the confirmed + offered enrollments of each session, as the engine
 * keeps it.
 */
const NOW = new Date();
const DAY = 24 * 3600_000;
const HOUR = 3600_000;

let sequence = 0;

async function createCourse(titleEn: string, titleKo: string) {
  const n = ++sequence;
  return db.course.create({
    data: {
      code: `FT-T-${n}-${randomUUID().slice(0, 6)}`,
      slug: `course-${n}-${randomUUID().slice(0, 6)}`,
      titleKo,
      titleEn,
      summaryKo: "요약",
      summaryEn: "Summary",
      descriptionKo: "설명",
      descriptionEn: "Description",
      category: "UPSTREAM",
      level: "INTRODUCTORY",
      durationDays: 2,
      durationHours: 16,
      deliveryLanguages: ["ko", "en"],
      listPriceKrw: 900_000,
      defaultCapacity: 10,
      published: true,
    },
    select: { id: true, slug: true, code: true },
  });
}

let roomId: string;

/**
 * A published session whose meetings (8-hour blocks, one a day) start `startInDays` from now.
 * Only sessions that ask for it get the room, so that the room's no-overlap constraint never
 * trips over sessions that happen to share a day.
 */
async function createSession(
  courseId: string,
  {
    startInDays,
    days = 2,
    capacity = 10,
    inRoom = false,
  }: { startInDays: number; days?: number; capacity?: number; inRoom?: boolean },
) {
  const first = new Date(NOW.getTime() + startInDays * DAY);
  const meetings = Array.from({ length: days }, (_, i) => ({
    startsAt: new Date(first.getTime() + i * DAY),
    endsAt: new Date(first.getTime() + i * DAY + 8 * HOUR),
  }));
  return db.session.create({
    data: {
      courseId,
      roomId: inRoom ? roomId : null,
      capacity,
      registrationOpensAt: new Date(first.getTime() - 60 * DAY),
      registrationClosesAt: new Date(first.getTime() - DAY),
      cancellationCutoffAt: new Date(first.getTime() - 3 * DAY),
      language: "ko",
      priceKrw: 850_000,
      status: "PUBLISHED",
      startsAt: meetings[0]!.startsAt,
      endsAt: meetings[meetings.length - 1]!.endsAt,
      meetings: { create: meetings },
    },
    select: { id: true },
  });
}

async function enroll(
  user: CurrentUser,
  sessionId: string,
  status: EnrollmentStatus,
  extra: { waitlistRank?: number; offerExpiresAt?: Date; requestNote?: string } = {},
) {
  const enrollment = await db.enrollment.create({
    data: {
      userId: user.id,
      sessionId,
      status,
      waitlistRank: extra.waitlistRank === undefined ? null : BigInt(extra.waitlistRank),
      offerExpiresAt: extra.offerExpiresAt ?? null,
      requestNote: extra.requestNote ?? null,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
    },
    select: { id: true },
  });
  if (status === "CONFIRMED" || status === "OFFERED") {
    await db.session.update({ where: { id: sessionId }, data: { seatsHeld: { increment: 1 } } });
  }
  return enrollment;
}

const sectionIds = (list: { id: string }[]) => list.map((e) => e.id);

beforeAll(async () => {
  const room = await db.room.create({
    data: {
      code: `LAB-${randomUUID().slice(0, 6)}`,
      nameKo: "제1실험실",
      nameEn: "Lab 1",
      kind: "LAB",
      capacity: 20,
    },
    select: { id: true },
  });
  roomId = room.id;
});

describe("listOwnEnrollments", () => {
  it("puts each enrollment in its section with the session's meetings, room and course in the viewer's language", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("Upstream basics", "업스트림 기초");

    const offerSession = await createSession(course.id, { startInDays: 20 });
    const upcomingSession = await createSession(course.id, {
      startInDays: 10,
      days: 3,
      inRoom: true,
    });
    const waitSession = await createSession(course.id, { startInDays: 30 });
    const pendingSession = await createSession(course.id, { startInDays: 40 });
    const endedSession = await createSession(course.id, { startInDays: -10 });
    const completedSession = await createSession(course.id, { startInDays: -60 });
    const cancelledSession = await createSession(course.id, { startInDays: 50 });
    const rejectedSession = await createSession(course.id, { startInDays: 45 });

    const deadline = new Date(NOW.getTime() + 36 * HOUR);
    const offer = await enroll(trainee, offerSession.id, "OFFERED", { offerExpiresAt: deadline });
    const upcoming = await enroll(trainee, upcomingSession.id, "CONFIRMED");
    const waiting = await enroll(trainee, waitSession.id, "WAITLISTED", { waitlistRank: 1 });
    const pending = await enroll(trainee, pendingSession.id, "PENDING_APPROVAL", {
      requestNote: "I completed the prerequisite at my previous employer.",
    });
    const ended = await enroll(trainee, endedSession.id, "CONFIRMED");
    const completed = await enroll(trainee, completedSession.id, "COMPLETED");
    await db.certificate.create({
      data: { enrollmentId: completed.id, code: "FT-CERT-0001", hours: 16 },
    });
    const cancelled = await enroll(trainee, cancelledSession.id, "CANCELLED");
    const rejected = await enroll(trainee, rejectedSession.id, "REJECTED");

    const en = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: NOW });
    expect(sectionIds(en.offers)).toEqual([offer.id]);
    expect(sectionIds(en.upcoming)).toEqual([upcoming.id]);
    expect(sectionIds(en.waitlisted)).toEqual([waiting.id]);
    expect(sectionIds(en.pending)).toEqual([pending.id]);
    // Newest session first: the cancelled one is in 50 days, the ended one 10 days ago.
    expect(sectionIds(en.past.items)).toEqual([cancelled.id, rejected.id, ended.id, completed.id]);
    expect(en.past.total).toBe(4);

    const [confirmed] = en.upcoming;
    expect(confirmed!.course).toEqual({
      slug: course.slug,
      code: course.code,
      title: "Upstream basics",
    });
    expect(confirmed!.session.room).toBe("Lab 1");
    expect(confirmed!.session.priceKrw).toBe(850_000);
    expect(confirmed!.session.meetings).toHaveLength(3);
    const starts = confirmed!.session.meetings.map((m) => m.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(en.offers[0]!.offerExpiresAt?.getTime()).toBe(deadline.getTime());
    expect(en.pending[0]!.requestNote).toBe(
      "I completed the prerequisite at my previous employer.",
    );
    expect(en.past.items.find((e) => e.id === completed.id)!.certificateCode).toBe("FT-CERT-0001");
    expect(en.past.items.find((e) => e.id === ended.id)!.status).toBe("CONFIRMED");

    const ko = await listOwnEnrollments(trainee, { locale: "ko", pastPage: 1, now: NOW });
    expect(ko.upcoming[0]!.course.title).toBe("업스트림 기초");
    expect(ko.upcoming[0]!.session.room).toBe("제1실험실");
  });

  it("does not show a revoked certificate's code", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("Chromatography", "크로마토그래피");
    const session = await createSession(course.id, { startInDays: -30 });
    const done = await enroll(trainee, session.id, "COMPLETED");
    await db.certificate.create({
      data: {
        enrollmentId: done.id,
        code: "FT-CERT-REVOKED",
        hours: 16,
        revokedAt: new Date(),
        revokeReason: "issued in error",
      },
    });
    const result = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: NOW });
    expect(result.past.items[0]!.certificateCode).toBeNull();
  });

  it("gives each waitlisted enrollment its 1-based place among the session's waitlisted enrollments", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("Bioreactors", "바이오리액터");
    const full = await createSession(course.id, { startInDays: 15, capacity: 1 });
    const other = await createSession(course.id, { startInDays: 25, capacity: 1 });

    const holder = await createTestUser();
    await enroll(holder, full.id, "CONFIRMED");
    // Ahead of the trainee: two waiting, one who left (not counted), one promoted to an offer elsewhere.
    await enroll(await createTestUser(), full.id, "WAITLISTED", { waitlistRank: 10 });
    await enroll(await createTestUser(), full.id, "CANCELLED", { waitlistRank: 15 });
    await enroll(await createTestUser(), full.id, "WAITLISTED", { waitlistRank: 20 });
    const mine = await enroll(trainee, full.id, "WAITLISTED", { waitlistRank: 30 });
    await enroll(await createTestUser(), full.id, "WAITLISTED", { waitlistRank: 40 });

    // In the other session the trainee is at the head, whatever the ranks elsewhere.
    await enroll(await createTestUser(), other.id, "CONFIRMED");
    const head = await enroll(trainee, other.id, "WAITLISTED", { waitlistRank: 99 });
    await enroll(await createTestUser(), other.id, "WAITLISTED", { waitlistRank: 100 });

    const result = await listOwnEnrollments(trainee, { locale: "ko", pastPage: 1, now: NOW });
    const position = (id: string) => result.waitlisted.find((e) => e.id === id)?.waitlistPosition;
    expect(position(mine.id)).toBe(3);
    expect(position(head.id)).toBe(1);
    // Soonest session first.
    expect(sectionIds(result.waitlisted)).toEqual([mine.id, head.id]);
  });

  it("never shows another user's enrollments, even in the same sessions", async () => {
    const trainee = await createTestUser();
    const stranger = await createTestUser();
    const course = await createCourse("Cell therapy", "세포치료");
    const shared = await createSession(course.id, { startInDays: 12 });
    const strangersOnly = await createSession(course.id, { startInDays: -12 });
    const strangersWait = await createSession(course.id, { startInDays: 22 });

    const mine = await enroll(trainee, shared.id, "CONFIRMED");
    await enroll(stranger, shared.id, "CONFIRMED");
    await enroll(stranger, strangersOnly.id, "COMPLETED");
    await enroll(stranger, strangersWait.id, "OFFERED", {
      offerExpiresAt: new Date(NOW.getTime() + DAY),
    });

    const result = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: NOW });
    expect(sectionIds(result.upcoming)).toEqual([mine.id]);
    expect(result.offers).toEqual([]);
    expect(result.waitlisted).toEqual([]);
    expect(result.pending).toEqual([]);
    expect(result.past).toEqual({ items: [], total: 0, page: 1, pageCount: 1 });

    const theirs = await listOwnEnrollments(stranger, { locale: "en", pastPage: 1, now: NOW });
    expect(theirs.upcoming.map((e) => e.id)).not.toContain(mine.id);
    expect(theirs.offers).toHaveLength(1);
    expect(theirs.past.total).toBe(1);
  });

  it("pages through the history newest first and clamps a page past the end", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("GMP essentials", "GMP 핵심");
    const total = OWN_PAST_PAGE_SIZE * 2 + 3;
    const statuses: EnrollmentStatus[] = [
      "COMPLETED",
      "NO_SHOW",
      "CANCELLED",
      "DECLINED",
      "EXPIRED",
    ];
    const created: { id: string; startInDays: number }[] = [];
    for (let i = 0; i < total; i++) {
      const startInDays = -5 - i * 7;
      const session = await createSession(course.id, { startInDays, days: 1 });
      const e = await enroll(trainee, session.id, statuses[i % statuses.length]!);
      created.push({ id: e.id, startInDays });
    }
    const newestFirst = created.map((c) => c.id); // created from the most recent backwards

    const page1 = await listOwnEnrollments(trainee, { locale: "ko", pastPage: 1, now: NOW });
    expect(page1.past.total).toBe(total);
    expect(page1.past.pageCount).toBe(3);
    expect(page1.past.page).toBe(1);
    expect(sectionIds(page1.past.items)).toEqual(newestFirst.slice(0, OWN_PAST_PAGE_SIZE));

    const page2 = await listOwnEnrollments(trainee, { locale: "ko", pastPage: 2, now: NOW });
    expect(sectionIds(page2.past.items)).toEqual(
      newestFirst.slice(OWN_PAST_PAGE_SIZE, OWN_PAST_PAGE_SIZE * 2),
    );

    const beyond = await listOwnEnrollments(trainee, { locale: "ko", pastPage: 99, now: NOW });
    expect(beyond.past.page).toBe(3);
    expect(sectionIds(beyond.past.items)).toEqual(newestFirst.slice(OWN_PAST_PAGE_SIZE * 2));

    // The active sections are not paged: they are all there on every page.
    expect(page2.upcoming).toEqual([]);
  });

  it("lets the trainee cancel a seat only before the cut-off, and leave a waitlist or withdraw a request at any time", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("Single-use systems", "싱글유즈 시스템");
    // Cut-off is three days before the first meeting: passed for the session in two days.
    const soon = await createSession(course.id, { startInDays: 2 });
    const later = await createSession(course.id, { startInDays: 20 });
    const soonWait = await createSession(course.id, { startInDays: 2, capacity: 1 });
    const soonRequest = await createSession(course.id, { startInDays: 2 });
    const lateSeat = await enroll(trainee, soon.id, "CONFIRMED");
    const openSeat = await enroll(trainee, later.id, "CONFIRMED");
    await enroll(await createTestUser(), soonWait.id, "CONFIRMED");
    const waiting = await enroll(trainee, soonWait.id, "WAITLISTED", { waitlistRank: 1 });
    const request = await enroll(trainee, soonRequest.id, "PENDING_APPROVAL");

    const result = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: NOW });
    const cancellable = (id: string) =>
      [...result.upcoming, ...result.waitlisted, ...result.pending].find((e) => e.id === id)
        ?.selfCancellable;
    expect(cancellable(lateSeat.id)).toBe(false);
    expect(cancellable(openSeat.id)).toBe(true);
    expect(cancellable(waiting.id)).toBe(true);
    expect(cancellable(request.id)).toBe(true);
  });

  it("moves a confirmed seat, and a waitlist place the session overtook, to the history once the session has ended", async () => {
    const trainee = await createTestUser();
    const course = await createCourse("Filtration", "여과");
    const session = await createSession(course.id, { startInDays: 1, days: 1 });
    const seat = await enroll(trainee, session.id, "CONFIRMED");
    const full = await createSession(course.id, { startInDays: 1, days: 1, capacity: 1 });
    await enroll(await createTestUser(), full.id, "CONFIRMED");
    const waiting = await enroll(trainee, full.id, "WAITLISTED", { waitlistRank: 1 });

    const before = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: NOW });
    expect(sectionIds(before.upcoming)).toEqual([seat.id]);
    expect(sectionIds(before.waitlisted)).toEqual([waiting.id]);

    const afterEnd = new Date(NOW.getTime() + 3 * DAY);
    const after = await listOwnEnrollments(trainee, { locale: "en", pastPage: 1, now: afterEnd });
    expect(after.upcoming).toEqual([]);
    expect(after.waitlisted).toEqual([]);
    expect(sectionIds(after.past.items).sort()).toEqual([seat.id, waiting.id].sort());
    expect(after.past.total).toBe(2);
  });
});
