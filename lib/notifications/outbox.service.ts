import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import { requirePermission, type PermissionSubject } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import {
  retryOutboxMessageSchema,
  type RetryOutboxMessageInput,
} from "@/lib/notifications/outbox.schemas";

type Actor = PermissionSubject & { id: string };

/**
 * Puts a FAILED or UNCERTAIN mail back in the queue with a fresh set of attempts. An
 * UNCERTAIN mail may already have reached the recipient, so its retry needs an explicit
 * confirmation; the duplicate would carry the same Message-ID.
 */
export async function retryOutboxMessage(
  actor: Actor | null,
  input: RetryOutboxMessageInput,
  request: { ip?: string | null } = {},
): Promise<void> {
  requirePermission(actor, "outbox:retry");
  const { id, confirmDuplicate } = retryOutboxMessageSchema.parse(input);
  await db.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({
      where: { id },
      select: { status: true, attempts: true, lastError: true },
    });
    if (!row) throw new NotFoundError();
    if (row.status !== "FAILED" && row.status !== "UNCERTAIN")
      throw new ConflictError("OUTBOX_NOT_RETRYABLE");
    if (row.status === "UNCERTAIN" && !confirmDuplicate) {
      throw new ValidationError("OUTBOX_CONFIRM_DUPLICATE", "confirmDuplicate");
    }
    // Guarded on the status just read: if a worker or another admin changed the row in
    // between, nothing happens instead of re-queueing a mail that is being sent.
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: row.status },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    if (count !== 1) throw new ConflictError("OUTBOX_NOT_RETRYABLE");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "outbox.retry",
      entityType: "OutboxMessage",
      entityId: id,
      data: {
        previousStatus: row.status,
        previousAttempts: row.attempts,
        lastError: row.lastError,
      },
      ip: request.ip ?? null,
    });
  });
}
