/**
 * The invariants of design.md that the database itself holds (prisma/migrations, part 2):
 * each is tried through the app's own Prisma client, and each refusal is checked by the name
 * of the constraint that refused it, so a test cannot pass on an unrelated error.
 */
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { connectionString } from "@/lib/db/url";
import { describeRealPostgres, testDatabaseUrl } from "@/lib/test/database";

const at = (hhmm: string, day = "2026-05-11") => new Date(`${day}T${hhmm}:00+09:00`);

/** The constraint named by a refused write, from a node-postgres or a Prisma error. */
async function refusedBy(write: Promise<unknown>): Promise<string> {
  const error = await write.then(
    () => {
      throw new Error("expected the database to refuse this write, but it was accepted");
    },
    (e: unknown) => e,
  );
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error);
  const pgConstraint = (error as { constraint?: string }).constraint;
  if (pgConstraint) return pgConstraint;
  // Prisma: "Unique constraint failed on the constraint: `users_email_key`", or the driver's
  // own message ('… violates exclusion constraint "…"') for the kinds it does not map.
  const named = /(?:constraint|index):? [`"\\]*([a-z0-9_]+_(?:no_overlap|check|key|pkey|fkey))/.exec(text)?.[1];
  if (named) return named;
  throw error;
}

let seq = 0;
const uid = (prefix: string) => `${prefix}-${++seq}`;

let courseId: string;
let roomA: string;
let roomB: string;
let instructorId: string;
let equipmentId: string;

async function createSession(options: {
  roomId?: string | null;
  meetings: [Date, Date][];
  status?: "DRAFT" | "PUBLISHED" | "CANCELLED";
  capacity?: number;
}) {
  return db.session.create({
    data: {
      courseId,
      roomId: options.roomId ?? null,
      capacity: options.capacity ?? 12,
      registrationOpensAt: at("09:00", "2026-04-01"),
      registrationClosesAt: at("09:00", "2026-05-01"),
      cancellationCutoffAt: at("09:00", "2026-05-04"),
      language: "ko",
      priceKrw: 450_000,
      status: options.status ?? "PUBLISHED",
      meetings: { create: options.meetings.map(([startsAt, endsAt]) => ({ startsAt, endsAt })) },
    },
    include: { meetings: { orderBy: { startsAt: "asc" } } },
  });
}

/** Bookings are created the way a service would: with placeholder times the trigger replaces. */
const placeholder = { startsAt: new Date(0), endsAt: new Date(1000) };

beforeAll(async () => {
  const course = await db.course.create({
    data: {
      code: "FT-DSP-201",
      slug: "chromatography-basics",
      titleKo: "크로마토그래피 기초",
      titleEn: "Chromatography basics",
      summaryKo: "ÄKTA 시스템으로 단백질 정제",
      summaryEn: "Protein purification on ÄKTA systems",
      descriptionKo: "…",
      descriptionEn: "…",
      outcomesKo: [],
      outcomesEn: [],
      category: "DOWNSTREAM",
      level: "INTRODUCTORY",
      durationDays: 2,
      durationHours: 16,
      deliveryLanguages: ["ko", "en"],
      listPriceKrw: 450_000,
      defaultCapacity: 12,
    },
  });
  courseId = course.id;
  const room = (code: string) =>
    db.room.create({ data: { code, nameKo: code, nameEn: code, kind: "LAB", capacity: 12 } }).then((r) => r.id);
  roomA = await room("LAB-A");
  roomB = await room("LAB-B");
  instructorId = (await db.user.create({ data: { email: "kim@fasttrak.example", name: "Kim", role: "INSTRUCTOR" } })).id;
  equipmentId = (
    await db.equipment.create({ data: { code: "AKTA-1", nameKo: "ÄKTA pure", nameEn: "ÄKTA pure", kind: "chromatography" } })
  ).id;
});

describe("rooms are never double-booked", () => {
  it("refuses an overlapping meeting in the same room, allows back-to-back and other rooms", async () => {
    await createSession({ roomId: roomA, meetings: [[at("09:00"), at("12:00")]] });
    expect(await refusedBy(createSession({ roomId: roomA, meetings: [[at("11:00"), at("13:00")]] }))).toBe(
      "session_meetings_room_no_overlap",
    );
    // Half-open ranges: one meeting may start when the other ends.
    await createSession({ roomId: roomA, meetings: [[at("12:00"), at("13:00")]] });
    await createSession({ roomId: roomA, meetings: [[at("08:00"), at("09:00")]] });
    await createSession({ roomId: roomB, meetings: [[at("09:00"), at("12:00")]] });
    // Sessions without a room yet do not conflict with anything.
    await createSession({ roomId: null, meetings: [[at("09:00"), at("12:00")]] });
    await createSession({ roomId: null, meetings: [[at("09:00"), at("12:00")]] });
  });

  it("frees the room when a session is cancelled, and refuses to revive it into a conflict", async () => {
    const day = "2026-05-12";
    const first = await createSession({ roomId: roomA, meetings: [[at("09:00", day), at("17:00", day)]] });
    await db.session.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    const meeting = await db.sessionMeeting.findUniqueOrThrow({ where: { id: first.meetings[0]!.id } });
    expect(meeting).toMatchObject({ roomId: roomA, active: false });

    await createSession({ roomId: roomA, meetings: [[at("10:00", day), at("12:00", day)]] });
    expect(await refusedBy(db.session.update({ where: { id: first.id }, data: { status: "PUBLISHED" } }))).toBe(
      "session_meetings_room_no_overlap",
    );
  });

  it("follows the session's room: moving a session into a busy room is refused", async () => {
    const day = "2026-05-13";
    await createSession({ roomId: roomA, meetings: [[at("09:00", day), at("12:00", day)]] });
    const other = await createSession({ roomId: roomB, meetings: [[at("10:00", day), at("11:00", day)]] });
    expect(await refusedBy(db.session.update({ where: { id: other.id }, data: { roomId: roomA } }))).toBe(
      "session_meetings_room_no_overlap",
    );
    const roomless = await createSession({ roomId: null, meetings: [[at("13:00", day), at("14:00", day)]] });
    await db.session.update({ where: { id: roomless.id }, data: { roomId: roomB } });
    const meeting = await db.sessionMeeting.findFirstOrThrow({ where: { sessionId: roomless.id } });
    expect(meeting.roomId).toBe(roomB);
  });

  it("ignores a room or active flag written on a meeting directly: they always come from the session", async () => {
    const day = "2026-05-14";
    const session = await createSession({ roomId: roomA, meetings: [] });
    const meeting = await db.sessionMeeting.create({
      data: { sessionId: session.id, startsAt: at("09:00", day), endsAt: at("10:00", day), roomId: roomB, active: false },
    });
    expect(meeting).toMatchObject({ roomId: roomA, active: true });
  });
});

describe("instructors and equipment are never double-booked", () => {
  it("fills a booking's times from its meeting and refuses an overlapping booking of the same instructor", async () => {
    const day = "2026-05-18";
    const first = await createSession({ roomId: roomA, meetings: [[at("09:00", day), at("12:00", day)]] });
    const second = await createSession({ roomId: roomB, meetings: [[at("11:00", day), at("13:00", day)]] });
    const third = await createSession({ roomId: roomB, meetings: [[at("13:00", day), at("15:00", day)]] });

    const booking = await db.instructorBooking.create({
      data: { meetingId: first.meetings[0]!.id, instructorId, ...placeholder },
    });
    expect(booking).toMatchObject({ startsAt: at("09:00", day), endsAt: at("12:00", day), active: true });

    expect(
      await refusedBy(db.instructorBooking.create({ data: { meetingId: second.meetings[0]!.id, instructorId, ...placeholder } })),
    ).toBe("instructor_bookings_no_overlap");
    // Back-to-back teaching is fine.
    await db.instructorBooking.create({ data: { meetingId: third.meetings[0]!.id, instructorId, ...placeholder } });

    // Once the first session is cancelled the instructor is free for the second.
    await db.session.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    expect(await db.instructorBooking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ active: false });
    await db.instructorBooking.create({ data: { meetingId: second.meetings[0]!.id, instructorId, ...placeholder } });
  });

  it("refuses overlapping equipment bookings and allows them across a cancellation", async () => {
    const day = "2026-05-19";
    const first = await createSession({ roomId: roomA, meetings: [[at("09:00", day), at("17:00", day)]] });
    const second = await createSession({ roomId: roomB, meetings: [[at("16:00", day), at("18:00", day)]] });
    await db.equipmentBooking.create({ data: { meetingId: first.meetings[0]!.id, equipmentId, ...placeholder } });
    expect(
      await refusedBy(db.equipmentBooking.create({ data: { meetingId: second.meetings[0]!.id, equipmentId, ...placeholder } })),
    ).toBe("equipment_bookings_no_overlap");
    await db.session.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    await db.equipmentBooking.create({ data: { meetingId: second.meetings[0]!.id, equipmentId, ...placeholder } });
  });

  it("moves bookings with their meeting, and refuses a move that makes them overlap", async () => {
    const day = "2026-05-20";
    const first = await createSession({ roomId: roomA, meetings: [[at("09:00", day), at("10:00", day)]] });
    const second = await createSession({ roomId: roomB, meetings: [[at("10:00", day), at("11:00", day)]] });
    const meetingId = first.meetings[0]!.id;
    const booking = await db.instructorBooking.create({ data: { meetingId, instructorId, ...placeholder } });
    const kit = await db.equipmentBooking.create({ data: { meetingId, equipmentId, ...placeholder } });
    await db.instructorBooking.create({ data: { meetingId: second.meetings[0]!.id, instructorId, ...placeholder } });

    await db.sessionMeeting.update({ where: { id: meetingId }, data: { startsAt: at("08:00", day), endsAt: at("09:30", day) } });
    expect(await db.instructorBooking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      startsAt: at("08:00", day),
      endsAt: at("09:30", day),
    });
    expect(await db.equipmentBooking.findUniqueOrThrow({ where: { id: kit.id } })).toMatchObject({
      startsAt: at("08:00", day),
      endsAt: at("09:30", day),
    });

    expect(
      await refusedBy(db.sessionMeeting.update({ where: { id: meetingId }, data: { endsAt: at("10:30", day) } })),
    ).toBe("instructor_bookings_no_overlap");
  });
});

describe("a session's first start and last end follow its meetings", () => {
  it("keeps sessions.starts_at / ends_at as min and max of the meetings", async () => {
    const session = await createSession({
      roomId: null,
      meetings: [
        [at("09:00", "2026-06-02"), at("17:00", "2026-06-02")],
        [at("09:00", "2026-06-01"), at("17:00", "2026-06-01")],
      ],
    });
    const times = () => db.session.findUniqueOrThrow({ where: { id: session.id }, select: { startsAt: true, endsAt: true } });
    expect(await times()).toEqual({ startsAt: at("09:00", "2026-06-01"), endsAt: at("17:00", "2026-06-02") });

    const third = await db.sessionMeeting.create({
      data: { sessionId: session.id, startsAt: at("09:00", "2026-06-03"), endsAt: at("12:00", "2026-06-03") },
    });
    expect(await times()).toEqual({ startsAt: at("09:00", "2026-06-01"), endsAt: at("12:00", "2026-06-03") });

    // meetings are ordered by start: [0] is 1 June.
    await db.sessionMeeting.update({ where: { id: session.meetings[0]!.id }, data: { startsAt: at("10:00", "2026-06-01") } });
    expect((await times()).startsAt).toEqual(at("10:00", "2026-06-01"));

    await db.sessionMeeting.delete({ where: { id: third.id } });
    expect((await times()).endsAt).toEqual(at("17:00", "2026-06-02"));

    await db.sessionMeeting.deleteMany({ where: { sessionId: session.id } });
    expect(await times()).toEqual({ startsAt: null, endsAt: null });
  });

  it("lets a session be deleted with its meetings", async () => {
    const session = await createSession({ roomId: roomA, meetings: [[at("09:00", "2026-06-08"), at("10:00", "2026-06-08")]] });
    await db.session.delete({ where: { id: session.id } });
    expect(await db.sessionMeeting.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("enrollments", () => {
  it("allows one active enrollment per user and session, plus any number of finished ones", async () => {
    const session = await createSession({ roomId: null, meetings: [[at("09:00", "2026-06-15"), at("17:00", "2026-06-15")]] });
    const user = await db.user.create({ data: { email: "lee@bio.example", name: "Lee" } });
    const enrol = (status: "CONFIRMED" | "PENDING_APPROVAL" | "CANCELLED") =>
      db.enrollment.create({ data: { sessionId: session.id, userId: user.id, status } });

    const first = await enrol("CONFIRMED");
    expect(await refusedBy(enrol("PENDING_APPROVAL"))).toBe("enrollments_one_active_per_user_key");
    await db.enrollment.update({ where: { id: first.id }, data: { status: "CANCELLED" } });
    await enrol("CANCELLED");
    await enrol("CONFIRMED");
    expect(await db.enrollment.count({ where: { sessionId: session.id, userId: user.id } })).toBe(3);
  });

  it("names the partial unique index when two active enrollments collide", async () => {
    const session = await createSession({ roomId: null, meetings: [] });
    const user = await db.user.create({ data: { email: "park@bio.example", name: "Park" } });
    const insert = `INSERT INTO enrollments (id, session_id, user_id, status, waitlist_rank, updated_at)
                    VALUES ($1, $2, $3, 'WAITLISTED', 1, now())`;
    await getPool().query(insert, [uid("e"), session.id, user.id]);
    expect(await refusedBy(getPool().query(insert, [uid("e"), session.id, user.id]))).toBe(
      "enrollments_one_active_per_user_key",
    );
  });

  it("requires a waitlist rank for WAITLISTED and an expiry for OFFERED", async () => {
    const session = await createSession({ roomId: null, meetings: [] });
    const user = await db.user.create({ data: { email: "choi@bio.example", name: "Choi" } });
    expect(await refusedBy(db.enrollment.create({ data: { sessionId: session.id, userId: user.id, status: "WAITLISTED" } }))).toBe(
      "enrollments_waitlist_rank_check",
    );
    expect(await refusedBy(db.enrollment.create({ data: { sessionId: session.id, userId: user.id, status: "OFFERED" } }))).toBe(
      "enrollments_offer_expires_at_check",
    );
    await db.enrollment.create({
      data: { sessionId: session.id, userId: user.id, status: "OFFERED", offerExpiresAt: at("09:00", "2026-05-01") },
    });
  });
});

describe("seats", () => {
  it("never lets seats_held exceed capacity or go below zero", async () => {
    const session = await createSession({ roomId: null, meetings: [], capacity: 2 });
    await db.session.update({ where: { id: session.id }, data: { seatsHeld: 2 } });
    expect(await refusedBy(db.session.update({ where: { id: session.id }, data: { seatsHeld: { increment: 1 } } }))).toBe(
      "sessions_seats_held_check",
    );
    expect(await refusedBy(db.session.update({ where: { id: session.id }, data: { capacity: 1 } }))).toBe(
      "sessions_seats_held_check",
    );
    expect(await refusedBy(db.session.update({ where: { id: session.id }, data: { seatsHeld: -1 } }))).toBe(
      "sessions_seats_held_check",
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).seatsHeld).toBe(2);
  });
});

describe("emails are case-insensitive", () => {
  it("refuses A@x.com when a@x.com exists and finds the user by either spelling", async () => {
    await db.user.create({ data: { email: "Jung.Min@Samsung-Bio.example", name: "Jung Min" } });
    expect(await refusedBy(db.user.create({ data: { email: "jung.min@samsung-bio.example", name: "Someone else" } }))).toBe("users_email_key");
    const found = await db.user.findUnique({ where: { email: "JUNG.MIN@SAMSUNG-BIO.EXAMPLE" } });
    expect(found?.name).toBe("Jung Min");
  });
});

describe("CHECK constraints", () => {
  // Each row: a statement that must be refused, and the constraint that must refuse it.
  const cases: [string, string, (ids: Record<string, string>) => [string, unknown[]]][] = [
    ["course duration in days", "courses_duration_days_check", (i) => [`UPDATE courses SET duration_days = 0 WHERE id = $1`, [i.course]]],
    ["course duration in hours", "courses_duration_hours_check", (i) => [`UPDATE courses SET duration_hours = 0 WHERE id = $1`, [i.course]]],
    ["course price", "courses_list_price_krw_check", (i) => [`UPDATE courses SET list_price_krw = -1 WHERE id = $1`, [i.course]]],
    ["course capacity", "courses_default_capacity_check", (i) => [`UPDATE courses SET default_capacity = 0 WHERE id = $1`, [i.course]]],
    ["attendance share", "courses_completion_min_attendance_pct_check", (i) => [`UPDATE courses SET completion_min_attendance_pct = 101 WHERE id = $1`, [i.course]]],
    ["a course requiring itself", "course_prerequisites_not_self_check", (i) => [`INSERT INTO course_prerequisites VALUES ($1, $1)`, [i.course]]],
    ["room capacity", "rooms_capacity_check", (i) => [`UPDATE rooms SET capacity = 0 WHERE id = $1`, [i.room]]],
    ["session capacity", "sessions_capacity_check", (i) => [`UPDATE sessions SET capacity = 0 WHERE id = $1`, [i.session]]],
    ["minimum enrolment", "sessions_min_enrollment_check", (i) => [`UPDATE sessions SET min_enrollment = -1 WHERE id = $1`, [i.session]]],
    ["registration window", "sessions_registration_window_check", (i) => [`UPDATE sessions SET registration_closes_at = registration_opens_at WHERE id = $1`, [i.session]]],
    ["offer hours", "sessions_offer_hours_check", (i) => [`UPDATE sessions SET offer_hours = 0 WHERE id = $1`, [i.session]]],
    ["session price", "sessions_price_krw_check", (i) => [`UPDATE sessions SET price_krw = -1 WHERE id = $1`, [i.session]]],
    ["meeting ending before it starts", "session_meetings_time_range_check", (i) => [`UPDATE session_meetings SET ends_at = starts_at WHERE id = $1`, [i.meeting]]],
    ["seats requested", "seat_blocks_requested_seats_check", (i) => [`UPDATE seat_blocks SET requested_seats = 0 WHERE id = $1`, [i.seatBlock]]],
    ["seats approved", "seat_blocks_approved_seats_check", (i) => [`UPDATE seat_blocks SET approved_seats = -1, claimed_seats = -1 WHERE id = $1`, [i.seatBlock]]],
    ["seats claimed beyond approved", "seat_blocks_claimed_seats_check", (i) => [`UPDATE seat_blocks SET claimed_seats = approved_seats + 1 WHERE id = $1`, [i.seatBlock]]],
    ["headcount", "training_requests_headcount_check", (i) => [`UPDATE training_requests SET headcount = 0 WHERE id = $1`, [i.trainingRequest]]],
    ["outbox attempts", "outbox_messages_attempts_check", (i) => [`UPDATE outbox_messages SET attempts = -1 WHERE id = $1`, [i.outbox]]],
  ];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const session = await createSession({ roomId: null, meetings: [[at("09:00", "2026-07-01"), at("10:00", "2026-07-01")]] });
    const org = await db.organization.create({ data: { name: "Inha University", type: "UNIVERSITY", isPartner: true } });
    const cohort = await db.cohort.create({ data: { organizationId: org.id, name: "Bio 2026" } });
    Object.assign(ids, {
      course: courseId,
      room: roomA,
      session: session.id,
      meeting: session.meetings[0]!.id,
      seatBlock: (
        await db.seatBlock.create({ data: { sessionId: session.id, cohortId: cohort.id, requestedSeats: 4, approvedSeats: 3, claimedSeats: 1 } })
      ).id,
      trainingRequest: (
        await db.trainingRequest.create({
          data: { kind: "CUSTOM_TRAINING", company: "Celltrion", contactName: "Han", email: "han@celltrion.example", topic: "TFF", message: "…", headcount: 8 },
        })
      ).id,
      outbox: (
        await db.outboxMessage.create({ data: { toEmail: "han@celltrion.example", locale: "ko", template: "t", payload: {}, subject: "s" } })
      ).id,
    });
  });

  it.each(cases)("refuses a bad %s (%s)", async (_what, constraint, statement) => {
    const [sql, params] = statement(ids);
    expect(await refusedBy(getPool().query(sql, params))).toBe(constraint);
  });

  it("accepts the fixtures' valid values (so the refusals above are about the bad values)", async () => {
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM seat_blocks WHERE id = $1 AND claimed_seats <= approved_seats`, [
      ids.seatBlock,
    ]);
    expect(rows[0].n).toBe(1);
    await getPool().query(`UPDATE training_requests SET headcount = NULL WHERE id = $1`, [ids.trainingRequest]);
    await getPool().query(`UPDATE courses SET completion_min_attendance_pct = 0 WHERE id = $1`, [ids.course]);
  });
});

