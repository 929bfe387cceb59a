import { CircleCheck } from "lucide-react";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import { issueFormToken } from "@/lib/training-requests/form-token";
import { TrainingRequestForm } from "./training-request-form";

export const generateMetadata = translatedMetadata("trainingRequests", { index: true });

/**
 * The public request form for customised training and pilot-process support. The heading and
 * introduction are the static shell; the form streams in per request because it carries a
 * freshly signed time stamp (the minimum-fill-time check), and after sending, the same address
 * with `?sent=1` shows the thank-you instead (a honeypot hit lands there too).
 */
export default async function NewTrainingRequestPage({
  params,
  searchParams,
}: PageProps<"/[locale]/training-requests/new">) {
  const locale = (await params).locale as AppLocale;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "trainingRequests" });
  return (
    <PageShell width="narrow" title={t("title")} description={t("description")}>
      <Suspense fallback={<FormSkeleton />}>
        <RequestSection locale={locale} searchParams={searchParams} />
      </Suspense>
    </PageShell>
  );
}

async function RequestSection({
  locale,
  searchParams,
}: {
  locale: AppLocale;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sent = (await searchParams).sent === "1";
  if (sent) return <ThankYou locale={locale} />;
  // The stamp must be the time of this request, never of a prerender.
  await connection();
  return (
    <Card>
      <CardContent>
        <TrainingRequestForm formToken={issueFormToken()} />
      </CardContent>
    </Card>
  );
}

async function ThankYou({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "trainingRequests.thanks" });
  return (
    <Card>
      <CardContent className="flex flex-col items-start gap-4">
        <div role="status" className="flex items-start gap-3">
          <CircleCheck aria-hidden="true" className="mt-1 size-6 shrink-0 text-success-fg" />
          <div className="flex flex-col gap-2">
            <h2 className="text-xl font-semibold">{t("title")}</h2>
            <p className="text-muted-foreground">{t("body")}</p>
            <p className="text-muted-foreground">{t("next")}</p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/courses">{t("browseCourses")}</LinkButton>
          <LinkButton href="/training-requests/new" variant="outline">
            {t("another")}
          </LinkButton>
        </div>
      </CardContent>
    </Card>
  );
}

function FormSkeleton() {
  return (
    <Card>
      <CardContent className="flex flex-col gap-5">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-10 w-full" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-10 w-36" />
      </CardContent>
    </Card>
  );
}
