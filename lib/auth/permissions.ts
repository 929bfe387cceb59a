import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The permission table for the whole domain. Deny by default: a permission not listed for a
 * role is refused, and an unknown role has none.
 *
 * Naming: `<resource>:<verb>[:<scope>]`. The scope says which records the holder may touch;
 * the service still narrows its queries to that scope:
 * - `own`      — records of the acting user (`where: { userId: user.id }`)
 * - `own-org`  — records of the acting user's organization (partners)
 * - `assigned` — sessions the acting user teaches (instructors)
 * - `any`      — all records (staff)
 * Where both a scoped and an `any` variant exist, a service checks `any` first and otherwise
 * requires the scoped one and narrows the query (see `grantedScope`).
 */
/** Every signed-in person (trainees, and staff or partners acting for themselves). */
const SELF_SERVICE = [
  "catalog:read",
  "enrollment:create:own",
  "enrollment:cancel:own",
  "enrollment:read:own",
  "enrollment:respond-offer:own",
  "certificate:read:own",
  "seat-block:claim:own",
  "profile:update:own",
] as const;

/** Instructors: the sessions they teach. */
const INSTRUCTING = [
  "session:read:assigned",
  "roster:manage:assigned",
  "attendance:record:assigned",
] as const;

/** Partner coordinators: their organization's cohorts and seat blocks. */
const PARTNER_COORDINATION = [
  "cohort:manage:own-org",
  "seat-block:request:own-org",
  "enrollment:read:own-org",
] as const;

/** Center administration. */
const ADMINISTRATION = [
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
] as const;

export const PERMISSIONS = [
  ...SELF_SERVICE,
  ...INSTRUCTING,
  ...PARTNER_COORDINATION,
  ...ADMINISTRATION,
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  TRAINEE: new Set<Permission>(SELF_SERVICE),
  INSTRUCTOR: new Set<Permission>([...SELF_SERVICE, ...INSTRUCTING]),
  PARTNER: new Set<Permission>([...SELF_SERVICE, ...PARTNER_COORDINATION]),
  // Admins hold every permission, including the scoped ones, so a service that only knows the
  // scoped check still lets an admin through; it must then check the `any` variant first to
  // avoid narrowing an admin's query to "their" (non-existent) organization or assignments.
  ADMIN: new Set<Permission>(PERMISSIONS),
};

/** The part of a user the permission check looks at; `CurrentUser` satisfies it. */
export type PermissionSubject = { role: Role };

export function can(user: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return ROLE_PERMISSIONS[user.role]?.has(permission) ?? false;
}

/** Throws `UnauthenticatedError` without a user and `ForbiddenError` without the permission. */
export function requirePermission<U extends PermissionSubject>(
  user: U | null | undefined,
  permission: Permission,
): asserts user is U {
  if (!user) throw new UnauthenticatedError();
  if (!can(user, permission)) throw new ForbiddenError();
}

/**
 * For resources with an `any` and a scoped permission: returns "any" when the user may touch
 * every record, "scoped" when only their own/assigned/org records (the caller narrows the
 * query), and throws otherwise.
 */
export function grantedScope<U extends PermissionSubject>(
  user: U | null | undefined,
  any: Permission,
  scoped: Permission,
): "any" | "scoped" {
  if (!user) throw new UnauthenticatedError();
  if (can(user, any)) return "any";
  if (can(user, scoped)) return "scoped";
  throw new ForbiddenError();
}
