import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getCourseDetail, listCompletedCourseIds } from "@/lib/courses/course.queries";
import { UnauthenticatedError } from "@/lib/errors";

/** A course page's data and the viewer's completed prerequisites, against a real database. */

const NOW = new Date("2026-11-20T03:00:00Z");
const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * 3_600_000);

let courseId = "";
let prerequisiteId = "";
let trainee: CurrentUser;
let other: CurrentUser;

async function user(email: string, name: string): Promise<CurrentUser> {
  const row = await db.user.create({
    data: { email, name, role: "TRAINEE", emailVerifiedAt: NOW },
    select: { id: true, email: true, name: true, role: true, organizationId: true },
  });
  return { ...row, locale: "ko" };
}

async function course(code: string, titleKo: string, titleEn: string, published = true) {
  return db.course.create({
    data: {
      code,
      slug: code.toLowerCase(),
      titleKo,
      titleEn,
      summaryKo: "요약",
      summaryEn: "Summary",
      descriptionKo: "설명",
      descriptionEn: "Description",
      outcomesKo: ["목표"],
      outcomesEn: ["Outcome"],
      category: "DOWNSTREAM",
      level: "INTERMEDIATE",
      durationDays: 2,
      durationHours: 14,
      deliveryLanguages: ["ko", "en"],
      listPriceKrw: 900_000,
      defaultCapacity: 10,
      published,
    },
    select: { id: true },
  });
}

async function session(
  course: string,
  meetings: [number, number][],
  options: { status?: "PUBLISHED" | "DRAFT" | "COMPLETED"; roomId?: string; seatsHeld?: number } = {},
) {
  const first = at(meetings[0]![0]);
  return db.session.create({
    data: {
      courseId: course,
      roomId: options.roomId,
      capacity: 10,
      seatsHeld: options.seatsHeld ?? 0,
      registrationOpensAt: new Date(first.getTime() - 60 * DAY),
      registrationClosesAt: new Date(first.getTime() - DAY),
      cancellationCutoffAt: new Date(first.getTime() - 7 * DAY),
      language: "en",
      priceKrw: 850_000,
      status: options.status ?? "PUBLISHED",
      // Meetings listed out of order on purpose: the page lists them by time.
      meetings: {
        create: [...meetings].reverse().map(([day, hour]) => ({ startsAt: at(day, hour), endsAt: at(day, hour + 8) })),
      },
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  trainee = await user("course-page@example.com", "김수강");
  other = await user("other@example.com", "이다른");
  const instructorA = await user("a-instructor@example.com", "가강사");
  const instructorB = await user("b-instructor@example.com", "나강사");
  const room = await db.room.create({
    data: { code: "LAB-T", nameKo: "정제 실습실", nameEn: "Downstream Lab", kind: "LAB", capacity: 12 },
    select: { id: true },
  });

  prerequisiteId = (await course("FT-T-101", "선수 과정", "Prerequisite")).id;
  courseId = (await course("FT-T-201", "정제 심화", "Advanced Purification")).id;
  await db.coursePrerequisite.create({ data: { courseId, prerequisiteId } });

  const upcoming = await session(courseId, [[10, 0], [11, 0]], { roomId: room.id, seatsHeld: 9 });
  await db.sessionInstructor.createMany({
    data: [
      { sessionId: upcoming.id, userId: instructorA.id },
      { sessionId: upcoming.id, userId: instructorB.id, lead: true },
    ],
  });
  await session(courseId, [[40, 0]]);
  await session(courseId, [[-5, 0]], { status: "COMPLETED" });
  await session(courseId, [[20, 0]], { status: "DRAFT" });

  // The trainee completed the prerequisite; the other trainee only enrolled in it.
  const past = await session(prerequisiteId, [[-60, 0]], { status: "COMPLETED" });
  await db.enrollment.create({ data: { sessionId: past.id, userId: trainee.id, status: "COMPLETED" } });
  const later = await session(prerequisiteId, [[60, 0]]);
  await db.enrollment.create({ data: { sessionId: later.id, userId: other.id, status: "CONFIRMED" } });
  await course("FT-T-999", "미공개", "Unpublished", false);
});

describe("getCourseDetail", () => {
  it("gives the course in one language with its upcoming published sessions and all their meetings", async () => {
    const detail = await getCourseDetail("ft-t-201", "en", NOW);
    expect(detail).toMatchObject({
      code: "FT-T-201",
      title: "Advanced Purification",
      outcomes: ["Outcome"],
      titles: { ko: "정제 심화", en: "Advanced Purification" },
      prerequisites: [{ id: prerequisiteId, code: "FT-T-101", title: "Prerequisite" }],
    });
    expect(detail!.sessions).toHaveLength(2);
    const [first, second] = detail!.sessions;
    expect(first!.meetings.map((m) => m.startsAt)).toEqual([at(10), at(11)]);
    expect(first).toMatchObject({
      startsAt: at(10),
      endsAt: at(11, 8),
      room: { code: "LAB-T", name: "Downstream Lab" },
      instructors: ["나강사", "가강사"],
      seatsLeft: 1,
      availability: "low",
      registration: "open",
      priceKrw: 850_000,
    });
    expect(second!.room).toBeNull();
    expect(second!.instructors).toEqual([]);
    expect((await getCourseDetail("ft-t-201", "ko", NOW))!.sessions[0]!.room!.name).toBe("정제 실습실");
  });

  it("is null for an unknown or unpublished course", async () => {
    expect(await getCourseDetail("no-such-course", "ko", NOW)).toBeNull();
    expect(await getCourseDetail("ft-t-999", "ko", NOW)).toBeNull();
  });
});

describe("listCompletedCourseIds", () => {
  it("tells the viewer which prerequisites they completed, and only theirs", async () => {
    expect([...(await listCompletedCourseIds(trainee, [prerequisiteId]))]).toEqual([prerequisiteId]);
    // Enrolled but not completed: not counted.
    expect([...(await listCompletedCourseIds(other, [prerequisiteId]))]).toEqual([]);
  });

  it("refuses without a signed-in user", async () => {
    await expect(listCompletedCourseIds(null as unknown as CurrentUser, [prerequisiteId])).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
