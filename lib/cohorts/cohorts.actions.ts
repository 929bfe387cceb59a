"use server";

import { createAction, type ActionResult } from "@/lib/actions/action";
import {
  addMemberSchema,
  confirmImportSchema,
  createCohortSchema,
  memberRefSchema,
  resendInvitationSchema,
  setCohortArchivedSchema,
  updateCohortSchema,
  updateMemberSchema,
} from "@/lib/cohorts/cohorts.schemas";
import {
  addCohortMember,
  confirmMemberImport,
  createCohort,
  removeCohortMember,
  resendCohortInvitation,
  setCohortArchived,
  updateCohort,
  updateCohortMember,
  type ImportPreview,
} from "@/lib/cohorts/cohorts.service";
import { previewImportDefinition } from "@/lib/cohorts/preview-action";

/**
 * Server actions of the partner cohort pages. Thin: the wrapper authenticates, checks the
 * permission (coordinators hold `cohort:manage:own-org`, admins every permission) and
 * validates; the service checks again, scopes every record to the coordinator's organization
 * and does the work.
 */

const COHORTS = "/[locale]/partner/cohorts";
const COHORT = "/[locale]/partner/cohorts/[id]";
const PERMISSION = "cohort:manage:own-org";

export const createCohortAction = createAction({
  name: "cohorts.create",
  permission: PERMISSION,
  schema: createCohortSchema,
  handler: async (user, data, { ip }) => {
    const { cohortId } = await createCohort(user, data, { ip });
    return { revalidate: [COHORTS], redirectTo: `/partner/cohorts/${cohortId}?notice=created` };
  },
});

export const updateCohortAction = createAction({
  name: "cohorts.update",
  permission: PERMISSION,
  schema: updateCohortSchema,
  handler: async (user, data, { ip }) => {
    await updateCohort(user, data, { ip });
    return {
      revalidate: [COHORTS, COHORT],
      redirectTo: `/partner/cohorts/${data.cohortId}?notice=updated`,
    };
  },
});

export const setCohortArchivedAction = createAction({
  name: "cohorts.setArchived",
  permission: PERMISSION,
  schema: setCohortArchivedSchema,
  handler: async (user, data, { ip }) => {
    await setCohortArchived(user, data, { ip });
    return {
      message: data.archived ? "cohorts.detail.archived" : "cohorts.detail.restored",
      revalidate: [COHORTS, COHORT],
    };
  },
});

export const addMemberAction = createAction({
  name: "cohorts.addMember",
  permission: PERMISSION,
  schema: addMemberSchema,
  handler: async (user, data, { ip }) => {
    const { welcome } = await addCohortMember(user, data, { ip });
    return {
      message: `cohorts.members.added.${welcome}`,
      messageParams: { name: data.name, email: data.email },
      resetForm: true,
      revalidate: [COHORTS, COHORT],
    };
  },
});

export const updateMemberAction = createAction({
  name: "cohorts.updateMember",
  permission: PERMISSION,
  schema: updateMemberSchema,
  handler: async (user, data, { ip }) => {
    const { welcome } = await updateCohortMember(user, data, { ip });
    return {
      revalidate: [COHORT],
      redirectTo: `/partner/cohorts/${data.cohortId}?notice=${welcome ? `member-${welcome}` : "member-updated"}`,
    };
  },
});

export const removeMemberAction = createAction({
  name: "cohorts.removeMember",
  permission: PERMISSION,
  schema: memberRefSchema,
  handler: async (user, data, { ip }) => {
    await removeCohortMember(user, data, { ip });
    return { message: "cohorts.members.removed", revalidate: [COHORTS, COHORT] };
  },
});

export const resendInvitationAction = createAction({
  name: "cohorts.resendInvitation",
  permission: PERMISSION,
  schema: resendInvitationSchema,
  handler: async (user, data, { ip }) => {
    const { welcome } = await resendCohortInvitation(user, data, { ip });
    return { message: `cohorts.members.resent.${welcome}`, revalidate: [COHORT] };
  },
});

export type ImportPreviewState = ActionResult & { preview?: ImportPreview };

/**
 * Reads the uploaded file and returns the per-row report. The wrapper's result carries no data,
 * so the definition is built per call with a handler that hands the preview to this function
 * (one closure per request: nothing is shared between requests).
 */
export async function previewImportAction(
  previous: ImportPreviewState,
  formData: FormData,
): Promise<ImportPreviewState> {
  let preview: ImportPreview | undefined;
  const action = createAction(previewImportDefinition((p) => (preview = p)));
  const result = await action(previous, formData);
  return result.ok ? { ...result, preview } : result;
}

export const confirmImportAction = createAction({
  name: "cohorts.confirmImport",
  permission: PERMISSION,
  schema: confirmImportSchema,
  handler: async (user, data, { ip }) => {
    const counts = await confirmMemberImport(user, data, { ip });
    const query = new URLSearchParams({
      notice: "imported",
      added: String(counts.added),
      updated: String(counts.updated),
      invited: String(counts.invited),
    });
    return {
      revalidate: [COHORTS, COHORT],
      redirectTo: `/partner/cohorts/${data.cohortId}?${query}`,
    };
  },
});
