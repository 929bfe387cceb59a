import type { SeatBlockStatus } from "@/lib/generated/prisma/enums";

/**
 * The seat-block rules that do not need the database, shared by the service (which applies them
 * under the session lock) and the pages (which show what the service will do). Pure.
 *
 * Life of a block: REQUESTED → APPROVED (its seats are held for the cohort: they count in
 * `sessions.seats_held`) or REJECTED; a REQUESTED block may be withdrawn (CANCELLED), and a
 * cancelled session cancels its blocks. Members claim APPROVED seats (`claimed_seats` + 1, a
 * confirmed enrollment). At the release date, or earlier when the coordinator says so, the
 * unclaimed seats are freed and the block becomes RELEASED; its numbers stay as the record
 * (see docs/decisions/0008-seat-blocks.md).
 */

/** Days before the first meeting when unclaimed seats go back to everyone, unless set otherwise. */
export const DEFAULT_RELEASE_DAYS = 7;
const DAY_MS = 86_400_000;

/** What a coordinator or an admin reads about a block. */
export type SeatBlockDisplayStatus =
  | "REQUESTED"
  | "APPROVED"
  | "PARTLY_CLAIMED"
  | "FULLY_CLAIMED"
  | "RELEASED"
  | "REJECTED"
  | "CANCELLED";

export type SeatBlockFacts = {
  status: SeatBlockStatus;
  approvedSeats: number;
  claimedSeats: number;
  releaseAt: Date | null;
  releasedAt: Date | null;
};

export function seatBlockDisplayStatus(block: SeatBlockFacts): SeatBlockDisplayStatus {
  if (block.status !== "APPROVED") return block.status;
  if (block.claimedSeats === 0) return "APPROVED";
  return block.claimedSeats < block.approvedSeats ? "PARTLY_CLAIMED" : "FULLY_CLAIMED";
}

/** Seats the block holds for the cohort right now (they count against the session's capacity). */
export function unclaimedSeats(block: SeatBlockFacts): number {
  if (block.status !== "APPROVED" || block.releasedAt) return 0;
  return Math.max(0, block.approvedSeats - block.claimedSeats);
}

export function defaultReleaseAt(firstMeetingAt: Date): Date {
  return new Date(firstMeetingAt.getTime() - DEFAULT_RELEASE_DAYS * DAY_MS);
}

export type ReleaseAtProblem = "SEAT_BLOCK_RELEASE_AT_PAST" | "SEAT_BLOCK_RELEASE_AT_AFTER_START";

/** A release date must lie ahead and before the first meeting (members need time to claim). */
export function releaseAtProblem(
  releaseAt: Date,
  firstMeetingAt: Date,
  now: Date,
): ReleaseAtProblem | null {
  if (releaseAt.getTime() <= now.getTime()) return "SEAT_BLOCK_RELEASE_AT_PAST";
  if (releaseAt.getTime() >= firstMeetingAt.getTime()) return "SEAT_BLOCK_RELEASE_AT_AFTER_START";
  return null;
}

export type ClaimRefusal = "SEAT_BLOCK_NOT_APPROVED" | "SEAT_BLOCK_RELEASED" | "SEAT_BLOCK_FULL";

/** Why nobody can take a seat of this block now, or null when one can be taken. */
export function claimRefusal(block: SeatBlockFacts, now: Date): ClaimRefusal | null {
  if (block.status === "RELEASED" || block.releasedAt) return "SEAT_BLOCK_RELEASED";
  if (block.status !== "APPROVED") return "SEAT_BLOCK_NOT_APPROVED";
  if (block.releaseAt && block.releaseAt.getTime() <= now.getTime()) return "SEAT_BLOCK_RELEASED";
  if (block.claimedSeats >= block.approvedSeats) return "SEAT_BLOCK_FULL";
  return null;
}
