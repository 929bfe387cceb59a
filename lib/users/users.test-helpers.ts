import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { CurrentUser } from "@/lib/auth/current-user";

/**
 * Test data for integration tests (any domain): a user row straight in the database, and the
 * `CurrentUser` a signed-in request would see for it.
 */
export const TEST_PASSWORD = "correct-horse-42";

let passwordHash: Promise<string> | undefined;

export async function createTestUser(
  overrides: {
    role?: Role;
    email?: string;
    name?: string;
    active?: boolean;
    verified?: boolean;
    organizationId?: string | null;
    password?: string;
  } = {},
): Promise<CurrentUser> {
  const hash =
    overrides.password && overrides.password !== TEST_PASSWORD
      ? await hashPassword(overrides.password)
      : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const role = overrides.role ?? "TRAINEE";
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${randomUUID()}@example.com`,
      name: overrides.name ?? `Test ${role.toLowerCase()}`,
      role,
      active: overrides.active ?? true,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
      organizationId: overrides.organizationId ?? null,
      passwordHash: hash,
    },
    select: { id: true, email: true, name: true, role: true, locale: true, organizationId: true },
  });
  return { ...user, locale: user.locale };
}

export async function createPartnerOrganization(
  name = `Partner University ${randomUUID().slice(0, 8)}`,
) {
  return db.organization.create({
    data: { name, type: "UNIVERSITY", isPartner: true },
    select: { id: true, name: true },
  });
}

/** The token inside the link of the newest outbox mail of `template` to `email`. */
export async function tokenFromLatestMail(email: string, template: string): Promise<string> {
  const message = await db.outboxMessage.findFirstOrThrow({
    where: { toEmail: email, template },
    orderBy: { createdAt: "desc" },
    select: { payload: true },
  });
  const url = (message.payload as { url?: string }).url;
  const token = url ? new URL(url).searchParams.get("token") : null;
  if (!token) throw new Error(`no token in the ${template} mail to ${email}`);
  return token;
}
