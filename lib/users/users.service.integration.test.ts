import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { createOneTimeToken, hashToken } from "@/lib/auth/tokens";
import { runAction } from "@/lib/actions/action";
import { signUpAction } from "@/lib/users/users.actions";
import {
  acceptInvitation,
  inviteUser,
  passwordResetTokenState,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
  viewInvitation,
} from "@/lib/users/users.service";
import {
  createPartnerOrganization,
  createTestUser,
  TEST_PASSWORD,
  tokenFromLatestMail,
} from "@/lib/users/users.test-helpers";
import type { LoginThrottle } from "@/lib/auth/login-throttle";

const NEW_PASSWORD = "new-Passw0rd-2025";

const uniqueEmail = (prefix = "person") => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

/** Reset-password clears sign-in locks; these tests do not exercise the throttle. */
const noThrottle: LoginThrottle = {
  check: async () => ({ allowed: true }),
  recordFailure: async () => {},
  recordSuccess: async () => {},
  clearAccount: async () => {},
};

async function counts() {
  const [users, tokens, outbox, organizations] = await Promise.all([
    db.user.count(),
    db.authToken.count(),
    db.outboxMessage.count(),
    db.organization.count(),
  ]);
  return { users, tokens, outbox, organizations };
}

describe("sign-up", () => {
  it("creates an unverified trainee, a hashed 24 h verification token and the mail together", async () => {
    const email = uniqueEmail("minji");
    const before = Date.now();
    const { userId } = await signUp({
      name: "김민지",
      email,
      password: "bioprocess-2025",
      organizationName: "Songdo Biologics",
      locale: "ko",
    });

    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        role: true,
        emailVerifiedAt: true,
        passwordHash: true,
        locale: true,
        organization: true,
      },
    });
    expect(user.role).toBe("TRAINEE");
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "bioprocess-2025")).toBe(true);
    expect(user.organization?.name).toBe("Songdo Biologics");

    const tokens = await db.authToken.findMany({ where: { userId } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.purpose).toBe("VERIFY_EMAIL");
    expect(tokens[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const lifetime = tokens[0]!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(23.9 * 3600_000);
    expect(lifetime).toBeLessThanOrEqual(24 * 3600_000 + 60_000);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId } });
    expect(mail).toMatchObject({
      template: "auth.verify-email",
      toEmail: email,
      locale: "ko",
      status: "PENDING",
    });
    // The mail carries the raw token; the database only its hash.
    const token = await tokenFromLatestMail(email, "auth.verify-email");
    expect(hashToken(token)).toBe(tokens[0]!.tokenHash);
    expect(tokens[0]!.tokenHash).not.toContain(token);
  });

  it("reuses an existing organization by name in either language, ignoring case", async () => {
    const org = await db.organization.create({
      data: {
        name: `인천바이오 ${randomUUID().slice(0, 6)}`,
        nameEn: `Incheon Bio ${randomUUID().slice(0, 6)}`,
        type: "COMPANY",
      },
    });
    const { userId } = await signUp({
      name: "Lee",
      email: uniqueEmail(),
      password: "bioprocess-2025",
      organizationName: org.nameEn!.toUpperCase(),
      locale: "en",
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { organizationId: true },
    });
    expect(user.organizationId).toBe(org.id);
  });

  it("refuses an address that differs only in case, and changes nothing", async () => {
    const email = uniqueEmail("Park");
    await signUp({
      name: "Park",
      email,
      password: "bioprocess-2025",
      organizationName: null,
      locale: "ko",
    });
    const before = await counts();
    const attempt = signUp({
      name: "Other Park",
      email: email.toUpperCase(),
      password: "another-pass-99",
      organizationName: "New Org That Must Not Exist",
      locale: "en",
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ code: "EMAIL_TAKEN", field: "email" });
    expect(await counts()).toEqual(before);
  });

  it("answers bad input with field errors in the user's language and writes nothing", async () => {
    const email = uniqueEmail();
    await createTestUser({ email: email.toLowerCase() });
    const before = await counts();

    const weak = await runAction(
      null,
      signUpAction.definition,
      { name: "", email: "not-an-email", password: "short", organizationName: "X", locale: "ko" },
      { locale: "ko" },
    );
    expect(weak.ok).toBe(false);
    expect(Object.keys(weak.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
    expect(weak.fieldErrors?.password?.[0]).toBe("비밀번호는 10자 이상이어야 합니다.");
    expect(weak.values).toEqual({
      name: "",
      email: "not-an-email",
      organizationName: "X",
      locale: "ko",
    });

    const taken = await runAction(
      null,
      signUpAction.definition,
      { name: "Kim", email: email.toUpperCase(), password: "bioprocess-2025", locale: "en" },
      { locale: "en" },
    );
    expect(taken.ok).toBe(false);
    expect(taken.errorCode).toBe("EMAIL_TAKEN");
    expect(taken.fieldErrors?.email?.[0]).toContain("already exists");

    expect(await counts()).toEqual(before);
  });
});

