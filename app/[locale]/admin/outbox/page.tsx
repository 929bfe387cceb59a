import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import { MAX_ATTEMPTS } from "@/lib/notifications/deliver";
import { listOutboxMessages } from "@/lib/notifications/outbox.queries";
import { OUTBOX_STATUSES, outboxListQuerySchema } from "@/lib/notifications/outbox.schemas";
import { OutboxStatusBadge, useTemplateLabel } from "./status-badge";

export const generateMetadata = translatedMetadata("outbox");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function OutboxPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/outbox">) {
  const { locale, user } = await openProtectedPage(params, "outbox:read");
  const query = outboxListQuerySchema.parse(await searchParams);
  const data = await listOutboxMessages(user, query);
  const t = await getTranslations({ locale, namespace: "outbox" });
  const all = Object.values(data.counts).reduce((sum, n) => sum + n, 0);

  return (
    <PageShell title={t("title")} description={t("description")}>
      {/* A plain GET form: filtering works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        className="mb-6 flex flex-wrap items-end gap-3"
        aria-label={t("filter.legend")}
      >
        <div className="flex w-60 flex-col gap-1.5">
          <Label htmlFor="outbox-status">{t("filter.status")}</Label>
          <Select id="outbox-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("filter.all", { count: all })}</option>
            {OUTBOX_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t("filter.option", { status: t(`status.${status}`), count: data.counts[status] })}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          {t("filter.apply")}
        </Button>
        {query.status ? (
          <LinkButton href="/admin/outbox" variant="ghost">
            {t("filter.clear")}
          </LinkButton>
        ) : null}
      </form>

      {data.items.length === 0 ? (
        <EmptyState
          title={t("empty.title")}
          description={t("empty.description")}
          action={
            query.status ? (
              <LinkButton href="/admin/outbox" variant="outline">
                {t("empty.filteredAction")}
              </LinkButton>
            ) : undefined
          }
        />
      ) : (
        <>
          <OutboxTable
            items={data.items}
            locale={locale}
            caption={t("table.caption", { total: data.total })}
          />
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/admin/outbox"
            query={{ status: query.status }}
          />
        </>
      )}
    </PageShell>
  );
}

type Items = Awaited<ReturnType<typeof listOutboxMessages>>["items"];

function OutboxTable({
  items,
  locale,
  caption,
}: {
  items: Items;
  locale: AppLocale;
  caption: string;
}) {
  const t = useTranslations("outbox.table");
  const templateLabel = useTemplateLabel();
  return (
    <Table aria-label={t("label")}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("created")}</TableHead>
          <TableHead>{t("recipient")}</TableHead>
          <TableHead>{t("template")}</TableHead>
          <TableHead>{t("subject")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead className="text-right">{t("attempts")}</TableHead>
          <TableHead>{t("sent")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={item.createdAt.toISOString()}>
                {formatDateTime(item.createdAt, locale)}
              </time>
            </TableCell>
            <TableCell className="max-w-56 truncate" title={item.toEmail}>
              {item.toEmail}
            </TableCell>
            <TableCell>
              <Badge variant="outline">{templateLabel(item.template)}</Badge>
            </TableCell>
            <TableCell className="min-w-56">
              <Link
                href={`/admin/outbox/${item.id}`}
                className="font-medium text-primary underline-offset-4 hover:underline"
              >
                {item.subject}
              </Link>
            </TableCell>
            <TableCell>
              <OutboxStatusBadge status={item.status} gaveUp={item.gaveUp} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {t("attemptsValue", { attempts: item.attempts, max: MAX_ATTEMPTS })}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {item.sentAt ? (
                <time dateTime={item.sentAt.toISOString()}>
                  {formatDateTime(item.sentAt, locale)}
                </time>
              ) : (
                <>
                  <span aria-hidden="true">{t("notSent")}</span>
                  <span className="sr-only">{t("notSentLabel")}</span>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
