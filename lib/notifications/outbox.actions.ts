"use server";

import { createAction } from "@/lib/actions/action";
import { retryOutboxMessageSchema } from "@/lib/notifications/outbox.schemas";
import { retryOutboxMessage } from "@/lib/notifications/outbox.service";

/** Admin outbox: put a FAILED or UNCERTAIN mail back in the queue (UNCERTAIN needs `confirmDuplicate`). */
export const retryOutboxMessageAction = createAction({
  name: "outbox.retry",
  permission: "outbox:retry",
  schema: retryOutboxMessageSchema,
  async handler(user, data, { ip }) {
    await retryOutboxMessage(user, data, { ip });
    return {
      message: "outbox.retry.done",
      revalidate: ["/[locale]/admin/outbox", "/[locale]/admin/outbox/[id]"],
      // The retry form disappears once the row is PENDING again, so the confirmation lives on the page.
      redirectTo: `/admin/outbox/${data.id}?retried=1`,
    };
  },
});
