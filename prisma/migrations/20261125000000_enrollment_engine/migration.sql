-- Enrollment engine (issue 3).

-- An approval request the center refused. Distinct from DECLINED (the trainee turned down an
-- offered seat), so histories and mails say what happened.
ALTER TYPE "EnrollmentStatus" ADD VALUE IF NOT EXISTS 'REJECTED';

-- The offer-expiry sweep (worker, every minute and on poll) looks only at open offers.
CREATE INDEX "enrollments_open_offers_idx" ON "enrollments" ("offer_expires_at")
    WHERE "status" = 'OFFERED';

-- The waitlist head of a session, in order (promotion runs inside the session lock).
CREATE INDEX "enrollments_waitlist_order_idx" ON "enrollments" ("session_id", "waitlist_rank")
    WHERE "status" = 'WAITLISTED';

-- Overlap checks look up a trainee's seats by user.
CREATE INDEX "enrollments_user_seats_idx" ON "enrollments" ("user_id", "session_id")
    WHERE "status" IN ('CONFIRMED', 'OFFERED');

-- A waitlist rank belongs to waitlisted enrollments only; a rank is unique within a session's
-- waitlist, so two trainees can never share a position.
CREATE UNIQUE INDEX "enrollments_waitlist_rank_key" ON "enrollments" ("session_id", "waitlist_rank")
    WHERE "status" = 'WAITLISTED';
