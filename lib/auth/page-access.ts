import type { Permission } from "@/lib/auth/permissions";

/**
 * The permission each protected page needs, by locale-less path prefix (the most specific
 * prefix wins). proxy.ts answers from this table before a page renders: a visitor is
 * redirected to sign-in (HTTP 307), a signed-in user without the permission gets the 403 page
 * with HTTP 403. Under Cache Components a page cannot set either status itself: its static
 * shell has been sent (with 200) before its own check runs.
 *
 * This is not the authorization: every page still calls `openProtectedPage(params, permission)`
 * and every action and service checks again. page-access.test.ts fails when a page's
 * `openProtectedPage` permission and this table disagree.
 */
export const PROTECTED_PAGES: readonly { prefix: `/${string}`; permission: Permission }[] = [
  { prefix: "/account", permission: "profile:update:own" },
  { prefix: "/me", permission: "enrollment:read:own" },
  { prefix: "/instructor/sessions", permission: "session:read:assigned" },
  // Session rosters (/sessions/[id]/roster): admins and the session's instructors.
  { prefix: "/sessions", permission: "roster:manage:assigned" },
  // Attendance (/sessions/[id]/attendance): admins and the session's instructors. `*` is one segment.
  { prefix: "/sessions/*/attendance", permission: "attendance:record:assigned" },
  { prefix: "/admin", permission: "dashboard:read" },
  { prefix: "/admin/training-requests", permission: "training-request:manage" },
  { prefix: "/admin/audit", permission: "audit:read" },
  { prefix: "/admin/outbox", permission: "outbox:read" },
  { prefix: "/admin/courses", permission: "course:manage" },
  { prefix: "/admin/users", permission: "user:manage" },
  { prefix: "/admin/users/invite", permission: "user:invite" },
  { prefix: "/admin/seat-blocks", permission: "seat-block:decide" },
  // Scheduling: the list and a session's page are reads; new and edit need the scheduler.
  { prefix: "/admin/sessions", permission: "session:read:any" },
  { prefix: "/admin/sessions/new", permission: "session:schedule" },
  { prefix: "/admin/sessions/*/edit", permission: "session:schedule" },
  { prefix: "/admin/calendar", permission: "session:read:any" },
  { prefix: "/instructor/calendar", permission: "session:read:assigned" },
  // Partner coordinators (admins too): the dashboard, cohorts and seat blocks of their organization.
  { prefix: "/partner", permission: "cohort:manage:own-org" },
  { prefix: "/partner/seat-blocks", permission: "seat-block:request:own-org" },
  // A cohort member's claim page of a seat block (/seat-blocks/[id]/claim).
  { prefix: "/seat-blocks", permission: "seat-block:claim:own" },
];

/** The permission a locale-less path ("/admin/users/42") needs, or null for a public page. */
export function protectedPagePermission(pathname: string): Permission | null {
  const segments = pathname.split("/");
  let match: { prefix: string; permission: Permission } | null = null;
  for (const rule of PROTECTED_PAGES) {
    const prefix = rule.prefix.split("/");
    const covers =
      prefix.length <= segments.length &&
      prefix.every((segment, i) => segment === segments[i] || (segment === "*" && segments[i] !== ""));
    if (covers && (!match || rule.prefix.length > match.prefix.length)) match = rule;
  }
  return match?.permission ?? null;
}
