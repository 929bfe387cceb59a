import { BadgeCheck, CircleHelp, ShieldX, Timer } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { clientIp } from "@/lib/auth/client-ip";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";
import { verifyCertificate, type CertificateVerification } from "@/lib/certificates/certificates.queries";
import { verifyRateLimit } from "@/lib/certificates/verify-rate-limit";
import { formatDate, formatDayRange } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import { cn } from "@/lib/utils";
import { VerifyForm } from "../verify-form";

// Results carry a name: kept out of search engines.
export const generateMetadata = translatedMetadata("verify");
// Looked up for each request (rate-limited per client address).
export const instant = false;

type Outcome = CertificateVerification | { status: "invalid"; code: string } | { status: "limited"; minutes: number };

/**
 * The public answer for one certificate code (the QR code on the certificate opens this page):
 * confirmed with what the certificate prints, or denied (unknown or revoked). Lookups are
 * rate-limited per address so codes cannot be enumerated; nothing beyond the printed name is shown.
 */
export default async function VerifyCodePage({ params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale: raw, code: typed } = await params;
  const locale = raw as AppLocale;
  setRequestLocale(locale);
  const code = normalizeCertificateCode(typed);
  // One address per certificate: a code typed in another form goes to its canonical page.
  if (code && code !== typed) redirect(`/${locale}/verify/${code}`);

  let outcome: Outcome;
  if (!code) {
    outcome = { status: "invalid", code: typed.slice(0, 40) };
  } else {
    const limits = verifyRateLimit();
    const ip = clientIp(await headers());
    const verdict = await limits.consume(ip);
    if (!verdict.allowed) {
      outcome = { status: "limited", minutes: Math.ceil(verdict.retryAfterSeconds / 60) };
    } else {
      outcome = await verifyCertificate(code);
      if (outcome.status === "unknown") await limits.recordMiss(ip);
    }
  }

  const t = await getTranslations({ locale, namespace: "verify" });
  return (
    <PageShell width="narrow" title={t("title")}>
      <div className="flex flex-col gap-8">
        <Result outcome={outcome} locale={locale} t={t} />
        <section aria-labelledby="check-another" className="flex flex-col gap-3">
          <h2 id="check-another" className="text-lg font-semibold">
            {t("checkAnother")}
          </h2>
          <VerifyForm />
          <p className="text-sm text-muted-foreground">{t("privacy")}</p>
        </section>
      </div>
    </PageShell>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function Verdict({
  tone,
  icon: Icon,
  title,
  description,
  children,
}: {
  tone: "valid" | "denied" | "neutral";
  icon: LucideIcon;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  return (
    <Card
      className={cn(
        "border-2",
        tone === "valid" && "border-success-border",
        tone === "denied" && "border-danger-border",
      )}
    >
      <CardHeader>
        <div className="flex items-start gap-3">
          <Icon
            aria-hidden="true"
            className={cn(
              "mt-0.5 size-7 shrink-0",
              tone === "valid" ? "text-success-fg" : tone === "denied" ? "text-danger-fg" : "text-muted-foreground",
            )}
          />
          <div className="flex flex-col gap-1.5">
            <CardTitle>{title}</CardTitle>
            <CardDescription>{description}</CardDescription>
          </div>
        </div>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Result({ outcome, locale, t }: { outcome: Outcome; locale: AppLocale; t: Translate }) {
  switch (outcome.status) {
    case "valid": {
      const facts: [string, string][] = [
        [t("valid.name"), outcome.traineeName],
        [
          t("valid.course"),
          `${locale === "en" ? outcome.courseTitleEn : outcome.courseTitleKo} (${outcome.courseCode})`,
        ],
        [t("valid.dates"), formatDayRange(outcome.startsAt, outcome.endsAt, locale)],
        [t("valid.hours"), t("valid.hoursValue", { hours: outcome.hours })],
        [t("valid.issued"), formatDate(outcome.issuedAt, locale)],
        [t("valid.code"), outcome.code],
      ];
      return (
        <Verdict tone="valid" icon={BadgeCheck} title={t("valid.title")} description={t("valid.description")}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </Verdict>
      );
    }
    case "revoked":
      return (
        <Verdict
          tone="denied"
          icon={ShieldX}
          title={t("revoked.title")}
          description={t("revoked.description", { code: outcome.code, date: formatDate(outcome.revokedAt, locale) })}
        />
      );
    case "unknown":
      return (
        <Verdict
          tone="denied"
          icon={ShieldX}
          title={t("unknown.title")}
          description={t("unknown.description", { code: outcome.code })}
        />
      );
    case "invalid":
      return <Verdict tone="neutral" icon={CircleHelp} title={t("unknown.title")} description={t("invalidCode")} />;
    case "limited":
      return (
        <Verdict
          tone="neutral"
          icon={Timer}
          title={t("limited.title")}
          description={t("limited.description", { minutes: outcome.minutes })}
        />
      );
  }
}
