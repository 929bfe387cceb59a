import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";

/** Test data for the cohort integration tests: a partner organization with its coordinator. */
export async function createPartner(name?: string): Promise<{
  organizationId: string;
  coordinator: CurrentUser;
}> {
  const organization = await createPartnerOrganization(name);
  const coordinator = await createTestUser({
    role: "PARTNER",
    organizationId: organization.id,
    name: `Coordinator of ${organization.name}`,
  });
  return { organizationId: organization.id, coordinator };
}

export async function createTestCohort(
  organizationId: string,
  name = `Cohort ${randomUUID().slice(0, 8)}`,
) {
  return db.cohort.create({ data: { organizationId, name }, select: { id: true, name: true } });
}

/** A CSV upload as the browser sends it. */
export function csvFile(text: string | Uint8Array, name = "members.csv"): File {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return new File([bytes as BlobPart], name, { type: "text/csv" });
}

/** Everything the cohort functions could write. */
export async function cohortSnapshot() {
  const [cohorts, members, invitations, outbox, audit] = await Promise.all([
    db.cohort.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, program: true, archivedAt: true, organizationId: true },
    }),
    db.cohortMember.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        cohortId: true,
        email: true,
        name: true,
        studentNumber: true,
        department: true,
        userId: true,
        invitedAt: true,
      },
    }),
    db.invitation.findMany({
      orderBy: { id: "asc" },
      select: { id: true, revokedAt: true, acceptedAt: true },
    }),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { cohorts, members, invitations, outbox, audit };
}
