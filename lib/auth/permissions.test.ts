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

const ADMIN_ONLY: Permission[] = [
  "course:manage",
  "resource:manage",
  "session:schedule",
  "session:read:any",
  "roster:manage:any",
  "attendance:record:any",
  "enrollment:manage:any",
  "waitlist:reorder",
  "certificate:issue",
  "certificate:revoke",
  "cohort:manage:any",
  "seat-block:decide",
  "organization:manage",
  "training-request:manage",
  "user:invite",
  "user:manage",
  "outbox:read",
  "outbox:retry",
  "audit:read",
  "dashboard:read",
];

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

  it.each(["TRAINEE", "INSTRUCTOR", "PARTNER"] as const)(
    "gives %s none of the admin permissions",
    (role) => {
      for (const permission of ADMIN_ONLY)
        expect(can({ role }, permission), permission).toBe(false);
    },
  );

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