describe("catalog search", () => {
  it("has trigram indexes that a case-insensitive substring search can use", async () => {
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      // With a handful of rows the planner would rightly scan; forbid that to see the index is usable.
      await client.query("SET LOCAL enable_seqscan = off");
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM courses WHERE title_en ILIKE '%romatog%' OR title_ko ILIKE '%크로마%' OR code ILIKE '%DSP%'`,
      );
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("courses_title_en_trgm_idx");
      expect(plan).toContain("courses_title_ko_trgm_idx");
      expect(plan).toContain("courses_code_trgm_idx");
      const found = await client.query(`SELECT code FROM courses WHERE title_en ILIKE '%ROMATOG%'`);
      expect(found.rows).toEqual([{ code: "FT-DSP-201" }]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});

describeRealPostgres("the same invariants under concurrent transactions", () => {
  /** Runs `statement` in two open transactions at once and reports which committed. */
  async function race(statement: (n: number) => [string, unknown[]]): Promise<("committed" | string)[]> {
    const clients = [0, 1].map(() => new pg.Client({ connectionString: connectionString(testDatabaseUrl()) }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(clients.map((c) => c.query("BEGIN")));
      // Both statements are in flight before either transaction commits.
      return await Promise.all(
        clients.map(async (c, n) => {
          try {
            const [sql, params] = statement(n);
            await c.query(sql, params);
            await c.query("COMMIT");
            return "committed";
          } catch (error) {
            await c.query("ROLLBACK");
            return (error as { constraint?: string }).constraint ?? String(error);
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }

  it("lets exactly one of two simultaneous overlapping meetings into a room", async () => {
    const day = "2026-08-03";
    const sessions = [
      await createSession({ roomId: roomA, meetings: [] }),
      await createSession({ roomId: roomA, meetings: [] }),
    ];
    const outcome = await race((n) => [
      `INSERT INTO session_meetings (id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`,
      [uid("m"), sessions[n]!.id, at(n ? "10:00" : "09:00", day), at(n ? "12:00" : "11:00", day)],
    ]);
    expect(outcome.sort()).toEqual(["committed", "session_meetings_room_no_overlap"]);
  });

  it("lets exactly one of two simultaneous active enrollments of one user in", async () => {
    const session = await createSession({ roomId: null, meetings: [] });
    const user = await db.user.create({ data: { email: "race@bio.example", name: "Race" } });
    const outcome = await race(() => [
      `INSERT INTO enrollments (id, session_id, user_id, status, updated_at) VALUES ($1, $2, $3, 'CONFIRMED', now())`,
      [uid("e"), session.id, user.id],
    ]);
    expect(outcome.sort()).toEqual(["committed", "enrollments_one_active_per_user_key"]);
  });
});