describe("email verification", () => {
  async function signedUp() {
    const email = uniqueEmail();
    const { userId } = await signUp({
      name: "Choi",
      email,
      password: "bioprocess-2025",
      organizationName: null,
      locale: "en",
    });
    return { email, userId, token: await tokenFromLatestMail(email, "auth.verify-email") };
  }

  it("verifies once; the link cannot be used again", async () => {
    const { email, userId, token } = await signedUp();
    expect(await verifyEmail(token)).toEqual({ status: "verified", email });
    const verifiedAt = (await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt;
    expect(verifiedAt).toBeInstanceOf(Date);

    expect(await verifyEmail(token)).toEqual({ status: "already-verified", email });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toEqual(
      verifiedAt,
    );
  });

  it("refuses an expired link and leaves the account unverified", async () => {
    const { email, userId, token } = await signedUp();
    await db.authToken.updateMany({
      where: { userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await verifyEmail(token)).toEqual({ status: "expired", email });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeNull();
  });

  it("refuses unknown tokens and tokens of another purpose", async () => {
    expect(await verifyEmail(createOneTimeToken().token)).toEqual({ status: "invalid" });
    const user = await createTestUser();
    await requestPasswordReset(user.email);
    const resetToken = await tokenFromLatestMail(user.email, "auth.reset-password");
    expect(await verifyEmail(resetToken)).toEqual({ status: "invalid" });
  });

  it("links cohort places registered for the address once it is proven", async () => {
    const org = await createPartnerOrganization();
    const cohort = await db.cohort.create({
      data: { organizationId: org.id, name: "Bioprocess 2025" },
    });
    const email = uniqueEmail("student");
    const member = await db.cohortMember.create({
      data: { cohortId: cohort.id, email: email.toUpperCase(), name: "Student" },
    });

    const { userId } = await signUp({
      name: "Student",
      email,
      password: "bioprocess-2025",
      organizationName: null,
      locale: "ko",
    });
    // Not before the mailbox is proven: anyone can type someone else's address into the form.
    expect(
      (await db.cohortMember.findUniqueOrThrow({ where: { id: member.id } })).userId,
    ).toBeNull();

    await verifyEmail(await tokenFromLatestMail(email, "auth.verify-email"));
    const linked = await db.cohortMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(linked.userId).toBe(userId);
    expect(linked.joinedAt).toBeInstanceOf(Date);
  });

  it("resends only to unverified accounts and at most three times in 15 minutes", async () => {
    const { email, userId } = await signedUp();
    await resendVerification(email.toUpperCase());
    await resendVerification(email);
    await resendVerification(email);
    expect(await db.outboxMessage.count({ where: { userId, template: "auth.verify-email" } })).toBe(
      3,
    );

    const verified = await createTestUser();
    const before = await counts();
    await resendVerification(verified.email);
    await resendVerification(uniqueEmail("nobody"));
    expect(await counts()).toEqual(before);
  });
});

describe("password reset", () => {
  it("sets a new password with a single-use 1 h link and kills the other reset links", async () => {
    const user = await createTestUser();
    const before = Date.now();
    await requestPasswordReset(user.email);
    const first = await tokenFromLatestMail(user.email, "auth.reset-password");
    await requestPasswordReset(user.email);
    const second = await tokenFromLatestMail(user.email, "auth.reset-password");
    expect(second).not.toBe(first);
    const row = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(second) } });
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(3600_000 + 60_000);
    expect(row.expiresAt.getTime() - before).toBeGreaterThan(3500_000);

    await resetPassword({ token: second, password: NEW_PASSWORD }, { throttle: noThrottle });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash!, TEST_PASSWORD)).toBe(false);

    await expect(
      resetPassword({ token: second, password: "third-Passw0rd" }, { throttle: noThrottle }),
    ).rejects.toMatchObject({
      code: "TOKEN_USED",
    });
    await expect(
      resetPassword({ token: first, password: "third-Passw0rd" }, { throttle: noThrottle }),
    ).rejects.toMatchObject({
      code: "TOKEN_USED",
    });
    expect(await passwordResetTokenState(first)).toBe("used");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and keeps the old password", async () => {
    const user = await createTestUser();
    await requestPasswordReset(user.email);
    const token = await tokenFromLatestMail(user.email, "auth.reset-password");
    await db.authToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await passwordResetTokenState(token)).toBe("expired");
    await expect(
      resetPassword({ token, password: NEW_PASSWORD }, { throttle: noThrottle }),
    ).rejects.toMatchObject({
      code: "TOKEN_EXPIRED",
    });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash!, TEST_PASSWORD)).toBe(true);
  });

  it("gives no sign of whether an address exists", async () => {
    const before = await counts();
    await expect(requestPasswordReset(uniqueEmail("nobody"))).resolves.toBeUndefined();
    const inactive = await createTestUser({ active: false });
    await expect(requestPasswordReset(inactive.email)).resolves.toBeUndefined();
    expect((await counts()).outbox).toBe(before.outbox);
    expect((await counts()).tokens).toBe(before.tokens);
  });

  it("proves the mailbox: an unverified account becomes verified", async () => {
    const user = await createTestUser({ verified: false });
    await requestPasswordReset(user.email);
    await resetPassword(
      {
        token: await tokenFromLatestMail(user.email, "auth.reset-password"),
        password: NEW_PASSWORD,
      },
      { throttle: noThrottle },
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).toBeInstanceOf(Date);
  });
});

