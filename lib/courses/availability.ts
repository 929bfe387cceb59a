/**
 * How full a session is, as the catalog and the course page show it. Pure, so the badge rules
 * have one definition and a unit test.
 */

export type SeatAvailability = "available" | "low" | "full";
export type RegistrationState = "open" | "not-open-yet" | "closed";

/** At most this many seats left (or at most LOW_SHARE of the capacity) reads as "few seats". */
export const LOW_SEATS = 3;
export const LOW_SHARE = 0.2;

export function seatAvailability(capacity: number, seatsHeld: number): SeatAvailability {
  const left = capacity - seatsHeld;
  if (left <= 0) return "full";
  if (left <= LOW_SEATS || left <= capacity * LOW_SHARE) return "low";
  return "available";
}

export function registrationState(
  window: { registrationOpensAt: Date; registrationClosesAt: Date },
  now: Date,
): RegistrationState {
  if (now < window.registrationOpensAt) return "not-open-yet";
  if (now >= window.registrationClosesAt) return "closed";
  return "open";
}
