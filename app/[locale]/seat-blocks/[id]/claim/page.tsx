import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getClaimableSeatBlock } from "@/lib/cohorts/seat-blocks.queries";
import { formatDateTime, formatDayRange } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { ClaimSeatForm } from "./claim-form";

export const generateMetadata = translatedMetadata("seatBlocks.claim");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/**
 * Where a cohort member lands from the claim link their coordinator sent: the session their
 * university holds seats in, how many are left and until when, and the button to take one.
 * Only members of the block's cohort reach it; for anyone else it does not exist.
 */
export default async function ClaimSeatPage({ params }: PageProps<"/[locale]/seat-blocks/[id]/claim">) {
  const { locale, user } = await openProtectedPage(params, "seat-block:claim:own");
  const { id } = await params;
  const block = await getClaimableSeatBlock(user, id, locale);
  if (!block) notFound();
  const [t, tl, te] = await Promise.all([
    getTranslations({ locale, namespace: "seatBlocks.claim" }),
    getTranslations({ locale, namespace: "seatBlocks.language" }),
    getTranslations({ locale, namespace: "myEnrollments.enrollmentStatus" }),
  ]);
  const { session } = block;
  const facts = [
    {
      key: "dates",
      value:
        session.startsAt && session.endsAt
          ? formatDayRange(session.startsAt, session.endsAt, locale)
          : "—",
    },
    { key: "language", value: tl(session.language) },
    ...(block.location ? [{ key: "location", value: block.location }] : []),
    { key: "seatsLeft", value: t("seatsLeftValue", { count: block.seatsLeft }) },
    ...(block.releaseAt && !block.refusal
      ? [{ key: "releaseAt", value: formatDateTime(block.releaseAt, locale) }]
      : []),
  ];

  return (
    <PageShell
      width="narrow"
      eyebrow={`${block.organizationName} · ${block.cohortName}`}
      title={t("title", { course: session.courseTitle })}
      description={t("description", { organization: block.organizationName, code: session.courseCode })}
    >
      <Card>
        <CardContent className="flex flex-col gap-5">
          <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {facts.map((fact) => (
              <div key={fact.key} className="contents">
                <dt className="text-muted-foreground">{t(`facts.${fact.key}`)}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
          {block.ownStatus ? (
            <>
              <Alert variant={block.ownSeatFromBlock ? "success" : "info"}>
                {block.ownSeatFromBlock
                  ? t("ownSeat")
                  : t("alreadyEnrolled", { status: te(block.ownStatus) })}
              </Alert>
              <LinkButton href="/me/enrollments" variant="outline" className="self-start">
                {t("myEnrollments")}
              </LinkButton>
            </>
          ) : block.refusal ? (
            <Alert variant="warning">{t(`refusal.${block.refusal}`)}</Alert>
          ) : (
            <>
              <p className="text-sm text-muted-foreground">{t("explanation")}</p>
              <ClaimSeatForm blockId={block.id} />
            </>
          )}
        </CardContent>
      </Card>
    </PageShell>
  );
}
