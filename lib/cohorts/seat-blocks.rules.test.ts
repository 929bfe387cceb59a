import { describe, expect, it } from "vitest";
import {
  claimRefusal,
  defaultReleaseAt,
  releaseAtProblem,
  seatBlockDisplayStatus,
  unclaimedSeats,
  type SeatBlockFacts,
} from "@/lib/cohorts/seat-blocks.rules";

const now = new Date("2026-05-01T00:00:00Z");
const block = (overrides: Partial<SeatBlockFacts> = {}): SeatBlockFacts => ({
  status: "APPROVED",
  approvedSeats: 4,
  claimedSeats: 0,
  releaseAt: new Date("2026-05-10T00:00:00Z"),
  releasedAt: null,
  ...overrides,
});

describe("seat-block rules", () => {
  it("name the status a coordinator reads", () => {
    expect(seatBlockDisplayStatus(block())).toBe("APPROVED");
    expect(seatBlockDisplayStatus(block({ claimedSeats: 2 }))).toBe("PARTLY_CLAIMED");
    expect(seatBlockDisplayStatus(block({ claimedSeats: 4 }))).toBe("FULLY_CLAIMED");
    expect(seatBlockDisplayStatus(block({ status: "RELEASED", claimedSeats: 2 }))).toBe("RELEASED");
    expect(seatBlockDisplayStatus(block({ status: "REQUESTED", approvedSeats: 0 }))).toBe("REQUESTED");
  });

  it("count only an open approved block's unclaimed seats as held", () => {
    expect(unclaimedSeats(block({ claimedSeats: 1 }))).toBe(3);
    expect(unclaimedSeats(block({ status: "RELEASED", claimedSeats: 1 }))).toBe(0);
    expect(unclaimedSeats(block({ status: "REQUESTED" }))).toBe(0);
  });

  it("release 7 days before the first meeting by default, and only between now and then", () => {
    const first = new Date("2026-05-20T00:00:00Z");
    expect(defaultReleaseAt(first).toISOString()).toBe("2026-05-13T00:00:00.000Z");
    expect(releaseAtProblem(new Date("2026-05-13T00:00:00Z"), first, now)).toBeNull();
    expect(releaseAtProblem(now, first, now)).toBe("SEAT_BLOCK_RELEASE_AT_PAST");
    expect(releaseAtProblem(first, first, now)).toBe("SEAT_BLOCK_RELEASE_AT_AFTER_START");
  });

  it("refuse a seat from a block that is not approved, released, past its date or full", () => {
    expect(claimRefusal(block(), now)).toBeNull();
    expect(claimRefusal(block({ status: "REQUESTED" }), now)).toBe("SEAT_BLOCK_NOT_APPROVED");
    expect(claimRefusal(block({ status: "REJECTED" }), now)).toBe("SEAT_BLOCK_NOT_APPROVED");
    expect(claimRefusal(block({ status: "RELEASED" }), now)).toBe("SEAT_BLOCK_RELEASED");
    expect(claimRefusal(block({ releaseAt: now }), now)).toBe("SEAT_BLOCK_RELEASED");
    expect(claimRefusal(block({ claimedSeats: 4 }), now)).toBe("SEAT_BLOCK_FULL");
  });
});
