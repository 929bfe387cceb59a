import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { runAction } from "@/lib/actions/action";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import {
  changeUserRoleAction,
  inviteUserAction,
  setUserActiveAction,
  updateProfileAction,
} from "@/lib/users/users.actions";
import { changeUserRole, inviteUser, setUserActive } from "@/lib/users/users.service";
import { listUsers } from "@/lib/users/users.queries";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Every action of the user domain, called the way a browser would (FormData through the action
 * wrapper), by every caller who must be refused — and proof that nothing changed.
 */

let admin: CurrentUser;
let target: CurrentUser;
let partnerOrgId: string;
const callers = {} as Record<Exclude<Role, "ADMIN">, CurrentUser>;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN", name: "Admin Han" });
  target = await createTestUser({ role: "TRAINEE", name: "Target Trainee" });
  partnerOrgId = (await createPartnerOrganization()).id;
  for (const role of ["TRAINEE", "INSTRUCTOR", "PARTNER"] as const) {
    callers[role] = await createTestUser({
      role,
      organizationId: role === "PARTNER" ? partnerOrgId : null,
    });
  }
});

/** Everything these actions could write. */
async function snapshot() {
  const [users, invitations, outbox, audit] = await Promise.all([
    db.user.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        role: true,
        active: true,
        name: true,
        phone: true,
        organizationId: true,
        locale: true,
      },
    }),
    db.invitation.count(),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { users, invitations, outbox, audit };
}

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

const adminActions = [
  {
    name: "inviteUserAction",
    action: inviteUserAction,
    input: () =>
      form({
        email: `new-${randomUUID()}@example.com`,
        role: "ADMIN",
        organizationId: "",
        locale: "ko",
      }),
  },
  {
    name: "setUserActiveAction (deactivate)",
    action: setUserActiveAction,
    input: () => form({ userId: target.id, active: "false" }),
  },
  {
    name: "changeUserRoleAction",
    action: changeUserRoleAction,
    input: () => form({ userId: target.id, role: "ADMIN", organizationId: "" }),
  },
];

