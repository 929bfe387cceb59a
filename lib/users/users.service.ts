import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role, TokenPurpose } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/routing";
import { recordAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/permissions";
import { createOneTimeToken, hashToken, TOKEN_LIFETIME_MS } from "@/lib/auth/tokens";
import { loginThrottle, type LoginThrottle } from "@/lib/auth/login-throttle";
import type { CurrentUser } from "@/lib/auth/current-user";
import { enqueueMail } from "@/lib/notifications/outbox";
import type {
  AcceptInvitationInput,
  ChangeUserRoleInput,
  InviteUserInput,
  ResetPasswordInput,
  SetUserActiveInput,
  SignUpInput,
  UpdateProfileInput,
} from "@/lib/users/users.schemas";

/**
 * Accounts: self sign-up, email verification, password reset, invitations, and the admin's
 * user management. Every change and its mail happen in one transaction (invariant 5); every
 * admin change is audited in the same transaction.
 */

export type RequestMeta = { ip?: string | null };

/** Mails for one mailbox per purpose in this window, so "resend" cannot flood someone's inbox. */
const MAIL_WINDOW_MS = 15 * 60 * 1000;
const MAILS_PER_WINDOW = 3;

function link(locale: AppLocale, path: string, token: string): string {
  const url = new URL(`/${locale}${path}`, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The organization a person typed, matched by name in either language (case-insensitive) or
 * created as a company. The schema has no free-text organization on User, so the typed name
 * becomes a record admins can later correct or merge.
 */
async function resolveOrganizationId(tx: Tx, name: string | null): Promise<string | null> {
  if (!name) return null;
  const existing = await tx.organization.findFirst({
    where: {
      OR: [
        { name: { equals: name, mode: "insensitive" } },
        { nameEn: { equals: name, mode: "insensitive" } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return existing.id;
  const created = await tx.organization.upsert({
    where: { name },
    create: { name, type: "COMPANY" },
    update: {},
    select: { id: true },
  });
  return created.id;
}

async function issueAuthToken(tx: Tx, userId: string, purpose: TokenPurpose): Promise<string> {
  const { token, tokenHash } = createOneTimeToken();
  await tx.authToken.create({
    data: {
      userId,
      purpose,
      tokenHash,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    },
  });
  return token;
}

async function recentlyMailed(tx: Tx, userId: string, purpose: TokenPurpose): Promise<boolean> {
  const count = await tx.authToken.count({
    where: { userId, purpose, createdAt: { gt: new Date(Date.now() - MAIL_WINDOW_MS) } },
  });
  return count >= MAILS_PER_WINDOW;
}

/**
 * Marks a mailbox as proven and attaches the cohort memberships a partner registered for it
 * before the person had an account. Done only once the email is proven (verification link,
 * reset link or invitation), so nobody can claim someone else's cohort place by signing up
 * with their address.
 */
async function confirmEmailOwnership(
  tx: Tx,
  user: { id: string; email: string; emailVerifiedAt: Date | null },
) {
  const now = new Date();
  if (!user.emailVerifiedAt)
    await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
  // `email` is citext: equality is case-insensitive.
  await tx.cohortMember.updateMany({
    where: { email: user.email, userId: null },
    data: { userId: user.id, joinedAt: now },
  });
}

/** The mails that carry a one-time link to a page that consumes the token. */
const TOKEN_MAILS = {
  VERIFY_EMAIL: { template: "auth.verify-email", path: "/verify-email" },
  RESET_PASSWORD: { template: "auth.reset-password", path: "/reset-password" },
} as const;

/** Issues a fresh token and queues, in the caller's transaction, the mail with its link. */
async function sendTokenMail(
  tx: Tx,
  user: { id: string; email: string; name: string; locale: AppLocale },
  purpose: keyof typeof TOKEN_MAILS,
): Promise<void> {
  const { template, path } = TOKEN_MAILS[purpose];
  const token = await issueAuthToken(tx, user.id, purpose);
  await enqueueMail(tx, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template,
    payload: { name: user.name, url: link(user.locale, path, token) },
  });
}

// ---------------------------------------------------------------------------------------------
// Self-service (no signed-in user)

/** A new trainee account, unverified until the link in the mail is followed. */
export async function signUp(input: SignUpInput): Promise<{ userId: string }> {
  // Hashing takes ~50 ms of CPU: done before the transaction so that it holds no locks meanwhile.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true },
      });
      if (taken) throw new ValidationError("EMAIL_TAKEN", "email");
      const organizationId = await resolveOrganizationId(tx, input.organizationName);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: "TRAINEE",
          locale: input.locale,
          organizationId,
          passwordHash,
        },
        select: { id: true, email: true, name: true },
      });
      await sendTokenMail(tx, { ...user, locale: input.locale }, "VERIFY_EMAIL");
      return { userId: user.id };
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new ValidationError("EMAIL_TAKEN", "email");
    throw error;
  }
}

export type VerifyEmailOutcome =
  | { status: "verified"; email: string }
  | { status: "already-verified"; email: string }
  | { status: "expired"; email: string }
  | { status: "invalid" };

/** Consumes a verification link. Single use: a second use reports the state, it changes nothing. */
export async function verifyEmail(token: string): Promise<VerifyEmailOutcome> {
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.authToken.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        purpose: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { id: true, email: true, emailVerifiedAt: true } },
      },
    });
    if (!row || row.purpose !== "VERIFY_EMAIL") return { status: "invalid" };
    const { user } = row;
    if (row.usedAt || user.emailVerifiedAt) {
      return user.emailVerifiedAt
        ? { status: "already-verified", email: user.email }
        : { status: "invalid" };
    }
    if (row.expiresAt <= new Date()) return { status: "expired", email: user.email };
    // Guarded claim: of two concurrent uses exactly one flips usedAt.
    const claimed = await tx.authToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return { status: "already-verified", email: user.email };
    await confirmEmailOwnership(tx, user);
    return { status: "verified", email: user.email };
  });
}