describe("invitations", () => {
  it("invites a partner coordinator and lets them create a verified account once", async () => {
    const admin = await createTestUser({ role: "ADMIN", name: "Center Admin" });
    const org = await createPartnerOrganization();
    const email = uniqueEmail("coordinator");
    const before = Date.now();
    await inviteUser(
      admin,
      { email, role: "PARTNER", organizationId: org.id, locale: "en" },
      { ip: "203.0.113.5" },
    );

    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation).toMatchObject({
      role: "PARTNER",
      organizationId: org.id,
      invitedById: admin.id,
      acceptedAt: null,
    });
    expect(invitation.expiresAt.getTime() - before).toBeGreaterThan(6.9 * 24 * 3600_000);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { toEmail: email, template: "auth.invitation" },
    });
    expect(mail.payload).toMatchObject({
      inviterName: "Center Admin",
      role: "PARTNER",
      organizationName: org.name,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "user.invite", entityId: invitation.id },
    });
    expect(audit).toMatchObject({ actorId: admin.id, ip: "203.0.113.5" });

    const token = await tokenFromLatestMail(email, "auth.invitation");
    expect(await viewInvitation(token)).toMatchObject({
      status: "valid",
      email,
      role: "PARTNER",
      accountExists: false,
    });

    await acceptInvitation({ token, name: "Coordinator Yoon", password: NEW_PASSWORD });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      name: "Coordinator Yoon",
      role: "PARTNER",
      organizationId: org.id,
      locale: "en",
    });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedById,
    ).toBe(user.id);

    expect(await viewInvitation(token)).toEqual({ status: "accepted" });
    const usersBefore = await db.user.count();
    await expect(
      acceptInvitation({ token, name: "Again", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "INVITATION_USED",
    });
    expect(await db.user.count()).toBe(usersBefore);
  });

  it("refuses to create a second account for an address that signed up meanwhile", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const email = uniqueEmail("instructor");
    await inviteUser(admin, { email, role: "INSTRUCTOR", organizationId: null, locale: "ko" });
    const token = await tokenFromLatestMail(email, "auth.invitation");
    await createTestUser({ email: email.toUpperCase() });

    expect(await viewInvitation(token)).toMatchObject({ status: "valid", accountExists: true });
    const usersBefore = await db.user.count();
    const attempt = acceptInvitation({ token, name: "Instructor", password: NEW_PASSWORD });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: "ACCOUNT_EXISTS" });
    expect(await db.user.count()).toBe(usersBefore);
    expect((await db.invitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  });

  it("refuses expired invitations, and a newer invitation replaces the older link", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const email = uniqueEmail("staff");
    await inviteUser(admin, { email, role: "ADMIN", organizationId: null, locale: "ko" });
    const older = await tokenFromLatestMail(email, "auth.invitation");
    await inviteUser(admin, { email, role: "INSTRUCTOR", organizationId: null, locale: "ko" });
    const newer = await tokenFromLatestMail(email, "auth.invitation");

    expect(await viewInvitation(older)).toEqual({ status: "revoked" });
    await expect(
      acceptInvitation({ token: older, name: "X", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "INVITATION_INVALID",
    });

    await db.invitation.update({
      where: { tokenHash: hashToken(newer) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await viewInvitation(newer)).toEqual({ status: "expired" });
    await expect(
      acceptInvitation({ token: newer, name: "X", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "INVITATION_EXPIRED",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("requires a partner organization for partners and refuses existing users", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const company = await db.organization.create({
      data: { name: `Company ${randomUUID()}`, type: "COMPANY" },
    });
    await expect(
      inviteUser(admin, {
        email: uniqueEmail(),
        role: "PARTNER",
        organizationId: company.id,
        locale: "ko",
      }),
    ).rejects.toMatchObject({ code: "PARTNER_ORGANIZATION_INVALID", field: "organizationId" });
    const existing = await createTestUser();
    await expect(
      inviteUser(admin, {
        email: existing.email,
        role: "INSTRUCTOR",
        organizationId: null,
        locale: "ko",
      }),
    ).rejects.toMatchObject({ code: "USER_ALREADY_EXISTS", field: "email" });
  });
});