describe("refusals", () => {
  for (const { name, action, input } of adminActions) {
    it.each(["TRAINEE", "INSTRUCTOR", "PARTNER"] as const)(
      `${name}: a %s is refused and nothing changes`,
      async (role) => {
        const before = await snapshot();
        const result = await runAction(callers[role], action.definition, input(), { locale: "en" });
        expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
        expect(result.formError).toBe("You don't have permission to do this.");
        expect(await snapshot()).toEqual(before);
      },
    );

    it(`${name}: an anonymous caller is refused and nothing changes`, async () => {
      const before = await snapshot();
      const result = await runAction(null, action.definition, input(), { locale: "ko" });
      expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("updateProfileAction: an anonymous caller is refused and nothing changes", async () => {
    const before = await snapshot();
    const result = await runAction(
      null,
      updateProfileAction.definition,
      form({ name: "Hacker", organizationName: "", jobTitle: "", phone: "", locale: "en" }),
    );
    expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });

  it("the services refuse on their own too, whoever calls them", async () => {
    const before = await snapshot();
    const trainee = callers.TRAINEE;
    await expect(
      inviteUser(trainee, {
        email: `x-${randomUUID()}@example.com`,
        role: "ADMIN",
        organizationId: null,
        locale: "ko",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setUserActive(callers.INSTRUCTOR, { userId: target.id, active: false }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeUserRole(callers.PARTNER, {
        userId: callers.PARTNER.id,
        role: "ADMIN",
        organizationId: null,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(trainee, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("a deactivated admin is refused at once, whatever their session cookie says", async () => {
    const formerAdmin = await createTestUser({ role: "ADMIN" });
    await db.user.update({ where: { id: formerAdmin.id }, data: { active: false } });
    const before = await snapshot();
    // What createAction does for every request: re-read the user behind the session.
    const caller = await loadCurrentUser(formerAdmin.id);
    const result = await runAction(
      caller,
      setUserActiveAction.definition,
      form({ userId: target.id, active: "false" }),
    );
    expect(result.errorCode).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });
});

describe("user administration", () => {
  it("deactivates and reactivates a user, audited", async () => {
    const user = await createTestUser();
    const off = await runAction(
      admin,
      setUserActiveAction.definition,
      form({ userId: user.id, active: "false" }),
      {
        locale: "en",
        ip: "198.51.100.8",
      },
    );
    expect(off).toMatchObject({ ok: true, message: "The account has been deactivated." });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    expect(
      await db.auditLog.findFirst({ where: { action: "user.deactivate", entityId: user.id } }),
    ).toMatchObject({
      actorId: admin.id,
      ip: "198.51.100.8",
    });

    const on = await runAction(
      admin,
      setUserActiveAction.definition,
      form({ userId: user.id, active: "true" }),
    );
    expect(on.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    expect(
      await db.auditLog.count({ where: { action: "user.reactivate", entityId: user.id } }),
    ).toBe(1);
  });

  it("does not let an admin deactivate themselves or change their own role", async () => {
    const before = await snapshot();
    const self = await runAction(
      admin,
      setUserActiveAction.definition,
      form({ userId: admin.id, active: "false" }),
      {
        locale: "ko",
      },
    );
    expect(self).toMatchObject({
      ok: false,
      errorCode: "CANNOT_DEACTIVATE_SELF",
      formError: "자신의 계정은 비활성화할 수 없습니다.",
    });
    const role = await runAction(
      admin,
      changeUserRoleAction.definition,
      form({ userId: admin.id, role: "TRAINEE" }),
    );
    expect(role).toMatchObject({ ok: false, errorCode: "CANNOT_CHANGE_OWN_ROLE" });
    expect(await snapshot()).toEqual(before);
  });

  it("changes a role, audited; a partner needs a partner organization", async () => {
    const user = await createTestUser();
    const noOrg = await runAction(
      admin,
      changeUserRoleAction.definition,
      form({ userId: user.id, role: "PARTNER" }),
      {
        locale: "en",
      },
    );
    expect(noOrg.ok).toBe(false);
    expect(noOrg.fieldErrors?.organizationId).toEqual([
      "A partner coordinator needs a partner organization.",
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("TRAINEE");

    const ok = await runAction(
      admin,
      changeUserRoleAction.definition,
      form({ userId: user.id, role: "PARTNER", organizationId: partnerOrgId }),
    );
    expect(ok.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "PARTNER",
      organizationId: partnerOrgId,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "user.change-role", entityId: user.id },
    });
    expect(audit.data).toMatchObject({ from: "TRAINEE", to: "PARTNER" });
  });

  it("invites through the action and empties the form on success", async () => {
    const email = `invitee-${randomUUID()}@example.com`;
    const result = await runAction(
      admin,
      inviteUserAction.definition,
      form({ email, role: "INSTRUCTOR", organizationId: "", locale: "en" }),
      { locale: "en" },
    );
    expect(result).toEqual({
      ok: true,
      message: `An invitation has been sent to ${email}.`,
      values: {},
    });
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(
      await db.outboxMessage.count({ where: { toEmail: email, template: "auth.invitation" } }),
    ).toBe(1);
  });

  it("lists users with search, role filter and pagination", async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 3; i++)
      await createTestUser({ role: "INSTRUCTOR", name: `Searchable ${tag} ${i}` });
    await createTestUser({ role: "TRAINEE", name: `Searchable ${tag} trainee` });
    const page = await listUsers(admin, { q: tag.toUpperCase(), role: "INSTRUCTOR", page: 1 });
    expect(page.total).toBe(3);
    expect(page.items.every((u) => u.role === "INSTRUCTOR")).toBe(true);
    const byEmail = await listUsers(admin, { q: target.email.slice(0, 12), page: 1 });
    expect(byEmail.items.map((u) => u.id)).toContain(target.id);
  });
});

describe("own profile", () => {
  it("updates only the caller's own profile", async () => {
    const user = await createTestUser({ name: "Before" });
    const other = await createTestUser({ name: "Other" });
    const result = await runAction(
      user,
      updateProfileAction.definition,
      // A userId in the form is ignored: the profile is always the caller's.
      form({
        userId: other.id,
        name: "After",
        organizationName: "KBio",
        jobTitle: "Scientist",
        phone: "010-1234-5678",
        locale: "en",
      }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: true, message: "Your profile has been saved." });
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { name: true, jobTitle: true, phone: true, locale: true },
      }),
    ).toEqual({
      name: "After",
      jobTitle: "Scientist",
      phone: "010-1234-5678",
      locale: "en",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Other");
  });

  it("rejects a bad phone number with a field error and keeps what was typed", async () => {
    const user = await createTestUser({ name: "Keep" });
    const result = await runAction(
      user,
      updateProfileAction.definition,
      form({
        name: "Changed",
        organizationName: "",
        jobTitle: "",
        phone: "call me maybe",
        locale: "ko",
      }),
      { locale: "ko" },
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.phone?.[0]).toContain("전화번호");
    expect(result.values?.phone).toBe("call me maybe");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Keep");
  });
});
