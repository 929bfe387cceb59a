import { ArrowLeft } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { MAX_ATTEMPTS } from "@/lib/notifications/deliver";
import { getOutboxMessage } from "@/lib/notifications/outbox.queries";
import { outboxMessageId } from "@/lib/notifications/transport";
import { OutboxStatusBadge, useTemplateLabel } from "../status-badge";
import { RetryForm } from "./retry-form";

export const generateMetadata = translatedMetadata("outbox.detail");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function OutboxMessagePage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/outbox/[id]">) {
  const { locale, user } = await openProtectedPage(params, "outbox:read");
  const { id } = await params;
  const retried = (await searchParams).retried === "1";
  const message = await getOutboxMessage(user, id);
  if (!message) notFound();
  const t = await getTranslations({ locale, namespace: "outbox" });
  const date = (value: Date) => (
    <time dateTime={value.toISOString()}>{formatDateTime(value, locale)}</time>
  );

  const help = message.gaveUp
    ? t("statusHelp.gaveUp", { max: MAX_ATTEMPTS })
    : message.status === "FAILED"
      ? t("statusHelp.FAILED", { next: formatDateTime(message.nextAttemptAt, locale) })
      : t(`statusHelp.${message.status}`);

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:py-10">
      <Link
        href="/admin/outbox"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>
      <PageHeader title={message.subject} eyebrow={<TemplateName template={message.template} />} />

      <div className="flex flex-col gap-6">
        {retried ? <Alert variant="success">{t("retry.done")}</Alert> : null}
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("detail.facts")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
              <Fact term={t("detail.status")}>
                <div className="flex flex-col gap-1">
                  <OutboxStatusBadge status={message.status} gaveUp={message.gaveUp} />
                  <p className="text-sm text-muted-foreground">{help}</p>
                </div>
              </Fact>
              <Fact term={t("detail.recipient")}>{message.toEmail}</Fact>
              <Fact term={t("detail.language")}>
                {message.locale === "ko" || message.locale === "en"
                  ? t(`detail.languages.${message.locale}`)
                  : message.locale}
              </Fact>
              <Fact term={t("detail.attempts")}>
                {t("table.attemptsValue", { attempts: message.attempts, max: MAX_ATTEMPTS })}
              </Fact>
              <Fact term={t("detail.created")}>{date(message.createdAt)}</Fact>
              {message.sentAt ? <Fact term={t("detail.sent")}>{date(message.sentAt)}</Fact> : null}
              {message.status === "FAILED" && !message.gaveUp ? (
                <Fact term={t("detail.nextAttempt")}>{date(message.nextAttemptAt)}</Fact>
              ) : null}
              <Fact term={t("detail.messageId")}>
                <code className="text-sm break-all">{outboxMessageId(message.id)}</code>
              </Fact>
              {message.lastError ? (
                <Fact term={t("detail.lastError")}>
                  <code className="text-sm break-words whitespace-pre-wrap">
                    {message.lastError}
                  </code>
                </Fact>
              ) : null}
            </dl>
          </CardContent>
        </Card>

        {message.retryable && can(user, "outbox:retry") ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("retry.heading")}</CardTitle>
            </CardHeader>
            <CardContent>
              <RetryForm id={message.id} uncertain={message.status === "UNCERTAIN"} />
            </CardContent>
          </Card>
        ) : null}

        <section aria-labelledby="outbox-body">
          <h2 id="outbox-body" className="mb-1 text-lg font-semibold">
            {t("detail.body")}
          </h2>
          <p className="mb-3 text-sm text-muted-foreground">{t("detail.bodyRedacted")}</p>
          {message.textBody === null ? (
            <p className="text-sm text-muted-foreground">{t("detail.bodyUnavailable")}</p>
          ) : (
            <pre
              lang={message.locale}
              tabIndex={0}
              className="overflow-x-auto rounded-lg border border-border bg-muted p-4 font-sans text-sm leading-relaxed whitespace-pre-wrap"
            >
              {message.textBody}
            </pre>
          )}
        </section>
      </div>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

function TemplateName({ template }: { template: string }) {
  const label = useTemplateLabel();
  return <Badge variant="outline">{label(template)}</Badge>;
}
