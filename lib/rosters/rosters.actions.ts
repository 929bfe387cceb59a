"use server";

import { createAction } from "@/lib/actions/action";
import {
  approveEnrollment,
  cancelEnrollment,
  changeCapacity,
  rejectEnrollment,
  reorderWaitlist,
} from "@/lib/enrollments/enrollments.service";
import {
  addTraineeSchema,
  cancelTraineeSchema,
  changeCapacitySchema,
  moveTraineeSchema,
  rejectEnrollmentSchema,
  reorderWaitlistSchema,
  rosterEnrollmentSchema,
  updatePaymentSchema,
} from "@/lib/rosters/rosters.schemas";
import { addTraineeByEmail, moveTrainee, updatePayment } from "@/lib/rosters/rosters.service";

/**
 * Server actions of the session roster. Thin: the wrapper authenticates, validates and checks the
 * permission; the engine (lib/enrollments/enrollments.service.ts) checks again, scopes the
 * records to the sessions the actor may manage, changes seats under the session lock, mails the
 * trainee and writes the audit entry. `roster:manage:assigned` is held by instructors and
 * admins; reordering the waitlist, capacity and billing are the admins' alone.
 */

const ROSTER_PAGES = [
  "/[locale]/sessions/[id]/roster",
  "/[locale]/instructor/sessions",
  "/[locale]/admin/sessions",
];

export const approveEnrollmentAction = createAction({
  name: "roster.approve",
  permission: "roster:manage:assigned",
  schema: rosterEnrollmentSchema,
  handler: async (user, data, { ip }) => {
    const outcome = await approveEnrollment(user, data, { ip });
    return {
      message:
        outcome.status === "WAITLISTED" ? "roster.result.approvedWaitlisted" : "roster.result.approved",
      messageParams: { position: outcome.position ?? 0 },
      revalidate: ROSTER_PAGES,
    };
  },
});

export const rejectEnrollmentAction = createAction({
  name: "roster.reject",
  permission: "roster:manage:assigned",
  schema: rejectEnrollmentSchema,
  handler: async (user, data, { ip }) => {
    await rejectEnrollment(user, data, { ip });
    return { message: "roster.result.rejected", resetForm: true, revalidate: ROSTER_PAGES };
  },
});

export const addTraineeAction = createAction({
  name: "roster.add",
  permission: "roster:manage:assigned",
  schema: addTraineeSchema,
  handler: async (user, data, { ip }) => {
    const outcome = await addTraineeByEmail(user, data, { ip });
    return {
      message: outcome.status === "WAITLISTED" ? "roster.result.addedWaitlisted" : "roster.result.added",
      messageParams: { email: data.email, position: outcome.position ?? 0 },
      resetForm: true,
      revalidate: ROSTER_PAGES,
    };
  },
});

export const cancelTraineeAction = createAction({
  name: "roster.cancel",
  permission: "roster:manage:assigned",
  schema: cancelTraineeSchema,
  handler: async (user, data, { ip }) => {
    await cancelEnrollment(user, data, { ip });
    return { message: "roster.result.cancelled", resetForm: true, revalidate: ROSTER_PAGES };
  },
});

export const moveTraineeAction = createAction({
  name: "roster.move",
  permission: "roster:manage:assigned",
  schema: moveTraineeSchema,
  handler: async (user, data, { ip }) => {
    await moveTrainee(user, data, { ip });
    return { message: "roster.result.moved", resetForm: true, revalidate: ROSTER_PAGES };
  },
});

export const reorderWaitlistAction = createAction({
  name: "roster.reorderWaitlist",
  permission: "waitlist:reorder",
  schema: reorderWaitlistSchema,
  handler: async (user, data, { ip }) => {
    const { position } = await reorderWaitlist(user, data, { ip });
    return {
      message: "roster.result.reordered",
      messageParams: { position },
      resetForm: true,
      revalidate: ROSTER_PAGES,
    };
  },
});

export const changeCapacityAction = createAction({
  name: "roster.changeCapacity",
  permission: "session:schedule",
  schema: changeCapacitySchema,
  handler: async (user, data, { ip }) => {
    const result = await changeCapacity(user, data, { ip });
    return {
      message: "roster.result.capacityChanged",
      messageParams: { capacity: result.capacity, held: result.seatsHeld },
      revalidate: ROSTER_PAGES,
    };
  },
});

export const updatePaymentAction = createAction({
  name: "roster.updatePayment",
  permission: "enrollment:manage:any",
  schema: updatePaymentSchema,
  handler: async (user, data, { ip }) => {
    const { changed } = await updatePayment(user, data, { ip });
    return {
      message: changed ? "roster.result.paymentSaved" : "roster.result.paymentUnchanged",
      revalidate: changed ? ROSTER_PAGES : [],
    };
  },
});
