"use server";

import { createAction } from "@/lib/actions/action";
import {
  cancelEnrollmentSchema,
  enrollmentIdSchema,
  enrollSchema,
} from "@/lib/enrollments/enrollments.schemas";
import {
  cancelEnrollment,
  claimOffer,
  declineOffer,
  enroll,
} from "@/lib/enrollments/enrollments.service";

/**
 * Server actions of the trainee's side of the engine (course page, My enrollments). Thin: the
 * wrapper authenticates, validates and checks the permission; the service checks again, scopes
 * the records and does the work. The engine invalidates the catalog's cached seat counts.
 */

const MY_ENROLLMENTS = "/[locale]/me/enrollments";
const COURSE_PAGE = "/[locale]/courses/[slug]";

export const enrollAction = createAction({
  name: "enrollments.enroll",
  permission: "enrollment:create:own",
  schema: enrollSchema,
  handler: async (user, data) => {
    const outcome = await enroll(user, data);
    return {
      message: `enrollments.result.${outcome.status}`,
      messageParams: { position: outcome.position ?? 0 },
      revalidate: [COURSE_PAGE, MY_ENROLLMENTS],
    };
  },
});

export const cancelEnrollmentAction = createAction({
  name: "enrollments.cancel",
  permission: "enrollment:cancel:own",
  schema: cancelEnrollmentSchema,
  handler: async (user, data, context) => {
    await cancelEnrollment(user, data, { ip: context.ip });
    return { message: "enrollments.result.CANCELLED", revalidate: [MY_ENROLLMENTS, COURSE_PAGE] };
  },
});

export const claimOfferAction = createAction({
  name: "enrollments.claimOffer",
  permission: "enrollment:respond-offer:own",
  schema: enrollmentIdSchema,
  handler: async (user, data) => {
    await claimOffer(user, data);
    return { message: "enrollments.result.CLAIMED", revalidate: [MY_ENROLLMENTS, COURSE_PAGE] };
  },
});

export const declineOfferAction = createAction({
  name: "enrollments.declineOffer",
  permission: "enrollment:respond-offer:own",
  schema: enrollmentIdSchema,
  handler: async (user, data) => {
    await declineOffer(user, data);
    return { message: "enrollments.result.DECLINED", revalidate: [MY_ENROLLMENTS, COURSE_PAGE] };
  },
});
