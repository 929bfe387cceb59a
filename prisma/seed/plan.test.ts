import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { buildSeedPlan, type SeedPlan } from "./plan";

// The plan is built around `now`, so check it on many days: weekends, month ends, fixed
// holidays, the turn of the year and every hour of the Seoul day all move the schedule.
const START = Date.UTC(2026, 0, 1, 3);
const PLANS = Array.from({ length: 75 }, (_, i) => {
  const now = new Date(START + i * 5 * 86_400_000 + (i % 24) * 3_600_000);
  return { now, plan: buildSeedPlan({ now, passwordHash: "hash" }) };
});

/** Runs `check` on every plan, naming the failing `now` in the assertion message. */
function eachPlan(check: (plan: SeedPlan, now: Date, at: string) => void) {
  for (const { now, plan } of PLANS) check(plan, now, `now = ${now.toISOString()}`);
}

type Range = { startsAt: Date; endsAt: Date };

function firstOverlap<T extends Range>(ranges: T[]): [T, T] | null {
  const sorted = [...ranges].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startsAt < sorted[i - 1]!.endsAt) return [sorted[i - 1]!, sorted[i]!];
  }
  return null;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

const time = (value: unknown) => (value as Date).getTime();

describe("buildSeedPlan", () => {
  it("books no room, instructor or piece of equipment into overlapping meetings", () => {
    eachPlan((plan, _now, at) => {
      const cancelled = new Set(
        plan.sessions.filter((s) => s.status === "CANCELLED").map((s) => s.id),
      );
      const meetings = new Map(
        plan.sessionMeetings
          .filter((m) => !cancelled.has(m.sessionId))
          .map((m) => [
            m.id!,
            { startsAt: m.startsAt as Date, endsAt: m.endsAt as Date, roomId: m.roomId ?? "" },
          ]),
      );
      for (const ranges of groupBy([...meetings.values()], (m) => m.roomId)) {
        expect(firstOverlap(ranges), at).toBeNull();
      }
      const bookings = [
        ...plan.instructorBookings.map((b) => ({
          meetingId: b.meetingId,
          resource: b.instructorId,
        })),
        ...plan.equipmentBookings.map((b) => ({ meetingId: b.meetingId, resource: b.equipmentId })),
      ].flatMap((b) => {
        const meeting = meetings.get(b.meetingId);
        return meeting ? [{ ...meeting, resource: b.resource }] : [];
      });
      for (const ranges of groupBy(bookings, (b) => b.resource))
        expect(firstOverlap(ranges), at).toBeNull();
    });
  });

  it("meets on weekdays within Seoul office hours, one meeting a day", () => {
    eachPlan((plan, _now, at) => {
      for (const meeting of plan.sessionMeetings) {
        const start = new Date(time(meeting.startsAt) + 9 * 3_600_000);
        const end = new Date(time(meeting.endsAt) + 9 * 3_600_000);
        expect([1, 2, 3, 4, 5], at).toContain(start.getUTCDay());
        expect(start.getUTCHours(), at).toBeGreaterThanOrEqual(9);
        expect(end.getUTCHours() * 60 + end.getUTCMinutes(), at).toBeLessThanOrEqual(17 * 60);
        expect(end.toISOString().slice(0, 10), at).toBe(start.toISOString().slice(0, 10));
      }
      for (const meetings of groupBy(plan.sessionMeetings, (m) => m.sessionId)) {
        const days = meetings.map((m) =>
          new Date(time(m.startsAt) + 9 * 3_600_000).toISOString().slice(0, 10),
        );
        expect(new Set(days).size, at).toBe(days.length);
      }
    });
  });

  it("holds exactly the confirmed, offered and unclaimed seat-block seats, never more than capacity", () => {
    eachPlan((plan, _now, at) => {
      for (const session of plan.sessions) {
        const enrolled = plan.enrollments.filter(
          (e) => e.sessionId === session.id && (e.status === "CONFIRMED" || e.status === "OFFERED"),
        ).length;
        const unclaimed = plan.seatBlocks
          .filter((b) => b.sessionId === session.id && b.status === "APPROVED")
          .reduce((sum, b) => sum + (b.approvedSeats ?? 0) - (b.claimedSeats ?? 0), 0);
        expect(session.seatsHeld, at).toBe(enrolled + unclaimed);
        expect(session.seatsHeld, at).toBeLessThanOrEqual(session.capacity);
      }
    });
  });

  it("keeps each session's waitlist counters: how many wait, and a last rank no one is above", () => {
    eachPlan((plan, _now, at) => {
      for (const session of plan.sessions) {
        const mine = plan.enrollments.filter((e) => e.sessionId === session.id);
        const waiting = mine.filter((e) => e.status === "WAITLISTED").length;
        const ranks = mine.flatMap((e) => (e.waitlistRank == null ? [] : [BigInt(e.waitlistRank)]));
        const last = ranks.reduce((max, rank) => (rank > max ? rank : max), 0n);
        expect(session.waitlistLength, at).toBe(waiting);
        expect(session.waitlistSeq, at).toBe(last);
      }
      expect(
        plan.sessions.some((s) => Number(s.waitlistLength) > 0),
        at,
      ).toBe(true);
    });
  });

  it("publishes at least 60 runs in the next six months with consistent registration windows", () => {
    eachPlan((plan, now, at) => {
      const sixMonths = new Date(now);
      sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
      const upcoming = plan.sessions.filter(
        (s) =>
          s.status === "PUBLISHED" &&
          time(s.startsAt) > now.getTime() &&
          time(s.startsAt) < sixMonths.getTime(),
      );
      expect(upcoming.length, at).toBeGreaterThanOrEqual(60);
      for (const session of plan.sessions) {
        expect(time(session.registrationOpensAt), at).toBeLessThan(
          time(session.registrationClosesAt),
        );
        expect(time(session.registrationClosesAt), at).toBeLessThan(time(session.startsAt));
        expect(time(session.cancellationCutoffAt), at).toBeLessThan(time(session.startsAt));
      }
      const past = plan.sessions.filter((s) => s.status === "COMPLETED");
      expect(past.length, at).toBeGreaterThanOrEqual(3);
      for (const session of past) expect(time(session.endsAt), at).toBeLessThan(now.getTime());
    });
  });

  it("keeps one active enrollment per trainee and session", () => {
    eachPlan((plan, _now, at) => {
      const active = plan.enrollments.filter((e) =>
        ["PENDING_APPROVAL", "CONFIRMED", "WAITLISTED", "OFFERED"].includes(e.status),
      );
      const keys = active.map((e) => `${e.sessionId}:${e.userId}`);
      expect(new Set(keys).size, at).toBe(keys.length);
    });
  });

  it("ranks each waitlist first come, first served", () => {
    eachPlan((plan, _now, at) => {
      const waiting = plan.enrollments.filter(
        (e) => e.status === "WAITLISTED" || e.status === "OFFERED",
      );
      for (const list of groupBy(waiting, (e) => e.sessionId)) {
        const byRank = [...list].sort((a, b) => Number(a.waitlistRank) - Number(b.waitlistRank));
        const byTime = [...list].sort((a, b) => time(a.createdAt) - time(b.createdAt));
        expect(
          byRank.map((e) => e.id),
          at,
        ).toEqual(byTime.map((e) => e.id));
      }
    });
  });

  it("records every enrollment's history from its first status to its current one, all in the past", () => {
    eachPlan((plan, now, at) => {
      for (const events of groupBy(plan.enrollmentEvents, (e) => e.enrollmentId)) {
        events.sort((a, b) => time(a.createdAt) - time(b.createdAt));
        const enrollment = plan.enrollments.find((e) => e.id === events[0]!.enrollmentId)!;
        expect(events[0]!.fromStatus, at).toBeNull();
        expect(events.at(-1)!.toStatus, at).toBe(enrollment.status);
        for (let i = 1; i < events.length; i++)
          expect(events[i]!.fromStatus, at).toBe(events[i - 1]!.toStatus);
        for (const event of events)
          expect(time(event.createdAt), at).toBeLessThanOrEqual(now.getTime());
      }
      expect(new Set(plan.enrollmentEvents.map((e) => e.enrollmentId)).size, at).toBe(
        plan.enrollments.length,
      );
    });
  });

  it("gives the demo trainee a cancellable upcoming run, a waitlist place and a certificate", () => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === "TRAINEE")!.email;
    eachPlan((plan, now, at) => {
      const demo = plan.users.find((u) => u.email === email)!;
      const mine = plan.enrollments.filter((e) => e.userId === demo.id);
      const upcoming = mine.find((e) => e.status === "CONFIRMED");
      const session = plan.sessions.find((s) => s.id === upcoming?.sessionId);
      expect(time(session?.cancellationCutoffAt), at).toBeGreaterThan(now.getTime());
      expect(
        mine.some((e) => e.status === "WAITLISTED"),
        at,
      ).toBe(true);
      const completed = mine.find((e) => e.status === "COMPLETED");
      expect(
        plan.certificates.some((c) => c.enrollmentId === completed?.id),
        at,
      ).toBe(true);
    });
  });

  it("shows one live waitlist offer, pending approvals, a partly claimed seat block and a cancelled run", () => {
    eachPlan((plan, now, at) => {
      const offered = plan.enrollments.filter((e) => e.status === "OFFERED");
      expect(offered, at).toHaveLength(1);
      expect(time(offered[0]!.offerExpiresAt), at).toBeGreaterThan(now.getTime());
      expect(
        plan.enrollments.some((e) => e.status === "PENDING_APPROVAL"),
        at,
      ).toBe(true);
      const block = plan.seatBlocks.find((b) => b.status === "APPROVED");
      expect(block?.claimedSeats, at).toBeGreaterThan(0);
      expect(block?.claimedSeats, at).toBeLessThan(block?.approvedSeats ?? 0);
      expect(time(block?.releaseAt), at).toBeGreaterThan(now.getTime());
      const claims = plan.enrollments.filter((e) => e.seatBlockId === block?.id);
      expect(claims, at).toHaveLength(block?.claimedSeats ?? -1);
      for (const claim of claims) {
        expect(claim.source, at).toBe("COHORT");
        expect(time(claim.createdAt), at).toBeGreaterThan(time(block?.decidedAt));
      }
      expect(
        plan.sessions.filter((s) => s.status === "CANCELLED" && s.cancelReason),
        at,
      ).toHaveLength(1);
    });
  });
});
