"use client";

import { Link, usePathname } from "@/lib/i18n/navigation";
import { isActiveHref } from "@/components/site/nav-config";
import { cn } from "@/lib/utils";

export type NavLink = { href: string; label: string };

/**
 * A list of navigation links; the current page's link gets aria-current="page" and an underline
 * (colour is not the only cue). Client-side only because it reads the current pathname.
 */
export function NavLinks({
  links,
  allHrefs,
  orientation = "horizontal",
  className,
}: {
  links: readonly NavLink[];
  /** Every href in the header, so the most specific match wins (see isActiveHref). */
  allHrefs?: readonly string[];
  orientation?: "horizontal" | "vertical";
  className?: string;
}) {
  const pathname = usePathname();
  const hrefs = allHrefs ?? links.map((link) => link.href);
  return (
    <ul
      className={cn(
        orientation === "horizontal"
          ? "flex flex-wrap items-center gap-1"
          : "flex flex-col gap-0.5",
        className,
      )}
    >
      {links.map((link) => {
        const active = isActiveHref(pathname, link.href, hrefs);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium transition-colors hover:bg-accent hover:text-foreground",
                active
                  ? "text-brand-800 underline decoration-2 underline-offset-[0.4rem]"
                  : "text-muted-foreground",
                orientation === "vertical" && "py-2.5 text-base",
                orientation === "vertical" && active && "bg-secondary no-underline",
              )}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
