-- Fast Trak Enroll: initial schema.
--
-- Written by hand in Prisma Migrate's layout (docs/decisions/0001-hand-written-migrations.md):
-- Part 1 is what `prisma migrate diff` would generate from prisma/schema.prisma (same type,
-- constraint and index names), so Prisma and lib/db/schema-drift.integration.test.ts agree
-- with it. Part 2 holds what schema.prisma cannot express: exclusion constraints, the
-- triggers that feed them, partial unique indexes, CHECKs, trigram search indexes and the
-- rate-limiter table. Applied by lib/db/migrate.ts, in one transaction.
--
-- One deliberate difference from Prisma's output: scalar lists (TEXT[], "Locale"[]) are NOT
-- NULL. Prisma's own output leaves them nullable, but its client never writes NULL there and
-- its migration engine ignores nullability of list columns, so this only stops raw SQL from
-- storing a NULL that the client's types say cannot exist.

-- =============================================================================================
-- Extensions
-- =============================================================================================

-- citext: case-insensitive emails (users_email_key makes A@x.com and a@x.com the same user).
CREATE EXTENSION IF NOT EXISTS "citext";
-- btree_gist: `=` on text inside the GiST exclusion constraints below.
CREATE EXTENSION IF NOT EXISTS "btree_gist";
-- pg_trgm: substring search (ILIKE '%…%') over the course catalog.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- =============================================================================================
-- Part 1: the tables of prisma/schema.prisma
-- =============================================================================================

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TRAINEE', 'INSTRUCTOR', 'ADMIN', 'PARTNER');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ko', 'en');

-- CreateEnum
CREATE TYPE "OrganizationType" AS ENUM ('COMPANY', 'UNIVERSITY', 'STARTUP', 'PUBLIC_BODY');

-- CreateEnum
CREATE TYPE "CourseCategory" AS ENUM ('UPSTREAM', 'DOWNSTREAM', 'SINGLE_USE', 'ANALYTICS', 'PROCESS_DEVELOPMENT', 'CELL_THERAPY', 'GMP_QUALITY');

-- CreateEnum
CREATE TYPE "CourseLevel" AS ENUM ('INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED');

-- CreateEnum
CREATE TYPE "RoomKind" AS ENUM ('LAB', 'CLASSROOM');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "WaitlistMode" AS ENUM ('AUTO', 'OFFER');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'DECLINED', 'EXPIRED', 'COMPLETED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "EnrollmentSource" AS ENUM ('SELF', 'COHORT', 'ADMIN');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('UNPAID', 'INVOICED', 'PAID', 'WAIVED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'LATE', 'ABSENT');

-- CreateEnum
CREATE TYPE "SeatBlockStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'RELEASED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TrainingRequestKind" AS ENUM ('CUSTOM_TRAINING', 'PILOT_PROCESS');

-- CreateEnum
CREATE TYPE "TrainingRequestStatus" AS ENUM ('NEW', 'CONTACTED', 'PROPOSAL_SENT', 'SCHEDULED', 'CLOSED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'TRAINEE',
    "locale" "Locale" NOT NULL DEFAULT 'ko',
    "phone" TEXT,
    "organization_id" TEXT,
    "job_title" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "password_hash" TEXT,
    "email_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "type" "OrganizationType" NOT NULL,
    "is_partner" BOOLEAN NOT NULL DEFAULT false,
    "agreement_starts_on" DATE,
    "agreement_ends_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "courses" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title_ko" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "summary_ko" TEXT NOT NULL,
    "summary_en" TEXT NOT NULL,
    "description_ko" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "outcomes_ko" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "outcomes_en" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "category" "CourseCategory" NOT NULL,
    "level" "CourseLevel" NOT NULL,
    "duration_days" INTEGER NOT NULL,
    "duration_hours" INTEGER NOT NULL,
    "delivery_languages" "Locale"[] NOT NULL DEFAULT ARRAY[]::"Locale"[],
    "list_price_krw" INTEGER NOT NULL,
    "default_capacity" INTEGER NOT NULL,
    "requires_approval" BOOLEAN NOT NULL DEFAULT false,
    "completion_min_attendance_pct" INTEGER NOT NULL DEFAULT 100,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "courses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_prerequisites" (
    "course_id" TEXT NOT NULL,
    "prerequisite_id" TEXT NOT NULL,

    CONSTRAINT "course_prerequisites_pkey" PRIMARY KEY ("course_id", "prerequisite_id")
);

-- CreateTable
CREATE TABLE "rooms" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" "RoomKind" NOT NULL,
    "capacity" INTEGER NOT NULL,
    "floor" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equipment" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "room_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "equipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "course_id" TEXT NOT NULL,
    "room_id" TEXT,
    "capacity" INTEGER NOT NULL,
    "seats_held" INTEGER NOT NULL DEFAULT 0,
    "min_enrollment" INTEGER NOT NULL DEFAULT 0,
    "registration_opens_at" TIMESTAMPTZ(3) NOT NULL,
    "registration_closes_at" TIMESTAMPTZ(3) NOT NULL,
    "cancellation_cutoff_at" TIMESTAMPTZ(3) NOT NULL,
    "language" "Locale" NOT NULL,
    "price_krw" INTEGER NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'DRAFT',
    "waitlist_mode" "WaitlistMode" NOT NULL DEFAULT 'AUTO',
    "offer_hours" INTEGER NOT NULL DEFAULT 48,
    "notes" TEXT,
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "reminder_sent_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_meetings" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "room_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "session_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_instructors" (
    "session_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "session_instructors_pkey" PRIMARY KEY ("session_id", "user_id")
);

