import { CircleUserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { MobileMenu } from "@/components/site/mobile-menu";
import { navForRole, type NavItem } from "@/components/site/nav-config";
import { NavLinks, type NavLink } from "@/components/site/nav-links";
import { SignOutButton } from "@/components/site/sign-out-button";
import { Wordmark } from "@/components/site/wordmark";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Link } from "@/lib/i18n/navigation";

export type HeaderUser = Pick<CurrentUser, "name" | "role">;

/**
 * Site header. On md+ the public links and a single role link sit in the top bar; a role with a
 * whole section (admin) gets its own bar below, so the top bar never overflows. Below md all of
 * it moves into the disclosure menu.
 * `user`: the signed-in person, null for a visitor, undefined while not known yet (the header is
 * part of every page's static shell and learns who is signed in in the browser, see header.tsx).
 */
export function HeaderView({ user }: { user: HeaderUser | null | undefined }) {
  const t = useTranslations("nav");
  const sections = navForRole(user?.role);
  const toLinks = (items: readonly NavItem[]): NavLink[] =>
    items.map((i) => ({ href: i.href, label: t(i.label) }));
  const main = toLinks(sections.main);
  const role = toLinks(sections.role);
  const allHrefs = [...main, ...role].map((link) => link.href);
  const roleBar = role.length > 1;
  const topLinks = roleBar ? main : [...main, ...role];

  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/85">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" aria-label={t("home")} className="rounded-md">
          <Wordmark />
        </Link>
        <nav aria-label={t("mainLabel")} className="hidden md:block">
          <NavLinks links={topLinks} allHrefs={allHrefs} />
        </nav>
        <div className="ml-auto hidden items-center gap-2 md:flex">
          <LanguageSwitcher />
          <AccountActions user={user} compact />
        </div>
        <MobileMenu className="ml-auto md:hidden">
          <nav aria-label={t("mainLabel")}>
            <NavLinks links={main} allHrefs={allHrefs} orientation="vertical" />
          </nav>
          {role.length > 0 && user ? (
            <nav aria-label={t("roleLabel")} className="border-t border-border pt-4">
              <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {t(`roles.${user.role}`)}
              </p>
              <NavLinks links={role} allHrefs={allHrefs} orientation="vertical" />
            </nav>
          ) : null}
          <div className="flex flex-col gap-3 border-t border-border pt-4">
            {user ? (
              <p className="px-3 text-sm text-muted-foreground">
                {t("signedInAs", { name: user.name })}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-2 px-3">
              <AccountActions user={user} />
            </div>
            <LanguageSwitcher className="mx-3 self-start" />
          </div>
        </MobileMenu>
      </div>
      {roleBar && user ? (
        <div className="hidden border-t border-border bg-muted/60 md:block">
          <nav
            aria-label={t("roleLabel")}
            className="mx-auto flex max-w-6xl items-center gap-3 px-4 sm:px-6"
          >
            <span className="text-xs font-semibold tracking-wide whitespace-nowrap text-muted-foreground uppercase">
              {t(`roles.${user.role}`)}
            </span>
            <NavLinks links={role} allHrefs={allHrefs} />
          </nav>
        </div>
      ) : null}
    </header>
  );
}

/**
 * Sign in / sign up for visitors; account link and sign out for a signed-in user. While the
 * viewer is not known yet, one account link that suits both (it leads a visitor to sign-in),
 * so the header also works without JavaScript.
 */
function AccountActions({
  user,
  compact = false,
}: {
  user: HeaderUser | null | undefined;
  compact?: boolean;
}) {
  const t = useTranslations("nav");
  if (user === undefined) {
    return (
      <Button asChild variant="ghost" size="sm">
        <Link href="/account">
          <CircleUserRound aria-hidden="true" />
          {t("account")}
        </Link>
      </Button>
    );
  }
  if (!user) {
    return (
      <>
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">{t("signIn")}</Link>
        </Button>
        <Button asChild size="sm">
          <Link href="/sign-up">{t("signUp")}</Link>
        </Button>
      </>
    );
  }
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="max-w-56">
        <Link href="/account" aria-label={compact ? `${user.name} · ${t("account")}` : undefined}>
          <CircleUserRound aria-hidden="true" />
          <span className={compact ? "truncate max-lg:sr-only" : "truncate"}>{user.name}</span>
          {compact ? null : <span className="text-muted-foreground">· {t("account")}</span>}
        </Link>
      </Button>
      <SignOutButton compact={compact} />
    </>
  );
}