/**
 * Sends a fresh verification link if the address belongs to an active, unverified account.
 * The caller shows the same answer either way (no account enumeration).
 */
export async function resendVerification(email: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        email: true,
        name: true,
        locale: true,
        active: true,
        emailVerifiedAt: true,
      },
    });
    if (!user || !user.active || user.emailVerifiedAt) return;
    if (await recentlyMailed(tx, user.id, "VERIFY_EMAIL")) return;
    await sendTokenMail(tx, user, "VERIFY_EMAIL");
  });
}

/** Mails a reset link to an active account; the same answer whether or not the address exists. */
export async function requestPasswordReset(email: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, locale: true, active: true },
    });
    if (!user || !user.active) return;
    if (await recentlyMailed(tx, user.id, "RESET_PASSWORD")) return;
    await sendTokenMail(tx, user, "RESET_PASSWORD");
  });
}

export type TokenState = "valid" | "expired" | "used" | "invalid";

/** For the reset page: whether to show the form or an explanation. Consumes nothing. */
export async function passwordResetTokenState(token: string): Promise<TokenState> {
  const row = await db.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  if (!row || row.purpose !== "RESET_PASSWORD" || !row.user.active) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= new Date()) return "expired";
  return "valid";
}

/**
 * Sets a new password from a reset link. The link is single use and every other outstanding
 * reset link of the account dies with it. Following the link proves the mailbox, so the
 * email counts as verified, and the account's sign-in lock is lifted.
 */
export async function resetPassword(
  input: ResetPasswordInput,
  { throttle = loginThrottle() }: { throttle?: LoginThrottle } = {},
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const email = await db.$transaction(async (tx) => {
    const row = await tx.authToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: {
        id: true,
        purpose: true,
        usedAt: true,
        expiresAt: true,
        user: { select: { id: true, email: true, active: true, emailVerifiedAt: true } },
      },
    });
    if (!row || row.purpose !== "RESET_PASSWORD" || !row.user.active)
      throw new ValidationError("TOKEN_INVALID");
    if (row.usedAt) throw new ValidationError("TOKEN_USED");
    if (row.expiresAt <= new Date()) throw new ValidationError("TOKEN_EXPIRED");
    const now = new Date();
    const claimed = await tx.authToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new ValidationError("TOKEN_USED");
    await tx.authToken.updateMany({
      where: { userId: row.user.id, purpose: "RESET_PASSWORD", usedAt: null },
      data: { usedAt: now },
    });
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash } });
    await confirmEmailOwnership(tx, row.user);
    return row.user.email;
  });
  await throttle.clearAccount(email);
}

// ---------------------------------------------------------------------------------------------
// Invitations

export type InvitationView =
  | {
      status: "valid";
      email: string;
      role: Role;
      organizationName: string | null;
      /** The address already has an account: the page tells them to sign in instead. */
      accountExists: boolean;
    }
  | { status: "expired" | "accepted" | "revoked" | "invalid" };

/** For the accept-invitation page. Consumes nothing. */
export async function viewInvitation(token: string): Promise<InvitationView> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
    },
  });
  if (!invitation) return { status: "invalid" };
  if (invitation.acceptedAt) return { status: "accepted" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.expiresAt <= new Date()) return { status: "expired" };
  const account = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true },
  });
  return {
    status: "valid",
    email: invitation.email,
    role: invitation.role,
    organizationName: invitation.organization?.name ?? null,
    accountExists: Boolean(account),
  };
}

/** An admin invites a staff member or partner coordinator; the mail carries a 7-day link. */
export async function inviteUser(
  actor: CurrentUser,
  input: InviteUserInput,
  meta: RequestMeta = {},
): Promise<{ invitationId: string }> {
  requirePermission(actor, "user:invite");
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true },
    });
    if (existing) throw new ValidationError("USER_ALREADY_EXISTS", "email");

    let organization: { id: string; name: string } | null = null;
    if (input.role === "PARTNER") {
      organization = await tx.organization.findFirst({
        where: { id: input.organizationId ?? "", isPartner: true },
        select: { id: true, name: true },
      });
      if (!organization)
        throw new ValidationError("PARTNER_ORGANIZATION_INVALID", "organizationId");
    }

    // Only the newest invitation for an address works: older links stop at once.
    await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });

    const { token, tokenHash } = createOneTimeToken();
    const invitation = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        organizationId: organization?.id ?? null,
        locale: input.locale,
        tokenHash,
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS.INVITATION),
      },
      select: { id: true },
    });
    await enqueueMail(tx, {
      to: input.email,
      locale: input.locale,
      template: "auth.invitation",
      payload: {
        inviterName: actor.name,
        role: input.role,
        url: link(input.locale, "/accept-invitation", token),
        ...(organization ? { organizationName: organization.name } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.invite",
      entityType: "Invitation",
      entityId: invitation.id,
      data: { email: input.email, role: input.role, organizationId: organization?.id ?? null },
      ip: meta.ip,
    });
    return { invitationId: invitation.id };
  });
}

