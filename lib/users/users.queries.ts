import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, Role } from "@/lib/generated/prisma/enums";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { USERS_PAGE_SIZE, type ListUsersQuery } from "@/lib/users/users.schemas";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  emailVerified: boolean;
  organizationName: string | null;
  organizationId: string | null;
  createdAt: Date;
};

export type UserListPage = {
  items: UserListItem[];
  total: number;
  page: number;
  pageCount: number;
};

/** The admin's user list: search by name or email, filter by role and status, newest first. */
export async function listUsers(actor: CurrentUser, query: ListUsersQuery): Promise<UserListPage> {
  requirePermission(actor, "user:manage");
  const where: Prisma.UserWhereInput = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { active: query.status === "active" } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      emailVerifiedAt: true,
      createdAt: true,
      organization: { select: { id: true, name: true } },
    },
  });
  return {
    items: rows.map(({ emailVerifiedAt, organization, ...row }) => ({
      ...row,
      emailVerified: emailVerifiedAt !== null,
      organizationName: organization?.name ?? null,
      organizationId: organization?.id ?? null,
    })),
    total,
    page,
    pageCount,
  };
}

export type PartnerOrganizationOption = { id: string; label: string };

/**
 * Partner organizations, for the invitation form and role changes, labelled in the viewer's
 * language (the English name when there is one, else the registered Korean name).
 */
export async function listPartnerOrganizationOptions(
  actor: CurrentUser,
  locale: AppLocale,
): Promise<PartnerOrganizationOption[]> {
  requirePermission(actor, "user:invite");
  const rows = await db.organization.findMany({
    where: { isPartner: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameEn: true },
  });
  return rows.map((o) => ({ id: o.id, label: locale === "en" && o.nameEn ? o.nameEn : o.name }));
}

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  organizationName: string | null;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

/** Staff and partner invitations not yet accepted, revoked or expired (cohort members' invitations are the partners' to follow). */
export async function listPendingInvitations(actor: CurrentUser): Promise<PendingInvitation[]> {
  requirePermission(actor, "user:invite");
  const rows = await db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, cohortMemberId: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      organization: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  return rows.map(({ organization, invitedBy, ...row }) => ({
    ...row,
    organizationName: organization?.name ?? null,
    invitedByName: invitedBy?.name ?? null,
  }));
}

export type OwnProfile = {
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  organizationName: string | null;
  jobTitle: string | null;
  phone: string | null;
};

export async function getOwnProfile(actor: CurrentUser): Promise<OwnProfile> {
  requirePermission(actor, "profile:update:own");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      name: true,
      email: true,
      role: true,
      locale: true,
      jobTitle: true,
      phone: true,
      organization: { select: { name: true } },
    },
  });
  const { organization, ...rest } = user;
  return { ...rest, organizationName: organization?.name ?? null };
}
