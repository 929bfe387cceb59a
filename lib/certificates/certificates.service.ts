import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * Certificates are issued only by completing a session (lib/attendance/completion.service.ts).
 * Here: revoking one, for admins. A revoked certificate stays on record (with who, when and
 * why in the audit log); the public verification page then says it was revoked.
 */

export type RequestMeta = { ip?: string | null };

export async function revokeCertificate(
  actor: CurrentUser,
  input: { code: string; reason: string },
  meta: RequestMeta = {},
): Promise<{ code: string; revokedAt: Date }> {
  requirePermission(actor, "certificate:revoke");
  return db.$transaction(async (tx) => {
    const certificate = await tx.certificate.findUnique({
      where: { code: input.code },
      select: { id: true, code: true, revokedAt: true, enrollmentId: true },
    });
    if (!certificate) throw new NotFoundError("CERTIFICATE_NOT_FOUND");
    const revokedAt = new Date();
    // Guarded: of two admins revoking at once, one succeeds and the other is told.
    const updated = await tx.certificate.updateMany({
      where: { id: certificate.id, revokedAt: null },
      data: { revokedAt, revokeReason: input.reason },
    });
    if (updated.count === 0) throw new ConflictError("CERTIFICATE_ALREADY_REVOKED");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "certificate.revoke",
      entityType: "Certificate",
      entityId: certificate.id,
      data: { code: certificate.code, enrollmentId: certificate.enrollmentId, reason: input.reason },
      ip: meta.ip,
    });
    return { code: certificate.code, revokedAt };
  });
}
