import type { Db, Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { grantedScope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * Who runs a session's attendance and completion: admins every session
 * (`attendance:record:any`), instructors the sessions they teach (`attendance:record:assigned`).
 * Trainees and partners are refused (ForbiddenError). A session outside an instructor's
 * assignments is "not found", like a session that does not exist, so ids reveal nothing.
 */
export function attendanceSessionWhere(actor: CurrentUser, sessionId: string): Prisma.SessionWhereInput {
  const scope = grantedScope(actor, "attendance:record:any", "attendance:record:assigned");
  return scope === "any"
    ? { id: sessionId }
    : { id: sessionId, instructors: { some: { userId: actor.id } } };
}

/** Throws SESSION_NOT_FOUND unless `actor` may run the session's attendance. */
export async function requireAttendanceAccess(
  client: Tx | Db,
  actor: CurrentUser,
  sessionId: string,
): Promise<void> {
  const found = await client.session.findFirst({
    where: attendanceSessionWhere(actor, sessionId),
    select: { id: true },
  });
  if (!found) throw new NotFoundError("SESSION_NOT_FOUND");
}
