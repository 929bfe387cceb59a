import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import {
  can,
  grantedScope,
  PERMISSIONS,
  requirePermission,
  ROLE_PERMISSIONS,
  type Permission,
} from "@/lib/auth/permissions";

const NON_ADMIN_ROLES = ["TRAINEE", "INSTRUCTOR", "PARTNER"] as const;

/** What a non-admin may hold: browsing the catalog, or a permission scoped to their own records. */
const isSelfScoped = (permission: Permission) =>
  permission === "catalog:read" || /:(own|own-org|assigned)$/.test(permission);

describe("permission table", () => {
  it("lists each permission once", () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
  });

  it("grants every permission to at least one role", () => {
    for (const permission of PERMISSIONS) {
      const holders = Object.values(Role).filter((role) => can({ role }, permission));
      expect(holders, permission).not.toHaveLength(0);
    }
  });

  it("has an entry for every role", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual(Object.values(Role).sort());
  });

  it.each(NON_ADMIN_ROLES)("gives %s none of the staff permissions", (role) => {
    const staffOnly = PERMISSIONS.filter((permission) => !isSelfScoped(permission));
    // Guards the filter itself: the staff powers the admin pages rely on are among them.
    expect(staffOnly).toEqual(
      expect.arrayContaining(["user:invite", "user:manage", "outbox:read", "course:manage"]),
    );
    for (const permission of staffOnly) expect(can({ role }, permission), permission).toBe(false);
  });

  it("gives admins every permission", () => {
    for (const permission of PERMISSIONS)
      expect(can({ role: "ADMIN" }, permission), permission).toBe(true);
  });

  it("keeps instructor and partner powers apart", () => {
    expect(can({ role: "INSTRUCTOR" }, "attendance:record:assigned")).toBe(true);
    expect(can({ role: "INSTRUCTOR" }, "cohort:manage:own-org")).toBe(false);
    expect(can({ role: "PARTNER" }, "seat-block:request:own-org")).toBe(true);
    expect(can({ role: "PARTNER" }, "roster:manage:assigned")).toBe(false);
    expect(can({ role: "TRAINEE" }, "session:read:assigned")).toBe(false);
    expect(can({ role: "TRAINEE" }, "seat-block:request:own-org")).toBe(false);
  });

  it("lets every signed-in role manage their own enrollments and profile", () => {
    for (const role of Object.values(Role)) {
      expect(can({ role }, "enrollment:create:own")).toBe(true);
      expect(can({ role }, "profile:update:own")).toBe(true);
    }
  });

  it("denies by default: no user, or an unknown role, has nothing", () => {
    expect(can(null, "catalog:read")).toBe(false);
    expect(can(undefined, "catalog:read")).toBe(false);
    expect(can({ role: "GHOST" as Role }, "catalog:read")).toBe(false);
  });
});

describe("requirePermission", () => {
  it("throws UnauthenticatedError without a user", () => {
    expect(() => requirePermission(null, "catalog:read")).toThrow(UnauthenticatedError);
  });

  it("throws ForbiddenError without the permission", () => {
    expect(() => requirePermission({ role: "TRAINEE" }, "user:invite")).toThrow(ForbiddenError);
  });

  it("returns quietly with the permission", () => {
    expect(() => requirePermission({ role: "ADMIN" }, "user:invite")).not.toThrow();
  });
});

describe("grantedScope", () => {
  it("prefers the unscoped grant", () => {
    expect(grantedScope({ role: "ADMIN" }, "roster:manage:any", "roster:manage:assigned")).toBe(
      "any",
    );
    expect(
      grantedScope({ role: "INSTRUCTOR" }, "roster:manage:any", "roster:manage:assigned"),
    ).toBe("scoped");
    expect(() =>
      grantedScope({ role: "TRAINEE" }, "roster:manage:any", "roster:manage:assigned"),
    ).toThrow(ForbiddenError);
    expect(() => grantedScope(null, "roster:manage:any", "roster:manage:assigned")).toThrow(
      UnauthenticatedError,
    );
  });
});
