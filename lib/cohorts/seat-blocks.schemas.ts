import { z } from "zod";
import { idField, intField, optionalText, pageField } from "@/lib/actions/fields";
import { DATE_TIME_PATTERN, isCalendarDate, seoulInstantOfLocal } from "@/lib/sessions/seoul-time";

/**
 * Schemas of the seat-block pages (partner coordinators, admins, members claiming a seat),
 * shared by the forms and the server. Pure zod. Messages are translation keys.
 */

/** No session seats more people than this; a request above the session's capacity is refused too. */
export const SEAT_BLOCK_SEATS_MAX = 200;
export const SEAT_BLOCK_NOTE_MAX = 1000;
export const SEAT_BLOCK_REASON_MAX = 1000;
export const SEAT_BLOCKS_PAGE_SIZE = 20;

export const requestSeatBlockSchema = z.object({
  sessionId: idField(),
  cohortId: idField(),
  seats: intField(1, SEAT_BLOCK_SEATS_MAX),
  note: optionalText(SEAT_BLOCK_NOTE_MAX),
});
export type RequestSeatBlockInput = z.output<typeof requestSeatBlockSchema>;

/** An optional `datetime-local` input read on the Seoul wall clock; "" means "the default". */
const optionalSeoulDateTime = () =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (DATE_TIME_PATTERN.test(v) && isCalendarDate(v.slice(0, 10))), {
      error: "validation.invalidFormat",
    })
    .transform((v) => (v ? seoulInstantOfLocal(v) : null));

/**
 * The admin's decision. The form has two buttons: "approve" with the number of seats (fewer
 * than requested approves partly) and the release date ("" = the default), and "reject". The
 * service reads 0 approved seats as a rejection, which needs a reason.
 */
const decisionShape = { blockId: idField(), reason: optionalText(SEAT_BLOCK_REASON_MAX) };
export const decideSeatBlockSchema = z
  .discriminatedUnion(
    "decision",
    [
      z.object({
        ...decisionShape,
        decision: z.literal("approve"),
        approvedSeats: intField(1, SEAT_BLOCK_SEATS_MAX),
        releaseAt: optionalSeoulDateTime(),
      }),
      z.object({ ...decisionShape, decision: z.literal("reject") }),
    ],
    { error: "validation.invalidChoice" },
  )
  .transform((value) =>
    value.decision === "approve"
      ? {
          blockId: value.blockId,
          approvedSeats: value.approvedSeats,
          reason: value.reason,
          releaseAt: value.releaseAt,
        }
      : { blockId: value.blockId, approvedSeats: 0, reason: value.reason, releaseAt: null },
  );
export type DecideSeatBlockInput = z.output<typeof decideSeatBlockSchema>;

export const assignSeatSchema = z.object({ blockId: idField(), memberId: idField() });
export type AssignSeatInput = z.output<typeof assignSeatSchema>;

export const seatBlockRefSchema = z.object({ blockId: idField() });
export type SeatBlockRefInput = z.output<typeof seatBlockRefSchema>;

/** Early release: every unclaimed seat, or only `seats` of them ("" = all). */
export const releaseSeatsSchema = z.object({
  blockId: idField(),
  seats: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    intField(1, SEAT_BLOCK_SEATS_MAX).optional(),
  ),
});
export type ReleaseSeatsInput = z.output<typeof releaseSeatsSchema>;

/** Filters of the block lists, as stored statuses; anything malformed falls back to "all". */
export const SEAT_BLOCK_STATUSES = [
  "REQUESTED",
  "APPROVED",
  "RELEASED",
  "REJECTED",
  "CANCELLED",
] as const;

export const listSeatBlocksQuerySchema = z.object({
  status: z.enum(SEAT_BLOCK_STATUSES).optional().catch(undefined),
  page: pageField(),
});
export type ListSeatBlocksQuery = z.output<typeof listSeatBlocksQuerySchema>;
