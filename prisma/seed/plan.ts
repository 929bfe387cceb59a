import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  EnrollmentSource,
  EnrollmentStatus,
  Locale,
  PaymentStatus,
  SessionStatus,
  TrainingRequestStatus,
  WaitlistMode,
} from "@/lib/generated/prisma/enums";
import { addDays, addHours, seoulDate, seoulDayOf, type SeoulDay } from "./calendar";
import { COURSES, type CourseSeed } from "./courses";
import { EQUIPMENT, ROOMS } from "./facilities";
import { ORGANIZATIONS } from "./organizations";
import { COHORTS } from "./partners";
import {
  ADMINS,
  DEMO_TRAINEE,
  INSTRUCTORS,
  PARTNER_COORDINATORS,
  traineeSeeds,
  type PersonSeed,
} from "./people";
import { createRandom, newCertificateCode, newId } from "./random";
import { TRAINING_REQUESTS } from "./requests";
import { BusyCalendar, scheduleRun, type Interval } from "./scheduler";

/** Every row the seed inserts, table by table, in an order that satisfies the foreign keys. */
export type SeedPlan = {
  organizations: Prisma.OrganizationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  courses: Prisma.CourseCreateManyInput[];
  coursePrerequisites: Prisma.CoursePrerequisiteCreateManyInput[];
  rooms: Prisma.RoomCreateManyInput[];
  equipment: Prisma.EquipmentCreateManyInput[];
  sessions: Prisma.SessionCreateManyInput[];
  sessionMeetings: Prisma.SessionMeetingCreateManyInput[];
  sessionInstructors: Prisma.SessionInstructorCreateManyInput[];
  instructorBookings: Prisma.InstructorBookingCreateManyInput[];
  sessionEquipment: Prisma.SessionEquipmentCreateManyInput[];
  equipmentBookings: Prisma.EquipmentBookingCreateManyInput[];
  cohorts: Prisma.CohortCreateManyInput[];
  cohortMembers: Prisma.CohortMemberCreateManyInput[];
  seatBlocks: Prisma.SeatBlockCreateManyInput[];
  enrollments: Prisma.EnrollmentCreateManyInput[];
  enrollmentEvents: Prisma.EnrollmentEventCreateManyInput[];
  attendance: Prisma.AttendanceCreateManyInput[];
  certificates: Prisma.CertificateCreateManyInput[];
  trainingRequests: Prisma.TrainingRequestCreateManyInput[];
  trainingRequestEvents: Prisma.TrainingRequestEventCreateManyInput[];
  auditLogs: Prisma.AuditLogCreateManyInput[];
};

export type SeedPlanOptions = {
  now: Date;
  /** one argon2id hash of the demo password, shared by every seeded account */
  passwordHash: string;
  /** PRNG seed; the default gives the same people, runs and enrolments for the same `now` */
  randomSeed?: number;
};

/** Runs are scheduled within this many days, so all of them start inside "the next six months". */
const HORIZON_DAYS = 178;
const FIRST_RUN_WINDOW_DAYS = 45;
const REGISTRATION_OPENS_DAYS = 60;
const REGISTRATION_CLOSES_DAYS = 2;
const CANCELLATION_CUTOFF_DAYS = 7;

/** Completed runs in the previous two months (the first one is the demo trainee's). */
const PAST_RUNS: readonly { code: string; daysAgo: number }[] = [
  { code: "FT-USP-101", daysAgo: 52 },
  { code: "FT-GMP-101", daysAgo: 44 },
  { code: "FT-DSP-201", daysAgo: 36 },
  { code: "FT-ANA-101", daysAgo: 27 },
  { code: "FT-CT-201", daysAgo: 19 },
  { code: "FT-PD-201", daysAgo: 10 },
];

/**
 * First runs placed before all others, in days from today: the demo trainee's waitlist place
 * (FT-CT-201, full) and upcoming run (FT-USP-201, still cancellable), the waitlist offer
 * (FT-DSP-201), the Inha seat block (FT-USP-101, release date still ahead) and the run
 * cancelled for low enrolment (FT-SUT-202).
 */
const STORY_RUNS: Readonly<Record<string, number>> = {
  "FT-DSP-201": 10,
  "FT-CT-201": 14,
  "FT-USP-201": 21,
  "FT-SUT-202": 24,
  "FT-USP-101": 28,
};

type Profile = "FULL_WAITLIST" | "FULL_OFFER" | "LAST_SEAT" | "NEARLY_FULL" | "MODERATE" | "LOW";

type SessionDraft = {
  id: string;
  course: CourseSeed;
  courseId: string;
  capacity: number;
  language: Locale;
  status: SessionStatus;
  waitlistMode: WaitlistMode;
  meetings: (Interval & { id: string })[];
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  closesAt: Date;
  leadInstructorId: string;
};

type EventDraft = {
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  at: Date;
  actorId: string | null;
  reason?: string;
  data?: Prisma.InputJsonValue;
};

