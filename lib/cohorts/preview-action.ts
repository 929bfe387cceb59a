import "server-only";
import type { ActionDefinition } from "@/lib/actions/action";
import { previewImportSchema } from "@/lib/cohorts/cohorts.schemas";
import { previewMemberImport, type ImportPreview } from "@/lib/cohorts/cohorts.service";

/**
 * The definition behind `previewImportAction` (lib/cohorts/cohorts.actions.ts), outside the
 * "use server" module so that tests can run it through `runAction` like every other action.
 * `onPreview` receives the report; the action result itself carries only the outcome.
 */
export function previewImportDefinition(
  onPreview: (preview: ImportPreview) => void,
): ActionDefinition<"cohort:manage:own-org", typeof previewImportSchema> {
  return {
    name: "cohorts.previewImport",
    permission: "cohort:manage:own-org",
    schema: previewImportSchema,
    handler: async (user, data) => {
      onPreview(await previewMemberImport(user, data));
    },
  };
}
