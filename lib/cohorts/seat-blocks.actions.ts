"use server";

import { createAction } from "@/lib/actions/action";
import {
  assignSeatSchema,
  decideSeatBlockSchema,
  releaseSeatsSchema,
  requestSeatBlockSchema,
  seatBlockRefSchema,
} from "@/lib/cohorts/seat-blocks.schemas";
import {
  assignSeat,
  claimSeat,
  decideSeatBlock,
  releaseSeatsEarly,
  requestSeatBlock,
  sendClaimLinks,
  withdrawSeatBlock,
} from "@/lib/cohorts/seat-blocks.service";

/**
 * Server actions of the seat-block pages. Thin: the wrapper authenticates, checks the
 * permission and validates; the service checks again, scopes the block (a coordinator's own
 * organization, a member's own cohorts) and does the work under the session's seat lock.
 */

const PARTNER_BLOCKS = "/[locale]/partner/seat-blocks";
const PARTNER_BLOCK = "/[locale]/partner/seat-blocks/[id]";
const PARTNER_DASHBOARD = "/[locale]/partner";
const ADMIN_BLOCKS = "/[locale]/admin/seat-blocks";
const CLAIM_PAGE = "/[locale]/seat-blocks/[id]/claim";
const MY_ENROLLMENTS = "/[locale]/me/enrollments";
const COURSE_PAGE = "/[locale]/courses/[slug]";

export const requestSeatBlockAction = createAction({
  name: "seatBlocks.request",
  permission: "seat-block:request:own-org",
  schema: requestSeatBlockSchema,
  handler: async (user, data, { ip }) => {
    const { blockId } = await requestSeatBlock(user, data, { ip });
    return {
      revalidate: [PARTNER_BLOCKS, PARTNER_DASHBOARD, ADMIN_BLOCKS],
      redirectTo: `/partner/seat-blocks/${blockId}?notice=requested`,
    };
  },
});

export const withdrawSeatBlockAction = createAction({
  name: "seatBlocks.withdraw",
  permission: "seat-block:request:own-org",
  schema: seatBlockRefSchema,
  handler: async (user, data, { ip }) => {
    await withdrawSeatBlock(user, data, { ip });
    return {
      message: "seatBlocks.detail.withdrawn",
      revalidate: [PARTNER_BLOCKS, PARTNER_BLOCK, PARTNER_DASHBOARD, ADMIN_BLOCKS],
    };
  },
});

export const decideSeatBlockAction = createAction({
  name: "seatBlocks.decide",
  permission: "seat-block:decide",
  schema: decideSeatBlockSchema,
  handler: async (user, data, { ip }) => {
    const { status } = await decideSeatBlock(user, data, { ip });
    // The decided request leaves the queue (and its form with it): the page says what happened.
    const notice = status === "APPROVED" ? `approved&seats=${data.approvedSeats}` : "rejected";
    return {
      revalidate: [ADMIN_BLOCKS, PARTNER_BLOCKS, PARTNER_BLOCK, PARTNER_DASHBOARD, COURSE_PAGE],
      redirectTo: `/admin/seat-blocks?notice=${notice}`,
    };
  },
});

export const assignSeatAction = createAction({
  name: "seatBlocks.assign",
  permission: "seat-block:request:own-org",
  schema: assignSeatSchema,
  handler: async (user, data, { ip }) => {
    await assignSeat(user, data, { ip });
    return {
      message: "seatBlocks.detail.assigned",
      resetForm: true,
      revalidate: [PARTNER_BLOCK, PARTNER_BLOCKS, PARTNER_DASHBOARD],
    };
  },
});

export const releaseSeatsAction = createAction({
  name: "seatBlocks.release",
  permission: "seat-block:request:own-org",
  schema: releaseSeatsSchema,
  handler: async (user, data, { ip }) => {
    const { released, remaining } = await releaseSeatsEarly(user, data, { ip });
    return {
      message: remaining > 0 ? "seatBlocks.detail.releasedSome" : "seatBlocks.detail.releasedAll",
      messageParams: { released, remaining },
      resetForm: true,
      revalidate: [PARTNER_BLOCK, PARTNER_BLOCKS, PARTNER_DASHBOARD, COURSE_PAGE],
    };
  },
});

export const sendClaimLinksAction = createAction({
  name: "seatBlocks.sendClaimLinks",
  permission: "seat-block:request:own-org",
  schema: seatBlockRefSchema,
  handler: async (user, data, { ip }) => {
    const { sent } = await sendClaimLinks(user, data, { ip });
    return {
      message: "seatBlocks.detail.claimLinksSent",
      messageParams: { count: sent },
      revalidate: [PARTNER_BLOCK],
    };
  },
});

export const claimSeatAction = createAction({
  name: "seatBlocks.claim",
  permission: "seat-block:claim:own",
  schema: seatBlockRefSchema,
  handler: async (user, data, { ip }) => {
    await claimSeat(user, data, { ip });
    return {
      message: "seatBlocks.claim.claimed",
      revalidate: [CLAIM_PAGE, MY_ENROLLMENTS, PARTNER_BLOCK, PARTNER_DASHBOARD],
    };
  },
});
