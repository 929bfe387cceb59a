import { getPathname } from "@/lib/i18n/navigation";

/** `/ko/courses?category=…`, or `/ko/courses` with nothing to add (the static catalog). */
export function catalogHref(query: Record<string, string>, locale: string): string {
  const href = Object.keys(query).length > 0 ? { pathname: "/courses", query } : "/courses";
  return getPathname({ href, locale });
}
