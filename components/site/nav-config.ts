import type { Role } from "@/lib/generated/prisma/enums";

/** Keys of the `nav` message namespace that name a navigation target. */
export type NavLabelKey =
  | "courses"
  | "trainingRequests"
  | "myEnrollments"
  | "mySessions"
  | "adminDashboard"
  | "adminSessions"
  | "adminCourses"
  | "adminUsers"
  | "adminOutbox"
  | "adminAudit"
  | "adminSeatBlocks"
  | "adminCalendar"
  | "adminTrainingRequests"
  | "instructorCalendar"
  | "partnerDashboard"
  | "partnerCohorts"
  | "partnerSeatBlocks";

export type NavItem = {
  /** Locale-less path; the i18n Link adds the prefix. */
  href: `/${string}`;
  label: NavLabelKey;
};

/** Everyone, signed in or not. */
export const publicNav: readonly NavItem[] = [
  { href: "/courses", label: "courses" },
  { href: "/training-requests/new", label: "trainingRequests" },
];

/**
 * The single source of who sees which link. Showing a link is a convenience, not a permission:
 * every page behind these links checks the permission itself.
 */
export const roleNav: Readonly<Record<Role, readonly NavItem[]>> = {
  TRAINEE: [{ href: "/me/enrollments", label: "myEnrollments" }],
  INSTRUCTOR: [
    { href: "/instructor/sessions", label: "mySessions" },
    { href: "/instructor/calendar", label: "instructorCalendar" },
  ],
  ADMIN: [
    { href: "/admin", label: "adminDashboard" },
    { href: "/admin/sessions", label: "adminSessions" },
    { href: "/admin/calendar", label: "adminCalendar" },
    { href: "/admin/courses", label: "adminCourses" },
    { href: "/admin/training-requests", label: "adminTrainingRequests" },
    { href: "/admin/users", label: "adminUsers" },
    { href: "/admin/outbox", label: "adminOutbox" },
    { href: "/admin/audit", label: "adminAudit" },
    { href: "/admin/seat-blocks", label: "adminSeatBlocks" },
  ],
  PARTNER: [
    { href: "/partner", label: "partnerDashboard" },
    { href: "/partner/cohorts", label: "partnerCohorts" },
    { href: "/partner/seat-blocks", label: "partnerSeatBlocks" },
  ],
};

export type NavSections = { main: readonly NavItem[]; role: readonly NavItem[] };

/** The navigation for a viewer: the public links plus those of their role (none when signed out). */
export function navForRole(role: Role | null | undefined): NavSections {
  return { main: publicNav, role: role ? roleNav[role] : [] };
}

/**
 * Whether `href` is the current page or a page under it ("/admin/users/42" is under "/admin/users").
 * When a longer link also matches, it wins: on "/admin/users" the dashboard ("/admin") is not current.
 */
export function isActiveHref(pathname: string, href: string, allHrefs: readonly string[]): boolean {
  if (pathname === href) return true;
  if (!pathname.startsWith(`${href}/`)) return false;
  // A longer, more specific link that also matches wins.
  return !allHrefs.some(
    (other) =>
      other !== href &&
      other.startsWith(`${href}/`) &&
      (pathname === other || pathname.startsWith(`${other}/`)),
  );
}
