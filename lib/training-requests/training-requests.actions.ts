"use server";

import { createAction } from "@/lib/actions/action";
import {
  submitTrainingRequestSchema,
  updateTrainingRequestSchema,
} from "@/lib/training-requests/training-requests.schemas";
import {
  submitTrainingRequest,
  updateTrainingRequest,
} from "@/lib/training-requests/training-requests.service";

/** The public form and the admins' pipeline. Thin: the service holds the rules. */

const TRAINING_REQUEST_SENT_PATH = "/training-requests/new?sent=1";

export const submitTrainingRequestAction = createAction({
  name: "trainingRequests.submit",
  permission: "public",
  schema: submitTrainingRequestSchema,
  handler: async (_user, data, { ip, locale }) => {
    // A honeypot hit gets the same answer as a stored request.
    await submitTrainingRequest(data, { ip, locale });
    return {
      redirectTo: TRAINING_REQUEST_SENT_PATH,
      revalidate: ["/[locale]/admin/training-requests"],
    };
  },
});

export const updateTrainingRequestAction = createAction({
  name: "trainingRequests.update",
  permission: "training-request:manage",
  schema: updateTrainingRequestSchema,
  handler: async (user, data, { ip }) => {
    await updateTrainingRequest(user, data, { ip });
    return {
      message: "adminTrainingRequests.update.saved",
      resetForm: true,
      revalidate: [
        "/[locale]/admin/training-requests",
        "/[locale]/admin/training-requests/[id]",
        "/[locale]/admin",
      ],
    };
  },
});