export function buildSeedPlan({
  now,
  passwordHash,
  randomSeed = 20161001,
}: SeedPlanOptions): SeedPlan {
  const rng = createRandom(randomSeed);
  const today = seoulDayOf(now);
  const before = (date: Date, latest: Date) => (date < latest ? date : latest);
  const daysAgo = (days: number) => addDays(now, -days);
  /** a moment after `from` and, when there is room, before `until` */
  const between = (from: Date, until: Date) =>
    until > from
      ? new Date(from.getTime() + rng.next() * (until.getTime() - from.getTime()))
      : addHours(from, 0.25);

  const plan: SeedPlan = {
    organizations: [],
    users: [],
    courses: [],
    coursePrerequisites: [],
    rooms: [],
    equipment: [],
    sessions: [],
    sessionMeetings: [],
    sessionInstructors: [],
    instructorBookings: [],
    sessionEquipment: [],
    equipmentBookings: [],
    cohorts: [],
    cohortMembers: [],
    seatBlocks: [],
    enrollments: [],
    enrollmentEvents: [],
    attendance: [],
    certificates: [],
    trainingRequests: [],
    trainingRequestEvents: [],
    auditLogs: [],
  };

  // ── organizations ─────────────────────────────────────────────────────────────────────────
  const orgId = new Map<string, string>();
  const orgDomain = new Map<string, string>();
  const universityOrgs = new Set<string>();
  for (const org of ORGANIZATIONS) {
    const id = newId();
    orgId.set(org.key, id);
    orgDomain.set(org.key, org.domain);
    if (org.type === "UNIVERSITY") universityOrgs.add(org.key);
    plan.organizations.push({
      id,
      name: org.name,
      nameEn: org.nameEn,
      type: org.type,
      isPartner: Boolean(org.partner),
      agreementStartsOn: org.partner ? new Date(`${org.partner.startsOn}T00:00:00Z`) : null,
      agreementEndsOn: org.partner ? new Date(`${org.partner.endsOn}T00:00:00Z`) : null,
      createdAt: daysAgo(rng.int(400, 1200)),
    });
  }
  const requireId = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`seed data refers to unknown key ${key}`);
    return id;
  };

  // ── users ─────────────────────────────────────────────────────────────────────────────────
  const userId = new Map<string, string>();
  const userOrg = new Map<string, string | undefined>();
  const trainees = traineeSeeds((key) => requireId(orgDomain, key));
  const addUser = (person: PersonSeed, ageDays: number) => {
    const id = newId();
    userId.set(person.key, id);
    userOrg.set(person.key, person.orgKey);
    const createdAt = daysAgo(ageDays);
    plan.users.push({
      id,
      email: person.email,
      name: person.name,
      role: person.role,
      locale: person.locale,
      phone: `010-${rng.int(2000, 9899)}-${rng.int(1000, 9999)}`,
      organizationId: person.orgKey ? requireId(orgId, person.orgKey) : null,
      jobTitle: person.jobTitle ?? null,
      active: true,
      passwordHash,
      emailVerifiedAt: addHours(createdAt, 0.2),
      createdAt,
    });
  };
  for (const person of ADMINS) addUser(person, rng.int(700, 1500));
  for (const person of INSTRUCTORS) addUser(person, rng.int(300, 1500));
  for (const person of PARTNER_COORDINATORS) addUser(person, rng.int(200, 900));
  for (const person of trainees) addUser(person, rng.int(130, 900));
  const uid = (key: string) => requireId(userId, key);
  const adminId = uid("admin");

  // ── catalog ───────────────────────────────────────────────────────────────────────────────
  const courseId = new Map<string, string>();
  for (const course of COURSES) {
    const id = newId();
    courseId.set(course.code, id);
    plan.courses.push({
      id,
      code: course.code,
      slug: course.slug,
      titleKo: course.titleKo,
      titleEn: course.titleEn,
      summaryKo: course.summaryKo,
      summaryEn: course.summaryEn,
      descriptionKo: course.descriptionKo,
      descriptionEn: course.descriptionEn,
      outcomesKo: course.outcomesKo,
      outcomesEn: course.outcomesEn,
      category: course.category,
      level: course.level,
      durationDays: course.durationDays,
      durationHours: course.durationHours,
      deliveryLanguages: course.deliveryLanguages,
      listPriceKrw: course.listPriceKrw,
      defaultCapacity: course.defaultCapacity,
      requiresApproval: course.requiresApproval ?? false,
      // Week-long courses tolerate one missed day; short ones need every meeting.
      completionMinAttendancePct: course.durationDays >= 4 ? 80 : 100,
      published: course.published ?? true,
      createdAt: daysAgo(course.published === false ? 20 : rng.int(200, 1500)),
    });
  }
  for (const course of COURSES) {
    for (const prerequisite of course.prerequisites ?? []) {
      plan.coursePrerequisites.push({
        courseId: requireId(courseId, course.code),
        prerequisiteId: requireId(courseId, prerequisite),
      });
    }
  }

  // ── facilities ────────────────────────────────────────────────────────────────────────────
  const roomId = new Map<string, string>();
  for (const room of ROOMS) {
    const id = newId();
    roomId.set(room.code, id);
    plan.rooms.push({ id, ...room });
  }
  const equipmentId = new Map<string, string>();
  for (const unit of EQUIPMENT) {
    const id = newId();
    equipmentId.set(unit.code, id);
    plan.equipment.push({
      id,
      code: unit.code,
      nameKo: unit.nameKo,
      nameEn: unit.nameEn,
      kind: unit.kind,
      roomId: requireId(roomId, unit.roomCode),
    });
  }

  // ── sessions ──────────────────────────────────────────────────────────────────────────────
  const calendar = new BusyCalendar();
  const facilities = { rooms: ROOMS, equipment: EQUIPMENT, instructors: INSTRUCTORS };
  const sessions: SessionDraft[] = [];
  const courseByCode = new Map(COURSES.map((c) => [c.code, c]));

  const addSession = (
    course: CourseSeed,
    language: Locale,
    fromDay: SeoulDay,
    untilDay: SeoulDay,
    retryFromDay: SeoulDay,
    available: typeof facilities = facilities,
  ): SessionDraft | null => {
    const run =
      scheduleRun(calendar, available, course, language, fromDay, untilDay) ??
      scheduleRun(calendar, available, course, language, retryFromDay, untilDay);
    if (!run) return null;
    const room = ROOMS.find((r) => r.code === run.roomCode)!;
    const startsAt = run.meetings[0]!.startsAt;
    const endsAt = run.meetings.at(-1)!.endsAt;
    const draft: SessionDraft = {
      id: newId(),
      course,
      courseId: requireId(courseId, course.code),
      capacity: Math.min(course.defaultCapacity, room.capacity),
      language,
      status: "PUBLISHED",
      waitlistMode: "AUTO",
      meetings: run.meetings.map((m) => ({ ...m, id: newId() })),
      startsAt,
      endsAt,
      opensAt: addDays(startsAt, -REGISTRATION_OPENS_DAYS),
      closesAt: addDays(startsAt, -REGISTRATION_CLOSES_DAYS),
      leadInstructorId: uid(run.instructorKeys[0]!),
    };
    sessions.push(draft);
    plan.sessions.push({
      id: draft.id,
      courseId: draft.courseId,
      roomId: requireId(roomId, run.roomCode),
      capacity: draft.capacity,
      seatsHeld: 0, // set from the enrollments below
      minEnrollment: Math.max(2, Math.round(draft.capacity * 0.4)),
      registrationOpensAt: draft.opensAt,
      registrationClosesAt: draft.closesAt,
      cancellationCutoffAt: addDays(startsAt, -CANCELLATION_CUTOFF_DAYS),
      language,
      priceKrw: course.listPriceKrw,
      status: draft.status,
      waitlistMode: draft.waitlistMode,
      offerHours: 48,
      startsAt,
      endsAt,
      createdById: adminId,
      createdAt: before(addDays(draft.opensAt, -rng.int(7, 30)), daysAgo(rng.int(1, 5))),
    });
    run.instructorKeys.forEach((key, index) => {
      plan.sessionInstructors.push({ sessionId: draft.id, userId: uid(key), lead: index === 0 });
    });
    for (const code of run.equipmentCodes) {
      plan.sessionEquipment.push({
        sessionId: draft.id,
        equipmentId: requireId(equipmentId, code),
      });
    }
    for (const meeting of draft.meetings) {
      // room_id, active and the bookings' times are maintained by triggers; the values written
      // here are the same ones the triggers compute.
      plan.sessionMeetings.push({
        id: meeting.id,
        sessionId: draft.id,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        roomId: requireId(roomId, run.roomCode),
        active: true,
      });
      for (const key of run.instructorKeys) {
        plan.instructorBookings.push({
          id: newId(),
          meetingId: meeting.id,
          instructorId: uid(key),
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
        });
      }
      for (const code of run.equipmentCodes) {
        plan.equipmentBookings.push({
          id: newId(),
          meetingId: meeting.id,
          equipmentId: requireId(equipmentId, code),
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
        });
      }
    }
    return draft;
  };

  const pastSessions: SessionDraft[] = [];
  for (const past of PAST_RUNS) {
    const course = courseByCode.get(past.code)!;
    const session = addSession(
      course,
      course.deliveryLanguages[0]!,
      today - past.daysAgo,
      today,
      today - 60,
    );
    if (session) pastSessions.push(session);
  }

  // Every published course gets its first run inside the registration window (so the catalog
  // has something to enrol in everywhere), later runs spread over the six months. The runs the
  // demo stories need are placed first, at fixed distances from `now`, so the stories hold
  // whatever day the seed runs.
  const published = COURSES.filter((c) => c.published !== false && c.runs > 0);
  const planned: { course: CourseSeed; runIndex: number; target: SeoulDay; story: boolean }[] = [];
  published.forEach((course, index) => {
    const storyDay = STORY_RUNS[course.code];
    const first =
      today + (storyDay ?? 3 + Math.floor((index * FIRST_RUN_WINDOW_DAYS) / published.length));
    const spacing = Math.floor((HORIZON_DAYS - 8 - first + today) / course.runs);
    for (let runIndex = 0; runIndex < course.runs; runIndex++) {
      planned.push({
        course,
        runIndex,
        target: first + runIndex * spacing,
        story: storyDay !== undefined && runIndex === 0,
      });
    }
  });
  planned.sort((a, b) => Number(b.story) - Number(a.story) || a.target - b.target);
  const futureSessions: SessionDraft[] = [];
  for (const { course, runIndex, target } of planned) {
    // Bilingual courses run in English about every third time (English-first courses the reverse).
    const [primary, secondary] = course.deliveryLanguages;
    const language = secondary && runIndex % 3 === 1 ? secondary : primary!;
    const session = addSession(course, language, target, today + HORIZON_DAYS, today + 3);
    if (session) futureSessions.push(session);
  }
  futureSessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  // ── session statuses ──────────────────────────────────────────────────────────────────────
  const sessionRow = (draft: SessionDraft) => plan.sessions.find((s) => s.id === draft.id)!;
  const setStatus = (draft: SessionDraft, status: SessionStatus) => {
    draft.status = status;
    sessionRow(draft).status = status;
  };
  for (const session of pastSessions) setStatus(session, "COMPLETED");

  // The latest runs of frequently offered courses are still drafts being planned.
  const drafts = [...futureSessions]
    .reverse()
    .filter((s) => s.course.runs >= 3)
    .slice(0, 3);
  for (const session of drafts) setStatus(session, "DRAFT");

  const isOpen = (s: SessionDraft) =>
    s.status === "PUBLISHED" && s.opensAt <= now && s.startsAt > now;
  const designated = new Set<string>();
  /** the earliest open run matching `predicate` that no other story has taken */
  const findOpen = (predicate: (s: SessionDraft) => boolean): SessionDraft | undefined => {
    const found = futureSessions.find((s) => isOpen(s) && !designated.has(s.id) && predicate(s));
    if (found) designated.add(found.id);
    return found;
  };
  const inDays = (days: number) => addDays(now, days);

  // One run cancelled for low enrolment, with its enrolments cancelled by an admin.
  const cancelled =
    findOpen((s) => s.course.code === "FT-SUT-202" && s.startsAt > inDays(14)) ??
    findOpen((s) => s.course.runs >= 2 && s.startsAt > inDays(14));
  const cancelledAt = daysAgo(3);
  const cancelReason = "최소 수강 인원 미달로 취소되었습니다. 신청자에게 다음 일정을 안내했습니다.";
  if (cancelled) {
    setStatus(cancelled, "CANCELLED");
    Object.assign(sessionRow(cancelled), { cancelReason, cancelledAt });
    for (const meeting of plan.sessionMeetings)
      if (meeting.sessionId === cancelled.id) meeting.active = false;
  }

  // The stories the demo accounts see (see DEMO_ACCOUNTS): an upcoming confirmed run whose
  // prerequisite the demo trainee has completed, a waitlist place in a full lab, a waitlist
  // offer in another, and a partner seat block.
  const demoUpcoming =
    findOpen(
      (s) => s.course.code === "FT-USP-201" && s.startsAt > inDays(CANCELLATION_CUTOFF_DAYS + 1),
    ) ??
    findOpen((s) => s.course.code === "FT-USP-201") ??
    findOpen((s) => !s.course.requiresApproval);
  const demoWaitlist =
    findOpen((s) => s.course.code === "FT-CT-201") ??
    findOpen((s) => s.capacity <= 12 && !s.course.requiresApproval);
  const offerSession =
    findOpen((s) => s.course.code === "FT-DSP-201") ??
    findOpen((s) => s.capacity <= 12 && !s.course.requiresApproval);
  const seatBlockSession =
    findOpen(
      (s) => s.course.code === "FT-USP-101" && s.language === "ko" && s.startsAt > inDays(16),
    ) ?? findOpen((s) => !s.course.requiresApproval && s.capacity >= 10 && s.startsAt > inDays(16));

  // A run with exactly one seat left, first-come-first-served (AUTO waitlist), open to anyone:
  // the catalog's "last seat" badge, and the end-to-end test of enroll → waitlist → promotion.
  const openToAnyone = (s: SessionDraft) =>
    !s.course.requiresApproval &&
    (s.course.prerequisites ?? []).length === 0 &&
    s.startsAt > inDays(CANCELLATION_CUTOFF_DAYS + 3);
  const lastSeatSession =
    findOpen((s) => s.course.code === "FT-ANA-101" && openToAnyone(s)) ?? findOpen(openToAnyone);

  const profiles = new Map<string, Profile>();
  if (demoUpcoming) profiles.set(demoUpcoming.id, "MODERATE");
  if (lastSeatSession) profiles.set(lastSeatSession.id, "LAST_SEAT");
  if (demoWaitlist) profiles.set(demoWaitlist.id, "FULL_WAITLIST");
  if (offerSession) profiles.set(offerSession.id, "FULL_OFFER");
  if (seatBlockSession) profiles.set(seatBlockSession.id, "MODERATE");
  const longOpen = rng.shuffle(
    futureSessions.filter((s) => isOpen(s) && !designated.has(s.id) && s.opensAt <= daysAgo(14)),
  );
  for (const session of longOpen.slice(0, 2)) profiles.set(session.id, "FULL_WAITLIST");
  for (const session of longOpen.slice(2, 6)) profiles.set(session.id, "NEARLY_FULL");
  for (const session of futureSessions) {
    if (!isOpen(session) || profiles.has(session.id) || designated.has(session.id)) continue;
    const recentlyOpened = session.opensAt > daysAgo(10);
    profiles.set(session.id, recentlyOpened || rng.chance(0.35) ? "LOW" : "MODERATE");
  }
  // Offer-mode waitlists on some other runs too, so both modes are visible in the admin UI.
  for (const session of futureSessions) {
    if (
      session === offerSession ||
      (session !== lastSeatSession && session.status === "PUBLISHED" && rng.chance(0.2))
    ) {
      session.waitlistMode = "OFFER";
      sessionRow(session).waitlistMode = "OFFER";
    }
  }

  // ── cohorts and seat blocks ───────────────────────────────────────────────────────────────
  const cohortId = new Map<string, string>();
  for (const cohort of COHORTS) {
    const id = newId();
    cohortId.set(cohort.key, id);
    const coordinatorId = uid(cohort.coordinatorKey);
    // Before any seat block the seed requests for it (registration of story runs opens ≤ 60 days ago).
    const createdAt = daysAgo(rng.int(62, 80));
    plan.cohorts.push({
      id,
      organizationId: requireId(orgId, cohort.orgKey),
      name: cohort.name,
      program: cohort.program,
      description: cohort.description,
      startsOn: seoulDate(seoulDayOf(daysAgo(30))),
      createdById: coordinatorId,
      createdAt,
    });
    for (const member of cohort.members) {
      const linked = member.userKey ? trainees.find((t) => t.key === member.userKey) : undefined;
      if (member.userKey && !linked)
        throw new Error(`cohort member ${member.userKey} is not a trainee`);
      plan.cohortMembers.push({
        id: newId(),
        cohortId: id,
        email: linked?.email ?? member.email!,
        name: member.name,
        studentNumber: member.studentNumber,
        department: member.department,
        userId: linked ? uid(linked.key) : null,
        invitedAt: linked || member.invited ? addDays(createdAt, 1) : null,
        joinedAt: linked ? addDays(createdAt, rng.int(2, 10)) : null,
        createdAt,
      });
    }
    plan.auditLogs.push({
      id: newId(),
      actorId: coordinatorId,
      action: "cohort.import",
      entityType: "Cohort",
      entityId: id,
      data: { rows: cohort.members.length, created: cohort.members.length, skipped: 0 },
      createdAt,
    });
  }

  /** unclaimed approved seats per session, and the members who claimed theirs */
  const unclaimedSeats = new Map<string, number>();
  const claimed = new Map<string, { userKey: string; seatBlockId: string; approvedAt: Date }[]>();
  const partnerId = uid("partner");
  const addSeatBlock = (
    session: SessionDraft,
    cohortKey: string,
    requestedById: string,
    block: {
      requested: number;
      approved?: number;
      claimedBy?: string[];
      status: "REQUESTED" | "APPROVED" | "REJECTED";
      note: string;
      decisionReason?: string;
    },
  ) => {
    const id = newId();
    const requestedAt = before(addDays(session.opensAt, rng.int(1, 5)), daysAgo(6));
    const decidedAt = block.status === "REQUESTED" ? null : addDays(requestedAt, 1);
    const approved = block.approved ?? 0;
    const claimedBy = block.claimedBy ?? [];
    const releaseAt =
      [addDays(session.startsAt, -14), session.closesAt].find((d) => d > now) ?? session.closesAt;
    plan.seatBlocks.push({
      id,
      sessionId: session.id,
      cohortId: requireId(cohortId, cohortKey),
      requestedSeats: block.requested,
      approvedSeats: approved,
      claimedSeats: claimedBy.length,
      status: block.status,
      note: block.note,
      decisionReason: block.decisionReason ?? null,
      releaseAt: block.status === "APPROVED" ? releaseAt : null,
      requestedById,
      decidedById: decidedAt ? adminId : null,
      decidedAt,
      createdAt: requestedAt,
    });
    plan.auditLogs.push({
      id: newId(),
      actorId: requestedById,
      action: "seat-block.request",
      entityType: "SeatBlock",
      entityId: id,
      data: { sessionId: session.id, requestedSeats: block.requested },
      createdAt: requestedAt,
    });
    if (decidedAt) {
      plan.auditLogs.push({
        id: newId(),
        actorId: adminId,
        action: block.status === "APPROVED" ? "seat-block.approve" : "seat-block.reject",
        entityType: "SeatBlock",
        entityId: id,
        data:
          block.status === "APPROVED"
            ? { approvedSeats: approved }
            : { reason: block.decisionReason ?? null },
        createdAt: decidedAt,
      });
    }
    if (block.status === "APPROVED") {
      unclaimedSeats.set(
        session.id,
        (unclaimedSeats.get(session.id) ?? 0) + approved - claimedBy.length,
      );
      claimed.set(session.id, [
        ...(claimed.get(session.id) ?? []),
        ...claimedBy.map((userKey) => ({ userKey, seatBlockId: id, approvedAt: decidedAt! })),
      ]);
    }
  };
  if (seatBlockSession) {
    addSeatBlock(seatBlockSession, "inha-2026", partnerId, {
      requested: 6,
      approved: 6,
      claimedBy: ["doyun.kim", "chaewon.lee", "jiho.park"],
      status: "APPROVED",
      note: "생명공학과 실무반 업스트림 기초 실습 (학기 과목 연계)",
    });
  }
  if (demoWaitlist) {
    addSeatBlock(demoWaitlist, "inha-2026", partnerId, {
      requested: 4,
      status: "REJECTED",
      note: "화학공학과 학생 4명 클린룸 실습 희망",
      decisionReason:
        "클린룸 실습 일정은 기업 교육생에게 우선 배정됩니다. 다음 일정으로 다시 신청해 주세요.",
    });
  }
  const kopoTarget = futureSessions.find(
    (s) => s.status === "PUBLISHED" && s.course.code === "FT-ANA-101" && s.startsAt > inDays(20),
  );
  if (kopoTarget) {
    addSeatBlock(kopoTarget, "kopo-2026", uid("coord-kopo"), {
      requested: 6,
      status: "REQUESTED",
      note: "바이오분석시험과 2학년 산학 실습 과목 연계",
    });
  }

  // ── enrollments ───────────────────────────────────────────────────────────────────────────
  let invoiceSeq = 100;
  const payment = (
    userKey: string,
    status: EnrollmentStatus,
  ): { paymentStatus: PaymentStatus; invoiceRef: string | null } => {
    const org = userOrg.get(userKey);
    // Partner universities' students train under the partnership agreement.
    if (org && universityOrgs.has(org)) return { paymentStatus: "WAIVED", invoiceRef: null };
    if (status !== "CONFIRMED" && status !== "COMPLETED" && status !== "NO_SHOW") {
      return { paymentStatus: "UNPAID", invoiceRef: null };
    }
    const roll = status === "CONFIRMED" ? rng.next() : 0.9;
    const paymentStatus: PaymentStatus = roll < 0.35 ? "UNPAID" : roll < 0.7 ? "INVOICED" : "PAID";
    const year = new Date(now.getTime() + 9 * 3_600_000).getUTCFullYear();
    return {
      paymentStatus,
      invoiceRef:
        paymentStatus === "UNPAID" ? null : `FT-${year}-${String(++invoiceSeq).padStart(4, "0")}`,
    };
  };

  const addEnrollment = (
    session: SessionDraft,
    userKey: string,
    status: EnrollmentStatus,
    createdAt: Date,
    events: EventDraft[],
    extra: {
      source?: EnrollmentSource;
      seatBlockId?: string;
      waitlistRank?: number;
      offerExpiresAt?: Date;
      requestNote?: string;
      confirmedAt?: Date;
      cancelledAt?: Date;
      completedAt?: Date;
    } = {},
  ): string => {
    const id = newId();
    plan.enrollments.push({
      id,
      sessionId: session.id,
      userId: uid(userKey),
      status,
      source: extra.source ?? "SELF",
      seatBlockId: extra.seatBlockId ?? null,
      waitlistRank: extra.waitlistRank === undefined ? null : BigInt(extra.waitlistRank),
      offerExpiresAt: extra.offerExpiresAt ?? null,
      requestNote: extra.requestNote ?? null,
      ...payment(userKey, status),
      confirmedAt: extra.confirmedAt ?? null,
      cancelledAt: extra.cancelledAt ?? null,
      completedAt: extra.completedAt ?? null,
      createdAt,
      updatedAt: events.at(-1)?.at ?? createdAt,
    });
    for (const event of events) {
      plan.enrollmentEvents.push({
        id: newId(),
        enrollmentId: id,
        actorId: event.actorId,
        fromStatus: event.from,
        toStatus: event.to,
        reason: event.reason ?? null,
        data: event.data,
        createdAt: event.at,
      });
    }
    return id;
  };

  /** How a trainee came to hold a confirmed seat: directly, or after an admin's approval. */
  const confirmation = (
    session: SessionDraft,
    userKey: string,
    at: Date,
  ): { events: EventDraft[]; confirmedAt: Date } => {
    if (!session.course.requiresApproval) {
      return {
        events: [{ from: null, to: "CONFIRMED", at, actorId: uid(userKey) }],
        confirmedAt: at,
      };
    }
    const approvedAt = between(addHours(at, 0.25), before(addHours(at, 40), addHours(now, -0.5)));
    return {
      events: [
        { from: null, to: "PENDING_APPROVAL", at, actorId: uid(userKey) },
        { from: "PENDING_APPROVAL", to: "CONFIRMED", at: approvedAt, actorId: adminId },
      ],
      confirmedAt: approvedAt,
    };
  };

  const REQUEST_NOTES = [
    "현재 관련 공정 업무 2년 차입니다. 선수 과정은 사내 교육으로 이수했습니다.",
    "팀 내 기술이전 프로젝트 담당자로 지정되어 심화 과정이 필요합니다.",
    "I run this process at my site and need the advanced module before our next campaign.",
    "작년에 중급 과정을 수료했습니다.",
  ];

  /** `count` enrolment times in the session's registration window, oldest first. */
  const signUpTimes = (
    session: SessionDraft,
    count: number,
    latest: Date,
    earliest: Date = session.opensAt,
  ): Date[] => {
    const from = Math.max(earliest.getTime(), session.opensAt.getTime());
    const to = Math.min(latest.getTime(), session.closesAt.getTime(), now.getTime()) - 3_600_000;
    const span = Math.max(0, to - from);
    return Array.from({ length: count }, () => new Date(from + rng.next() * span)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
  };

  const demoKey = DEMO_TRAINEE.key;
  const pool = trainees.map((t) => t.key).filter((key) => key !== demoKey);
  const takeTrainees = (count: number, exclude: Set<string>): string[] => {
    const picked = rng
      .shuffle(pool.filter((key) => !exclude.has(key)))
      .slice(0, Math.max(0, count));
    for (const key of picked) exclude.add(key);
    return picked;
  };

  // Completed runs: attendance for every meeting, certificates for those who completed.
  for (const session of pastSessions) {
    const used = new Set<string>();
    const people = session === pastSessions[0] ? [demoKey] : [];
    people.push(...takeTrainees(session.capacity - rng.int(0, 3) - people.length, used));
    const times = signUpTimes(session, people.length, session.closesAt);
    const noShowIndex = people.length > 6 ? people.length - 1 : -1;
    const cancelIndex = people.length > 8 && rng.chance(0.6) ? people.length - 2 : -1;
    people.forEach((userKey, index) => {
      const at = times[index]!;
      const { events, confirmedAt } = confirmation(session, userKey, at);
      if (index === cancelIndex) {
        const cancelledAt = between(
          confirmedAt,
          addDays(session.startsAt, -CANCELLATION_CUTOFF_DAYS),
        );
        addEnrollment(
          session,
          userKey,
          "CANCELLED",
          at,
          [
            ...events,
            { from: "CONFIRMED", to: "CANCELLED", at: cancelledAt, actorId: uid(userKey) },
          ],
          { confirmedAt, cancelledAt },
        );
        return;
      }
      const finalStatus: EnrollmentStatus =
        index === noShowIndex && userKey !== demoKey ? "NO_SHOW" : "COMPLETED";
      const closedAt = addHours(session.endsAt, 1);
      const enrollmentId = addEnrollment(
        session,
        userKey,
        finalStatus,
        at,
        [
          ...events,
          { from: "CONFIRMED", to: finalStatus, at: closedAt, actorId: session.leadInstructorId },
        ],
        { confirmedAt, completedAt: finalStatus === "COMPLETED" ? closedAt : undefined },
      );
      for (const meeting of session.meetings) {
        plan.attendance.push({
          id: newId(),
          enrollmentId,
          meetingId: meeting.id,
          status: finalStatus === "NO_SHOW" ? "ABSENT" : rng.chance(0.07) ? "LATE" : "PRESENT",
          recordedById: session.leadInstructorId,
          recordedAt: addHours(meeting.startsAt, 0.5),
        });
      }
      if (finalStatus === "COMPLETED") {
        plan.certificates.push({
          id: newId(),
          enrollmentId,
          code: newCertificateCode(),
          hours: session.course.durationHours,
          issuedAt: before(addHours(session.endsAt, 18), addHours(now, -1)),
        });
      }
    });
  }

  // The cancelled run: its few enrolments were cancelled with it.
  if (cancelled) {
    const people = takeTrainees(3, new Set());
    const times = signUpTimes(cancelled, people.length, cancelledAt);
    people.forEach((userKey, index) => {
      const at = times[index]!;
      const { events, confirmedAt } = confirmation(cancelled, userKey, at);
      addEnrollment(
        cancelled,
        userKey,
        "CANCELLED",
        at,
        [
          ...events,
          {
            from: "CONFIRMED",
            to: "CANCELLED",
            at: cancelledAt,
            actorId: adminId,
            reason: cancelReason,
          },
        ],
        { confirmedAt, cancelledAt },
      );
    });
    plan.auditLogs.push({
      id: newId(),
      actorId: adminId,
      action: "session.cancel",
      entityType: "Session",
      entityId: cancelled.id,
      data: { reason: cancelReason, cancelledEnrollments: people.length },
      createdAt: cancelledAt,
    });
  }

  // Open runs: fill according to their profile.
  for (const session of futureSessions) {
    const profile = profiles.get(session.id);
    if (!profile) continue;
    const used = new Set<string>();
    const claims = claimed.get(session.id) ?? [];
    for (const claim of claims) used.add(claim.userKey);
    const reserved = claims.length + (unclaimedSeats.get(session.id) ?? 0);
    const seats = session.capacity - reserved;

    const confirmedCount =
      profile === "FULL_WAITLIST"
        ? seats
        : profile === "FULL_OFFER"
          ? seats - 1 // the last seat is on offer
          : profile === "LAST_SEAT"
            ? seats - 1
            : profile === "NEARLY_FULL"
              ? seats - rng.int(1, 2)
              : profile === "MODERATE"
                ? Math.round(seats * (0.35 + rng.next() * 0.4))
                : Math.round(seats * (0.05 + rng.next() * 0.25));
    const waitlistCount =
      profile === "FULL_WAITLIST" ? rng.int(2, 4) : profile === "FULL_OFFER" ? 3 : 0;
    const full = waitlistCount > 0;
    const pendingCount = session.course.requiresApproval && !full ? rng.int(1, 3) : 0;
    const historyCancel = !full && confirmedCount >= 3 && rng.chance(0.3) ? 1 : 0;

    const confirmedPeople = session === demoUpcoming ? [demoKey] : [];
    confirmedPeople.push(...takeTrainees(confirmedCount - confirmedPeople.length, used));
    const waitlistPeople = takeTrainees(waitlistCount, used);
    if (session === demoWaitlist) waitlistPeople.splice(1, 0, demoKey);
    const pendingPeople = takeTrainees(pendingCount, used);
    // Offer runs: one more trainee had a seat and cancelled it yesterday, which put the head of
    // the waitlist on offer. Other runs sometimes show a cancellation from earlier.
    const cancelledPeople = takeTrainees(profile === "FULL_OFFER" ? 1 : historyCancel, used);
    const offerAt = addHours(now, -18);

    // First come, first served: the earliest sign-ups hold the seats, later ones wait in order.
    const seatHolders = rng.shuffle([...confirmedPeople, ...cancelledPeople]);
    const latest = profile === "FULL_OFFER" ? addHours(offerAt, -2) : now;
    const times = signUpTimes(session, seatHolders.length + waitlistPeople.length, latest);
    const waitTimes = times.slice(seatHolders.length);

    seatHolders.forEach((userKey, index) => {
      const at = times[index]!;
      const { events, confirmedAt } = confirmation(session, userKey, at);
      if (!cancelledPeople.includes(userKey)) {
        addEnrollment(session, userKey, "CONFIRMED", at, events, { confirmedAt });
        return;
      }
      const cancelledAt =
        profile === "FULL_OFFER" ? offerAt : between(confirmedAt, addHours(now, -0.5));
      addEnrollment(
        session,
        userKey,
        "CANCELLED",
        at,
        [...events, { from: "CONFIRMED", to: "CANCELLED", at: cancelledAt, actorId: uid(userKey) }],
        { confirmedAt, cancelledAt },
      );
    });

    waitlistPeople.forEach((userKey, index) => {
      const at = waitTimes[index]!;
      const rank = index + 1;
      const joined: EventDraft = { from: null, to: "WAITLISTED", at, actorId: uid(userKey) };
      if (profile === "FULL_OFFER" && index === 0) {
        const offerExpiresAt = addHours(offerAt, 48);
        addEnrollment(
          session,
          userKey,
          "OFFERED",
          at,
          [
            joined,
            {
              from: "WAITLISTED",
              to: "OFFERED",
              at: offerAt,
              actorId: null,
              reason: "seat_freed",
              data: { offerExpiresAt: offerExpiresAt.toISOString() },
            },
          ],
          { waitlistRank: rank, offerExpiresAt },
        );
        return;
      }
      addEnrollment(session, userKey, "WAITLISTED", at, [joined], { waitlistRank: rank });
    });

    const pendingTimes = signUpTimes(session, pendingPeople.length, now);
    pendingPeople.forEach((userKey, index) => {
      const at = pendingTimes[index]!;
      addEnrollment(
        session,
        userKey,
        "PENDING_APPROVAL",
        at,
        [{ from: null, to: "PENDING_APPROVAL", at, actorId: uid(userKey) }],
        {
          requestNote: rng.pick(REQUEST_NOTES),
        },
      );
    });

    const claimTimes = claims.map((claim) => signUpTimes(session, 1, now, claim.approvedAt)[0]!);
    claims.forEach((claim, index) => {
      const at = claimTimes[index]!;
      addEnrollment(
        session,
        claim.userKey,
        "CONFIRMED",
        at,
        [
          {
            from: null,
            to: "CONFIRMED",
            at,
            actorId: uid(claim.userKey),
            data: { seatBlockId: claim.seatBlockId },
          },
        ],
        { source: "COHORT", seatBlockId: claim.seatBlockId, confirmedAt: at },
      );
    });
  }

  // Audit entries for the approvals an admin made above.
  for (const event of plan.enrollmentEvents) {
    if (event.fromStatus === "PENDING_APPROVAL" && event.toStatus === "CONFIRMED") {
      plan.auditLogs.push({
        id: newId(),
        actorId: adminId,
        action: "enrollment.approve",
        entityType: "Enrollment",
        entityId: event.enrollmentId,
        createdAt: event.createdAt,
      });
    }
  }
  const draftCourse = COURSES.find((c) => c.published === false);
  if (draftCourse) {
    plan.auditLogs.push({
      id: newId(),
      actorId: adminId,
      action: "course.create",
      entityType: "Course",
      entityId: requireId(courseId, draftCourse.code),
      data: { code: draftCourse.code },
      createdAt: daysAgo(20),
    });
  }

  // A run the demo instructor taught this week that is over but not yet completed: attendance
  // to take, then completion and certificates (the instructor's story, and its e2e test).
  const awaitingCompletion = addSession(
    courseByCode.get("FT-USP-101")!,
    "ko",
    today - 5,
    today - 1,
    today - 12,
    { ...facilities, instructors: INSTRUCTORS.filter((i) => i.key === "instructor") },
  );
  if (awaitingCompletion) {
    const people = takeTrainees(5, new Set());
    const times = signUpTimes(awaitingCompletion, people.length, awaitingCompletion.closesAt);
    people.forEach((userKey, index) => {
      const at = times[index]!;
      const { events, confirmedAt } = confirmation(awaitingCompletion, userKey, at);
      addEnrollment(awaitingCompletion, userKey, "CONFIRMED", at, events, { confirmedAt });
    });
  }

  // ── seats held: derived from the rows above, exactly as the enrollment engine keeps it ─────
  const held = new Map<string, number>();
  for (const enrollment of plan.enrollments) {
    if (enrollment.status === "CONFIRMED" || enrollment.status === "OFFERED") {
      held.set(enrollment.sessionId, (held.get(enrollment.sessionId) ?? 0) + 1);
    }
  }
  for (const block of plan.seatBlocks) {
    if (block.status === "APPROVED") {
      held.set(
        block.sessionId,
        (held.get(block.sessionId) ?? 0) + (block.approvedSeats ?? 0) - (block.claimedSeats ?? 0),
      );
    }
  }
  // Waitlist counters, as the engine keeps them: how many wait, and the last rank handed out.
  const waiting = new Map<string, number>();
  const lastRank = new Map<string, bigint>();
  for (const enrollment of plan.enrollments) {
    const rank = enrollment.waitlistRank == null ? null : BigInt(enrollment.waitlistRank);
    if (rank !== null && rank > (lastRank.get(enrollment.sessionId) ?? 0n)) {
      lastRank.set(enrollment.sessionId, rank);
    }
    if (enrollment.status === "WAITLISTED") {
      waiting.set(enrollment.sessionId, (waiting.get(enrollment.sessionId) ?? 0) + 1);
    }
  }
  for (const session of plan.sessions) {
    session.waitlistLength = waiting.get(session.id!) ?? 0;
    session.waitlistSeq = lastRank.get(session.id!) ?? 0n;
    session.seatsHeld = held.get(session.id!) ?? 0;
    if (session.seatsHeld > session.capacity) {
      throw new Error(
        `seed defect: session ${session.id} holds ${session.seatsHeld} of ${session.capacity} seats`,
      );
    }
  }

  // ── training requests ─────────────────────────────────────────────────────────────────────
  for (const request of TRAINING_REQUESTS) {
    const id = newId();
    const createdAt = daysAgo(request.daysAgo);
    const last = request.history.at(-1);
    plan.trainingRequests.push({
      id,
      kind: request.kind,
      company: request.company,
      contactName: request.contactName,
      email: request.email,
      phone: request.phone ?? null,
      topic: request.topic,
      headcount: request.headcount ?? null,
      preferredDates: request.preferredDates ?? null,
      message: request.message,
      locale: request.locale,
      status: last?.to ?? "NEW",
      createdAt,
      updatedAt: last ? addDays(createdAt, last.afterDays) : createdAt,
    });
    plan.trainingRequestEvents.push({
      id: newId(),
      requestId: id,
      actorId: null,
      fromStatus: null,
      toStatus: "NEW",
      createdAt,
    });
    let from: TrainingRequestStatus = "NEW";
    request.history.forEach((step, index) => {
      const at = addDays(createdAt, step.afterDays);
      const actorId = index % 2 === 0 ? adminId : uid("admin-2");
      plan.trainingRequestEvents.push({
        id: newId(),
        requestId: id,
        actorId,
        fromStatus: from,
        toStatus: step.to,
        note: step.note,
        createdAt: at,
      });
      plan.auditLogs.push({
        id: newId(),
        actorId,
        action: "training-request.update-status",
        entityType: "TrainingRequest",
        entityId: id,
        data: { from, to: step.to },
        createdAt: at,
      });
      from = step.to;
    });
  }

  plan.auditLogs.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  return plan;
}

/** Row counts for the summary line. */
export function summarizePlan(plan: SeedPlan): Record<string, number> {
  return Object.fromEntries(
    Object.entries(plan).map(([table, rows]) => [table, (rows as unknown[]).length]),
  );
}