/**
 * Creates the invited person's account (email verified: the link came to their mailbox).
 * Refuses when the address already has an account — they should sign in.
 */
export async function acceptInvitation(
  input: AcceptInvitationInput,
  meta: RequestMeta = {},
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { tokenHash: hashToken(input.token) },
        select: {
          id: true,
          email: true,
          role: true,
          organizationId: true,
          locale: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
        },
      });
      if (!invitation || invitation.revokedAt) throw new ValidationError("INVITATION_INVALID");
      if (invitation.acceptedAt) throw new ValidationError("INVITATION_USED");
      if (invitation.expiresAt <= new Date()) throw new ValidationError("INVITATION_EXPIRED");

      const existing = await tx.user.findUnique({
        where: { email: invitation.email },
        select: { id: true },
      });
      if (existing) throw new ConflictError("ACCOUNT_EXISTS");

      const now = new Date();
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: input.name,
          role: invitation.role,
          locale: invitation.locale,
          organizationId: invitation.organizationId,
          passwordHash,
          emailVerifiedAt: now,
        },
        select: { id: true, email: true, emailVerifiedAt: true },
      });
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: now, acceptedById: user.id },
      });
      if (claimed.count !== 1) throw new ValidationError("INVITATION_USED");
      await confirmEmailOwnership(tx, user);
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.accept-invitation",
        entityType: "User",
        entityId: user.id,
        data: { invitationId: invitation.id, role: invitation.role },
        ip: meta.ip,
      });
      return { email: user.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("ACCOUNT_EXISTS");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Administration

/** Deactivates (signs out at once, see getCurrentUser) or reactivates an account. */
export async function setUserActive(
  actor: CurrentUser,
  input: SetUserActiveInput,
  meta: RequestMeta = {},
) {
  requirePermission(actor, "user:manage");
  // An admin locking themselves out could leave the center without any admin.
  if (input.userId === actor.id && !input.active) throw new ConflictError("CANNOT_DEACTIVATE_SELF");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: input.userId },
      data: { active: input.active },
    });
    if (updated.count !== 1) throw new ValidationError("USER_NOT_FOUND");
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: input.userId,
      ip: meta.ip,
    });
  });
}

/** Changes a user's role; a partner coordinator must be attached to a partner organization. */
export async function changeUserRole(
  actor: CurrentUser,
  input: ChangeUserRoleInput,
  meta: RequestMeta = {},
) {
  requirePermission(actor, "user:manage");
  if (input.userId === actor.id) throw new ConflictError("CANNOT_CHANGE_OWN_ROLE");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, role: true, organizationId: true },
    });
    if (!user) throw new ValidationError("USER_NOT_FOUND");

    let organizationId = user.organizationId;
    if (input.role === "PARTNER") {
      const partner = await tx.organization.findFirst({
        where: { id: input.organizationId ?? "", isPartner: true },
        select: { id: true },
      });
      if (!partner) throw new ValidationError("PARTNER_ORGANIZATION_INVALID", "organizationId");
      organizationId = partner.id;
    }
    if (user.role === input.role && user.organizationId === organizationId) return;

    await tx.user.update({ where: { id: user.id }, data: { role: input.role, organizationId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.change-role",
      entityType: "User",
      entityId: user.id,
      data: { from: user.role, to: input.role, organizationId },
      ip: meta.ip,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Own profile

export async function updateOwnProfile(
  actor: CurrentUser,
  input: UpdateProfileInput,
): Promise<void> {
  requirePermission(actor, "profile:update:own");
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { role: true, organization: { select: { id: true, name: true, nameEn: true } } },
    });
    // A partner's organization is set by the center (it scopes what they may see), so the
    // free-text field cannot move them; for everyone else it is their own statement.
    let organizationId = current.organization?.id ?? null;
    if (current.role !== "PARTNER") {
      const unchanged =
        current.organization &&
        input.organizationName &&
        [current.organization.name, current.organization.nameEn].some(
          (n) => n?.toLowerCase() === input.organizationName?.toLowerCase(),
        );
      if (!unchanged) organizationId = await resolveOrganizationId(tx, input.organizationName);
    }
    await tx.user.update({
      where: { id: actor.id },
      data: {
        name: input.name,
        jobTitle: input.jobTitle,
        phone: input.phone,
        locale: input.locale,
        organizationId,
      },
    });
  });
}