-- CreateTable
CREATE TABLE "session_equipment" (
    "session_id" TEXT NOT NULL,
    "equipment_id" TEXT NOT NULL,

    CONSTRAINT "session_equipment_pkey" PRIMARY KEY ("session_id", "equipment_id")
);

-- CreateTable
CREATE TABLE "instructor_bookings" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "instructor_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "instructor_bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equipment_bookings" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "equipment_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "equipment_bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrollments" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" "EnrollmentStatus" NOT NULL,
    "source" "EnrollmentSource" NOT NULL DEFAULT 'SELF',
    "seat_block_id" TEXT,
    "waitlist_rank" BIGINT,
    "offer_expires_at" TIMESTAMPTZ(3),
    "request_note" TEXT,
    "payment_status" "PaymentStatus" NOT NULL DEFAULT 'UNPAID',
    "invoice_ref" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enrollments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrollment_events" (
    "id" TEXT NOT NULL,
    "enrollment_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "from_status" "EnrollmentStatus",
    "to_status" "EnrollmentStatus" NOT NULL,
    "reason" TEXT,
    "data" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "id" TEXT NOT NULL,
    "enrollment_id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "recorded_by_id" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" TEXT NOT NULL,
    "enrollment_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "revoke_reason" TEXT,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cohorts" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "program" TEXT,
    "description" TEXT,
    "starts_on" DATE,
    "archived_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cohort_members" (
    "id" TEXT NOT NULL,
    "cohort_id" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "name" TEXT NOT NULL,
    "student_number" TEXT,
    "department" TEXT,
    "user_id" TEXT,
    "invited_at" TIMESTAMPTZ(3),
    "joined_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cohort_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seat_blocks" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "cohort_id" TEXT NOT NULL,
    "requested_seats" INTEGER NOT NULL,
    "approved_seats" INTEGER NOT NULL DEFAULT 0,
    "claimed_seats" INTEGER NOT NULL DEFAULT 0,
    "status" "SeatBlockStatus" NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT,
    "decision_reason" TEXT,
    "release_at" TIMESTAMPTZ(3),
    "requested_by_id" TEXT,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "seat_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_requests" (
    "id" TEXT NOT NULL,
    "kind" "TrainingRequestKind" NOT NULL,
    "company" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "phone" TEXT,
    "topic" TEXT NOT NULL,
    "headcount" INTEGER,
    "preferred_dates" TEXT,
    "message" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'ko',
    "status" "TrainingRequestStatus" NOT NULL DEFAULT 'NEW',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_request_events" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "from_status" "TrainingRequestStatus",
    "to_status" "TrainingRequestStatus",
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_request_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "to_email" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organization_id" TEXT,
    "cohort_member_id" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'ko',
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT,
    "accepted_by_id" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_organization_id_idx" ON "users"("organization_id");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations"("name");

-- CreateIndex
CREATE UNIQUE INDEX "courses_code_key" ON "courses"("code");

-- CreateIndex
CREATE UNIQUE INDEX "courses_slug_key" ON "courses"("slug");

-- CreateIndex
CREATE INDEX "courses_category_level_idx" ON "courses"("category", "level");

-- CreateIndex
CREATE INDEX "course_prerequisites_prerequisite_id_idx" ON "course_prerequisites"("prerequisite_id");

-- CreateIndex
CREATE UNIQUE INDEX "rooms_code_key" ON "rooms"("code");

-- CreateIndex
CREATE UNIQUE INDEX "equipment_code_key" ON "equipment"("code");

-- CreateIndex
CREATE INDEX "sessions_course_id_starts_at_idx" ON "sessions"("course_id", "starts_at");

-- CreateIndex
CREATE INDEX "sessions_status_starts_at_idx" ON "sessions"("status", "starts_at");

-- CreateIndex
CREATE INDEX "session_meetings_session_id_starts_at_idx" ON "session_meetings"("session_id", "starts_at");

-- CreateIndex
CREATE INDEX "session_instructors_user_id_idx" ON "session_instructors"("user_id");

-- CreateIndex
CREATE INDEX "session_equipment_equipment_id_idx" ON "session_equipment"("equipment_id");

-- CreateIndex
CREATE UNIQUE INDEX "instructor_bookings_meeting_id_instructor_id_key" ON "instructor_bookings"("meeting_id", "instructor_id");

-- CreateIndex
CREATE UNIQUE INDEX "equipment_bookings_meeting_id_equipment_id_key" ON "equipment_bookings"("meeting_id", "equipment_id");

-- CreateIndex
CREATE INDEX "enrollments_session_id_status_waitlist_rank_idx" ON "enrollments"("session_id", "status", "waitlist_rank");

-- CreateIndex
CREATE INDEX "enrollments_user_id_status_idx" ON "enrollments"("user_id", "status");

-- CreateIndex
CREATE INDEX "enrollment_events_enrollment_id_created_at_idx" ON "enrollment_events"("enrollment_id", "created_at");

-- CreateIndex
CREATE INDEX "attendance_meeting_id_idx" ON "attendance"("meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_enrollment_id_meeting_id_key" ON "attendance"("enrollment_id", "meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_enrollment_id_key" ON "certificates"("enrollment_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_code_key" ON "certificates"("code");

-- CreateIndex
CREATE UNIQUE INDEX "cohorts_organization_id_name_key" ON "cohorts"("organization_id", "name");

-- CreateIndex
CREATE INDEX "cohort_members_email_idx" ON "cohort_members"("email");

-- CreateIndex
CREATE INDEX "cohort_members_user_id_idx" ON "cohort_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "cohort_members_cohort_id_email_key" ON "cohort_members"("cohort_id", "email");

-- CreateIndex
CREATE INDEX "seat_blocks_session_id_status_idx" ON "seat_blocks"("session_id", "status");

-- CreateIndex
CREATE INDEX "seat_blocks_cohort_id_idx" ON "seat_blocks"("cohort_id");

-- CreateIndex
CREATE INDEX "seat_blocks_status_release_at_idx" ON "seat_blocks"("status", "release_at");

-- CreateIndex
CREATE INDEX "training_requests_status_created_at_idx" ON "training_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "training_request_events_request_id_created_at_idx" ON "training_request_events"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "outbox_messages_status_next_attempt_at_idx" ON "outbox_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_messages_created_at_idx" ON "outbox_messages"("created_at");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_created_at_idx" ON "audit_logs"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_email_idx" ON "invitations"("email");

-- CreateIndex
CREATE UNIQUE INDEX "auth_tokens_token_hash_key" ON "auth_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_tokens_user_id_purpose_idx" ON "auth_tokens"("user_id", "purpose");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_prerequisites" ADD CONSTRAINT "course_prerequisites_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_prerequisites" ADD CONSTRAINT "course_prerequisites_prerequisite_id_fkey" FOREIGN KEY ("prerequisite_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_meetings" ADD CONSTRAINT "session_meetings_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_meetings" ADD CONSTRAINT "session_meetings_room_id_fkey" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_equipment" ADD CONSTRAINT "session_equipment_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_equipment" ADD CONSTRAINT "session_equipment_equipment_id_fkey" FOREIGN KEY ("equipment_id") REFERENCES "equipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instructor_bookings" ADD CONSTRAINT "instructor_bookings_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "session_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instructor_bookings" ADD CONSTRAINT "instructor_bookings_instructor_id_fkey" FOREIGN KEY ("instructor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment_bookings" ADD CONSTRAINT "equipment_bookings_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "session_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "equipment_bookings" ADD CONSTRAINT "equipment_bookings_equipment_id_fkey" FOREIGN KEY ("equipment_id") REFERENCES "equipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_seat_block_id_fkey" FOREIGN KEY ("seat_block_id") REFERENCES "seat_blocks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment_events" ADD CONSTRAINT "enrollment_events_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment_events" ADD CONSTRAINT "enrollment_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "session_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_blocks" ADD CONSTRAINT "seat_blocks_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_blocks" ADD CONSTRAINT "seat_blocks_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_blocks" ADD CONSTRAINT "seat_blocks_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_blocks" ADD CONSTRAINT "seat_blocks_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_request_events" ADD CONSTRAINT "training_request_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "training_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_request_events" ADD CONSTRAINT "training_request_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_cohort_member_id_fkey" FOREIGN KEY ("cohort_member_id") REFERENCES "cohort_members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =============================================================================================
-- Part 2: what schema.prisma cannot express
-- =============================================================================================

-- ---------------------------------------------------------------------------------------------
-- CHECK constraints: values the services validate too, held here so no path can store them.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "courses"
    ADD CONSTRAINT "courses_duration_days_check" CHECK ("duration_days" > 0),
    ADD CONSTRAINT "courses_duration_hours_check" CHECK ("duration_hours" > 0),
    ADD CONSTRAINT "courses_list_price_krw_check" CHECK ("list_price_krw" >= 0),
    ADD CONSTRAINT "courses_default_capacity_check" CHECK ("default_capacity" > 0),
    ADD CONSTRAINT "courses_completion_min_attendance_pct_check"
        CHECK ("completion_min_attendance_pct" BETWEEN 0 AND 100);

ALTER TABLE "course_prerequisites"
    ADD CONSTRAINT "course_prerequisites_not_self_check" CHECK ("course_id" <> "prerequisite_id");

ALTER TABLE "rooms"
    ADD CONSTRAINT "rooms_capacity_check" CHECK ("capacity" > 0);

-- Invariant 1 (design.md): seats held never exceed capacity. The enrollment engine changes
-- seats_held in the same guarded statement that takes or frees a seat; this CHECK is the
-- backstop that turns any bug or race into an error instead of an overbooked lab.
ALTER TABLE "sessions"
    ADD CONSTRAINT "sessions_capacity_check" CHECK ("capacity" > 0),
    ADD CONSTRAINT "sessions_seats_held_check" CHECK ("seats_held" >= 0 AND "seats_held" <= "capacity"),
    ADD CONSTRAINT "sessions_min_enrollment_check" CHECK ("min_enrollment" >= 0),
    ADD CONSTRAINT "sessions_registration_window_check" CHECK ("registration_closes_at" > "registration_opens_at"),
    ADD CONSTRAINT "sessions_offer_hours_check" CHECK ("offer_hours" > 0),
    ADD CONSTRAINT "sessions_price_krw_check" CHECK ("price_krw" >= 0);

ALTER TABLE "session_meetings"
    ADD CONSTRAINT "session_meetings_time_range_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "instructor_bookings"
    ADD CONSTRAINT "instructor_bookings_time_range_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "equipment_bookings"
    ADD CONSTRAINT "equipment_bookings_time_range_check" CHECK ("ends_at" > "starts_at");

ALTER TABLE "enrollments"
    ADD CONSTRAINT "enrollments_waitlist_rank_check"
        CHECK ("status" <> 'WAITLISTED' OR "waitlist_rank" IS NOT NULL),
    ADD CONSTRAINT "enrollments_offer_expires_at_check"
        CHECK ("status" <> 'OFFERED' OR "offer_expires_at" IS NOT NULL);

ALTER TABLE "seat_blocks"
    ADD CONSTRAINT "seat_blocks_requested_seats_check" CHECK ("requested_seats" > 0),
    ADD CONSTRAINT "seat_blocks_approved_seats_check" CHECK ("approved_seats" >= 0),
    ADD CONSTRAINT "seat_blocks_claimed_seats_check"
        CHECK ("claimed_seats" >= 0 AND "claimed_seats" <= "approved_seats");

ALTER TABLE "training_requests"
    ADD CONSTRAINT "training_requests_headcount_check" CHECK ("headcount" IS NULL OR "headcount" > 0);

ALTER TABLE "outbox_messages"
    ADD CONSTRAINT "outbox_messages_attempts_check" CHECK ("attempts" >= 0);

-- ---------------------------------------------------------------------------------------------
-- Invariant 2: one active enrollment per user per session. Cancelled, declined, expired,
-- completed and no-show rows stay as history, so a plain unique index would not do.
-- ---------------------------------------------------------------------------------------------

CREATE UNIQUE INDEX "enrollments_one_active_per_user_key" ON "enrollments"("session_id", "user_id")
    WHERE "status" IN ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED');

-- ---------------------------------------------------------------------------------------------
-- Invariant 3: no room, instructor or piece of equipment in two overlapping meetings of
-- non-cancelled sessions. Ranges are half-open ([start, end)), so back-to-back meetings are
-- allowed. An exclusion constraint sees one row at a time, so the columns it needs are copied
-- onto that row by the triggers below:
--   session_meetings.room_id / .active    <- sessions.room_id / status <> 'CANCELLED'
--   *_bookings.starts_at / .ends_at / .active <- their session_meetings row
-- Callers never maintain these copies: whatever they write is overwritten before the row is
-- stored (BEFORE triggers), so a booking may be inserted with the meeting's times or any
-- placeholder. Changing a session's room or status, or a meeting's times, re-checks every
-- affected row against the constraints in the same statement.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "session_meetings" ADD CONSTRAINT "session_meetings_room_no_overlap"
    EXCLUDE USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
    WHERE ("active" AND "room_id" IS NOT NULL);

ALTER TABLE "instructor_bookings" ADD CONSTRAINT "instructor_bookings_no_overlap"
    EXCLUDE USING gist ("instructor_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
    WHERE ("active");

ALTER TABLE "equipment_bookings" ADD CONSTRAINT "equipment_bookings_no_overlap"
    EXCLUDE USING gist ("equipment_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
    WHERE ("active");

-- A meeting takes its room and active flag from its session.
CREATE FUNCTION "session_meetings_follow_session"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    session_room_id TEXT;
    session_status "SessionStatus";
BEGIN
    SELECT "room_id", "status" INTO session_room_id, session_status
    FROM "sessions" WHERE "id" = NEW."session_id";
    IF FOUND THEN -- otherwise the foreign key rejects the row
        NEW."room_id" := session_room_id;
        NEW."active" := session_status <> 'CANCELLED';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "session_meetings_follow_session"
    BEFORE INSERT OR UPDATE ON "session_meetings"
    FOR EACH ROW EXECUTE FUNCTION "session_meetings_follow_session"();

-- A session's new room or status reaches its meetings (whose BEFORE trigger then copies it).
CREATE FUNCTION "sessions_push_to_meetings"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "session_meetings"
    SET "room_id" = NEW."room_id", "active" = NEW."status" <> 'CANCELLED'
    WHERE "session_id" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "sessions_push_to_meetings"
    AFTER UPDATE ON "sessions"
    FOR EACH ROW
    WHEN (OLD."room_id" IS DISTINCT FROM NEW."room_id" OR OLD."status" IS DISTINCT FROM NEW."status")
    EXECUTE FUNCTION "sessions_push_to_meetings"();

-- A booking takes its times and active flag from its meeting (shared by both booking tables,
-- which name these columns alike).
CREATE FUNCTION "bookings_follow_meeting"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    meeting RECORD;
BEGIN
    SELECT "starts_at", "ends_at", "active" INTO meeting
    FROM "session_meetings" WHERE "id" = NEW."meeting_id";
    IF FOUND THEN -- otherwise the foreign key rejects the row
        NEW."starts_at" := meeting."starts_at";
        NEW."ends_at" := meeting."ends_at";
        NEW."active" := meeting."active";
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "instructor_bookings_follow_meeting"
    BEFORE INSERT OR UPDATE ON "instructor_bookings"
    FOR EACH ROW EXECUTE FUNCTION "bookings_follow_meeting"();

CREATE TRIGGER "equipment_bookings_follow_meeting"
    BEFORE INSERT OR UPDATE ON "equipment_bookings"
    FOR EACH ROW EXECUTE FUNCTION "bookings_follow_meeting"();

-- A meeting's new times or active flag reach its bookings.
CREATE FUNCTION "session_meetings_push_to_bookings"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "instructor_bookings"
    SET "starts_at" = NEW."starts_at", "ends_at" = NEW."ends_at", "active" = NEW."active"
    WHERE "meeting_id" = NEW."id";
    UPDATE "equipment_bookings"
    SET "starts_at" = NEW."starts_at", "ends_at" = NEW."ends_at", "active" = NEW."active"
    WHERE "meeting_id" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "session_meetings_push_to_bookings"
    AFTER UPDATE ON "session_meetings"
    FOR EACH ROW
    WHEN (OLD."starts_at" IS DISTINCT FROM NEW."starts_at"
       OR OLD."ends_at" IS DISTINCT FROM NEW."ends_at"
       OR OLD."active" IS DISTINCT FROM NEW."active")
    EXECUTE FUNCTION "session_meetings_push_to_bookings"();

-- sessions.starts_at / ends_at are the first meeting's start and the last meeting's end
-- (NULL without meetings), for sorting, listing and reminders without a join.
CREATE FUNCTION "sessions_refresh_times"(target_session_id TEXT) RETURNS void
LANGUAGE sql AS $$
    UPDATE "sessions" AS s
    SET "starts_at" = t."starts_at", "ends_at" = t."ends_at"
    FROM (
        SELECT min("starts_at") AS "starts_at", max("ends_at") AS "ends_at"
        FROM "session_meetings" WHERE "session_id" = target_session_id
    ) AS t
    WHERE s."id" = target_session_id
      AND (s."starts_at" IS DISTINCT FROM t."starts_at" OR s."ends_at" IS DISTINCT FROM t."ends_at");
$$;

CREATE FUNCTION "session_meetings_refresh_session_times"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM "sessions_refresh_times"(OLD."session_id");
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."session_id" IS DISTINCT FROM OLD."session_id") THEN
        PERFORM "sessions_refresh_times"(NEW."session_id");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "session_meetings_refresh_session_times_ins_del"
    AFTER INSERT OR DELETE ON "session_meetings"
    FOR EACH ROW EXECUTE FUNCTION "session_meetings_refresh_session_times"();

CREATE TRIGGER "session_meetings_refresh_session_times_upd"
    AFTER UPDATE ON "session_meetings"
    FOR EACH ROW
    WHEN (OLD."starts_at" IS DISTINCT FROM NEW."starts_at"
       OR OLD."ends_at" IS DISTINCT FROM NEW."ends_at"
       OR OLD."session_id" IS DISTINCT FROM NEW."session_id")
    EXECUTE FUNCTION "session_meetings_refresh_session_times"();

-- ---------------------------------------------------------------------------------------------
-- Catalog search: trigram indexes so `ILIKE '%term%'` (Prisma's `contains` with
-- mode: "insensitive") on each searched column uses an index instead of a scan.
-- ---------------------------------------------------------------------------------------------

CREATE INDEX "courses_code_trgm_idx" ON "courses" USING gin ("code" gin_trgm_ops);
CREATE INDEX "courses_title_ko_trgm_idx" ON "courses" USING gin ("title_ko" gin_trgm_ops);
CREATE INDEX "courses_title_en_trgm_idx" ON "courses" USING gin ("title_en" gin_trgm_ops);
CREATE INDEX "courses_summary_ko_trgm_idx" ON "courses" USING gin ("summary_ko" gin_trgm_ops);
CREATE INDEX "courses_summary_en_trgm_idx" ON "courses" USING gin ("summary_en" gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Rate limiting: the table rate-limiter-flexible's RateLimiterPostgres reads and writes
-- (configure it with tableName "rate_limits", tableCreated: true). Its own CREATE TABLE uses
-- varchar(255); TEXT keeps a long key (a prefix plus a 254-character email) from failing.
-- ---------------------------------------------------------------------------------------------

CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- Its periodic clean-up runs `DELETE … WHERE expire < $1`.
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
