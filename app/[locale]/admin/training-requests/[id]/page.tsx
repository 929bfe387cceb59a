import { ArrowLeft, ArrowRight } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openProtectedPage } from "@/lib/auth/protected-page";
import type { TrainingRequestStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  getTrainingRequest,
  type TrainingRequestEventItem,
} from "@/lib/training-requests/training-requests.queries";
import { TRAINING_REQUEST_STATUSES } from "@/lib/training-requests/training-requests.schemas";
import { TrainingRequestStatusBadge } from "../status-badge";
import { UpdateTrainingRequestForm } from "./update-form";

export const generateMetadata = translatedMetadata("adminTrainingRequests.detail");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function TrainingRequestPage({
  params,
}: PageProps<"/[locale]/admin/training-requests/[id]">) {
  const { locale, user } = await openProtectedPage(params, "training-request:manage");
  const { id } = await params;
  const request = await getTrainingRequest(user, id);
  if (!request) notFound();
  const [t, tStatus, tKind] = await Promise.all([
    getTranslations({ locale, namespace: "adminTrainingRequests.detail" }),
    getTranslations({ locale, namespace: "adminTrainingRequests.statuses" }),
    getTranslations({ locale, namespace: "adminTrainingRequests.kinds" }),
  ]);
  const statusLabels = Object.fromEntries(
    TRAINING_REQUEST_STATUSES.map((s) => [s, tStatus(s)]),
  ) as Record<TrainingRequestStatus, string>;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:py-10">
      <Link
        href="/admin/training-requests"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader
        title={request.topic}
        eyebrow={t("eyebrow", { company: request.company, kind: tKind(request.kind) })}
        actions={<TrainingRequestStatusBadge status={request.status} />}
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("facts")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
                <Fact term={t("kind")}>{tKind(request.kind)}</Fact>
                <Fact term={t("company")}>{request.company}</Fact>
                <Fact term={t("contact")}>{request.contactName}</Fact>
                <Fact term={t("email")}>
                  <a
                    href={`mailto:${request.email}`}
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {request.email}
                  </a>
                </Fact>
                <Fact term={t("phone")}>{request.phone ?? "—"}</Fact>
                <Fact term={t("headcount")}>
                  {request.headcount ? t("people", { count: request.headcount }) : "—"}
                </Fact>
                <Fact term={t("preferredDates")}>{request.preferredDates ?? "—"}</Fact>
                <Fact term={t("language")}>{t(`languages.${request.locale}`)}</Fact>
                <Fact term={t("received")}>
                  <time dateTime={request.createdAt.toISOString()}>
                    {formatDateTime(request.createdAt, locale)}
                  </time>
                </Fact>
              </dl>
            </CardContent>
          </Card>

          <section aria-labelledby="training-request-message">
            <h2 id="training-request-message" className="mb-3 text-lg font-semibold">
              {t("message")}
            </h2>
            <p
              lang={request.locale}
              className="rounded-lg border border-border bg-muted p-4 leading-relaxed whitespace-pre-wrap"
            >
              {request.message}
            </p>
          </section>

          <section aria-labelledby="training-request-history">
            <h2 id="training-request-history" className="mb-3 text-lg font-semibold">
              {t("history")}
            </h2>
            <ol className="flex flex-col gap-3">
              {[...request.events].reverse().map((event) => (
                <HistoryEntry
                  key={event.id}
                  event={event}
                  locale={locale}
                  statusLabels={statusLabels}
                />
              ))}
            </ol>
          </section>
        </div>

        <Card className="self-start">
          <CardHeader>
            <CardTitle as="h2">{t("updateTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <UpdateTrainingRequestForm
              requestId={request.id}
              status={request.status}
              statusLabels={statusLabels}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

async function HistoryEntry({
  event,
  locale,
  statusLabels,
}: {
  event: TrainingRequestEventItem;
  locale: AppLocale;
  statusLabels: Record<TrainingRequestStatus, string>;
}) {
  const t = await getTranslations({ locale, namespace: "adminTrainingRequests.detail" });
  const who = event.actor
    ? t("by", { name: event.actor.name, email: event.actor.email })
    : t("byForm");
  let what: ReactNode;
  if (event.fromStatus && event.toStatus) {
    const from = statusLabels[event.fromStatus];
    const to = statusLabels[event.toStatus];
    what = (
      <>
        <span aria-hidden="true" className="inline-flex flex-wrap items-center gap-1.5">
          <span>{from}</span>
          <ArrowRight className="size-4" />
          <span className="font-semibold">{to}</span>
        </span>
        <span className="sr-only">{t("moved", { from, to })}</span>
      </>
    );
  } else if (event.toStatus) {
    what = t("created", { status: statusLabels[event.toStatus] });
  } else {
    what = t("noteAdded");
  }
  return (
    <li className="rounded-lg border border-border p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{what}</span>
        <time dateTime={event.createdAt.toISOString()} className="text-sm text-muted-foreground">
          {formatDateTime(event.createdAt, locale)}
        </time>
      </div>
      <p className="mt-1 text-sm text-muted-foreground">{who}</p>
      {event.note ? <p className="mt-2 leading-relaxed whitespace-pre-wrap">{event.note}</p> : null}
    </li>
  );
}
