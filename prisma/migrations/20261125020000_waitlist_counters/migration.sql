-- Waitlist counters on the session row (issue 3, "Benchmarks"; docs/decisions/0006).
--
-- Self-enrollment's fast path (lib/enrollments/fast-enroll.ts) decides seat or waitlist in one
-- statement whose first step is the guarded UPDATE of the session row. That statement's
-- snapshot is taken before it waits for the row lock, so it may not count or max() the
-- session's enrollments to find a waitlist rank or position (those reads would be stale);
-- it takes both from these counters on the row it has just locked and updated instead.
--   waitlist_seq:    the last waitlist rank handed out; a new rank is waitlist_seq + 1, so it
--                    is never below any existing rank (ranks stay unique and first come,
--                    first served). Only grows.
--   waitlist_length: how many of the session's enrollments are WAITLISTED (a newcomer's
--                    position is waitlist_length after joining).
-- Every path keeps them under the session lock (SeatContext in lib/enrollments/seat-lock.ts);
-- checkSessionInvariants recounts them.

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "waitlist_seq" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "waitlist_length" INTEGER NOT NULL DEFAULT 0;

UPDATE "sessions" AS s
SET "waitlist_seq" = w."max_rank", "waitlist_length" = w."waiting"
FROM (
    SELECT "session_id",
           coalesce(max("waitlist_rank"), 0) AS "max_rank",
           count(*) FILTER (WHERE "status" = 'WAITLISTED')::int AS "waiting"
    FROM "enrollments"
    WHERE "waitlist_rank" IS NOT NULL OR "status" = 'WAITLISTED'
    GROUP BY "session_id"
) AS w
WHERE s."id" = w."session_id";

ALTER TABLE "sessions"
    ADD CONSTRAINT "sessions_waitlist_seq_check" CHECK ("waitlist_seq" >= 0),
    ADD CONSTRAINT "sessions_waitlist_length_check" CHECK ("waitlist_length" >= 0);
