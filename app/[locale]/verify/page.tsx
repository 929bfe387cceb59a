import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent } from "@/components/ui/card";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import { VerifyForm } from "./verify-form";

export const generateMetadata = translatedMetadata("verify", { index: true });

/**
 * The public entry to certificate verification (no sign-in): a form for the code printed on a
 * certificate. The lookup itself happens on /verify/[code], which the QR code opens directly.
 */
export default async function VerifyPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = (await params).locale as AppLocale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "verify" });
  return (
    <PageShell width="narrow" title={t("title")} description={t("description")}>
      <Card>
        <CardContent>
          <VerifyForm />
        </CardContent>
      </Card>
      <p className="mt-4 text-sm text-muted-foreground">{t("privacy")}</p>
    </PageShell>
  );
}
