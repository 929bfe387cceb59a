/**
 * Two admins saving clashing sessions at the same moment (design.md invariant 3; issue 4,
 * "Tests"): one succeeds, the other gets the same clear conflict message the check would have
 * shown, naming the session that won — never an error page, never a double booking.
 *
 * The first scenario makes the race deterministic: a competing transaction holds an
 * uncommitted booking while our save runs, so our save's own conflict check cannot see it and
 * only the database's exclusion constraint can stop it (SQLSTATE 23P01, mapped back to the
 * conflict by lib/sessions/conflicts.ts). The second fires several saves at once through the
 * server action, as simultaneous requests would.
 *
 * PGlite runs one session at a time, so these only prove something on the real PostgreSQL
 * server (TEST_DATABASE_URL); elsewhere they are skipped and say so.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { connectionString } from "@/lib/db/url";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createTestCourse } from "@/lib/enrollments/enrollments.test-helpers";
import { checkScheduleConflictsAction, createSessionAction } from "@/lib/sessions/sessions.actions";
import { seoulInstant } from "@/lib/sessions/seoul-time";
import {
  createTestEquipment,
  createTestInstructor,
  createTestRoom,
  scheduleFormData,
  type ScheduleForm,
} from "@/lib/sessions/sessions.test-helpers";
import { describeRealPostgres, testDatabaseUrl } from "@/lib/test/database";
import { createTestUser } from "@/lib/users/users.test-helpers";

const RACE_TIMEOUT = 60_000;

let admin: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN", name: "Admin Kang" });
});

function client(): pg.Client {
  return new pg.Client({ connectionString: connectionString(testDatabaseUrl()) });
}

/** Resolves once some backend of this database waits for a lock (our save, blocked by the rival). */
async function someoneWaitsForALock(monitor: pg.Client): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await monitor.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the save never waited for the rival's booking");
}

type Kind = "room" | "equipment" | "instructor";

describeRealPostgres("two admins scheduling at the same moment", () => {
  for (const kind of ["room", "equipment", "instructor"] as Kind[]) {
    it(
      `the database refuses the second ${kind} booking and the loser reads the same message the check gives`,
      async () => {
        const rivalCourse = await createTestCourse({ titleEn: `Rival run ${kind}` });
        const ourCourse = await createTestCourse({ titleEn: `Our run ${kind}` });
        const sharedRoom = await createTestRoom();
        const equipment = await createTestEquipment(sharedRoom.id);
        const instructor = await createTestInstructor(`Instructor ${kind}`);
        const rivalRoom = kind === "room" ? sharedRoom : await createTestRoom();
        const ourRoom = kind === "room" ? sharedRoom : await createTestRoom();
        const day = "2033-03-07";

        // The rival admin's save, written as the service would and left uncommitted.
        const rival = client();
        const monitor = client();
        await Promise.all([rival.connect(), monitor.connect()]);
        const rivalSessionId = `rival-${randomUUID()}`;
        const rivalMeetingId = `meeting-${randomUUID()}`;
        let ours: Promise<ActionResult> | undefined;
        try {
          await rival.query("BEGIN");
          await rival.query(
            `INSERT INTO sessions (id, course_id, room_id, capacity, registration_opens_at, registration_closes_at,
               cancellation_cutoff_at, language, price_krw, updated_at)
             VALUES ($1, $2, $3, 10, '2033-01-01', '2033-03-01', '2033-03-01', 'ko', 0, now())`,
            [rivalSessionId, rivalCourse.id, rivalRoom.id],
          );
          await rival.query(`INSERT INTO session_meetings (id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [
            rivalMeetingId,
            rivalSessionId,
            seoulInstant(day, "09:00"),
            seoulInstant(day, "17:00"),
          ]);
          if (kind === "equipment") {
            await rival.query(
              `INSERT INTO equipment_bookings (id, meeting_id, equipment_id, starts_at, ends_at) VALUES ($1, $2, $3, now(), now() + interval '1 hour')`,
              [randomUUID(), rivalMeetingId, equipment.id],
            );
          }
          if (kind === "instructor") {
            await rival.query(
              `INSERT INTO instructor_bookings (id, meeting_id, instructor_id, starts_at, ends_at) VALUES ($1, $2, $3, now(), now() + interval '1 hour')`,
              [randomUUID(), rivalMeetingId, instructor.id],
            );
          }

          // Our save: its check cannot see the rival's uncommitted rows, so it goes ahead and
          // waits on the exclusion constraint until the rival commits.
          const form: ScheduleForm = {
            courseId: ourCourse.id,
            roomId: ourRoom.id,
            equipmentIds: kind === "equipment" ? [equipment.id] : [],
            instructorIds: [kind === "instructor" ? instructor.id : (await createTestInstructor()).id],
            meetings: [[day, "13:00", "18:00"]],
          };
          ours = runAction(admin, createSessionAction.definition, scheduleFormData(form), { locale: "en" });
          await someoneWaitsForALock(monitor);
          await rival.query("COMMIT");

          const result = await ours;
          expect(result).toMatchObject({ ok: false, errorCode: "SCHEDULE_CONFLICT" });
          expect(result.formError).toContain(`“Rival run ${kind}”`);
          // The same words as the check an admin would run now.
          const checked = await runAction(admin, checkScheduleConflictsAction.definition, scheduleFormData(form), {
            locale: "en",
          });
          expect(result.formError).toBe(checked.formError);
          // Nothing of ours was stored.
          expect(await db.session.count({ where: { courseId: ourCourse.id } })).toBe(0);
        } finally {
          await rival.query("ROLLBACK").catch(() => {});
          await ours?.catch(() => {});
          await Promise.all([rival.end(), monitor.end()]);
        }
      },
      RACE_TIMEOUT,
    );
  }

  it(
    "of several admins saving the same room and time at once, exactly one succeeds; each other one is told who got it",
    async () => {
      const room = await createTestRoom();
      const day = "2033-04-04";
      const contenders = await Promise.all(
        Array.from({ length: 6 }, async (_, n) => ({
          admin: await createTestUser({ role: "ADMIN", name: `Admin ${n}` }),
          course: await createTestCourse({ titleEn: `Contender ${n}` }),
          instructor: await createTestInstructor(`Teacher ${n}`),
        })),
      );
      const formOf = (c: (typeof contenders)[number]): ScheduleForm => ({
        courseId: c.course.id,
        roomId: room.id,
        instructorIds: [c.instructor.id],
        meetings: [[day, "09:00", "12:00"]],
      });
      const results = await Promise.all(
        contenders.map((c) => runAction(c.admin, createSessionAction.definition, scheduleFormData(formOf(c)), { locale: "en" })),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const stored = await db.session.findMany({
        where: { roomId: room.id },
        select: { id: true, course: { select: { titleEn: true } } },
      });
      expect(stored).toHaveLength(1);
      const winnerTitle = stored[0]!.course.titleEn;
      for (const [n, result] of results.entries()) {
        if (result.ok) continue;
        expect(result.errorCode).toBe("SCHEDULE_CONFLICT");
        expect(result.formError).toContain(`Room ${room.nameEn}: already booked for “${winnerTitle}”`);
        const checked = await runAction(contenders[n]!.admin, checkScheduleConflictsAction.definition, scheduleFormData(formOf(contenders[n]!)), {
          locale: "en",
        });
        expect(result.formError).toBe(checked.formError);
      }
    },
    RACE_TIMEOUT,
  );
});
