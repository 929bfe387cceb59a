import { Mail, MapPin } from "lucide-react";
import { cacheLife } from "next/cache";
import { getTranslations } from "next-intl/server";
import { Wordmark } from "@/components/site/wordmark";
import { Link } from "@/lib/i18n/navigation";

const footerLinks = [
  { href: "/courses", label: "courses" },
  { href: "/training-requests/new", label: "trainingRequests" },
  { href: "/verify", label: "verify" },
] as const;

/**
 * The year for the copyright line. Cached: under Cache Components the current time may not be
 * read while prerendering, and the footer is part of every page's static shell.
 */
async function copyrightYear(): Promise<number> {
  "use cache";
  cacheLife("days");
  return new Date().getFullYear();
}

export async function SiteFooter() {
  const [t, year] = await Promise.all([getTranslations("footer"), copyrightYear()]);
  const email = t("email");
  return (
    <footer className="mt-auto border-t border-border bg-muted/50">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[1.4fr_1fr_1fr]">
        <div className="flex flex-col gap-4">
          <Wordmark />
          <p className="max-w-sm text-sm leading-relaxed text-muted-foreground">{t("tagline")}</p>
        </div>
        <address className="flex flex-col gap-3 text-sm not-italic">
          <h2 className="font-semibold text-foreground">{t("centerName")}</h2>
          <p className="flex gap-2 text-muted-foreground">
            <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="sr-only">{t("addressLabel")}: </span>
              {t("address")}
            </span>
          </p>
          <p className="flex gap-2 text-muted-foreground">
            <Mail aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="sr-only">{t("contactLabel")}: </span>
              <a
                href={`mailto:${email}`}
                className="text-brand-800 underline underline-offset-2 hover:text-foreground"
              >
                {email}
              </a>
              <br />
              {t("hours")}
            </span>
          </p>
        </address>
        <nav aria-label={t("linksLabel")} className="flex flex-col gap-3 text-sm">
          <h2 className="font-semibold text-foreground">{t("linksLabel")}</h2>
          <ul className="flex flex-col gap-2">
            {footerLinks.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="text-muted-foreground underline-offset-2 hover:text-foreground hover:underline"
                >
                  {t(link.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="border-t border-border">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs text-muted-foreground sm:px-6">
          {t("copyright", { year })}
        </p>
      </div>
    </footer>
  );
}
