import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

export type AuditEntry = {
  actorId: string | null;
  /** dotted verb, e.g. `user.invite`, `session.cancel` */
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Appends to the audit log inside the caller's transaction, so the entry exists iff the change does. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: entry.data,
      ip: entry.ip ?? null,
    },
  });
}
