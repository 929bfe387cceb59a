import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
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
import { listTrainingRequests } from "@/lib/training-requests/training-requests.queries";
import {
  listTrainingRequestsQuerySchema,
  TRAINING_REQUEST_STATUSES,
} from "@/lib/training-requests/training-requests.schemas";
import { TrainingRequestStatusBadge } from "./status-badge";

export const generateMetadata = translatedMetadata("adminTrainingRequests.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminTrainingRequestsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/training-requests">) {
  const { locale, user } = await openProtectedPage(params, "training-request:manage");
  const query = listTrainingRequestsQuerySchema.parse(await searchParams);
  const [data, t, tStatus, tKind] = await Promise.all([
    listTrainingRequests(user, query),
    getTranslations({ locale, namespace: "adminTrainingRequests.list" }),
    getTranslations({ locale, namespace: "adminTrainingRequests.statuses" }),
    getTranslations({ locale, namespace: "adminTrainingRequests.kinds" }),
  ]);
  const all = Object.values(data.counts).reduce((sum, n) => sum + n, 0);

  return (
    <PageShell title={t("title")} description={t("description")}>
      {/* A plain GET form: filtering works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        aria-label={t("filterLegend")}
        className="mb-6 flex flex-wrap items-end gap-3"
      >
        <div className="flex w-64 flex-col gap-1.5">
          <Label htmlFor="training-requests-status">{t("status")}</Label>
          <Select id="training-requests-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("allStatuses", { count: all })}</option>
            {TRAINING_REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t("statusOption", { status: tStatus(status), count: data.counts[status] })}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          {t("filter")}
        </Button>
        {query.status ? (
          <LinkButton href="/admin/training-requests" variant="ghost">
            {t("clear")}
          </LinkButton>
        ) : null}
      </form>

      {data.items.length === 0 ? (
        <EmptyState
          title={query.status ? t("emptyFiltered") : t("empty")}
          description={query.status ? undefined : t("emptyHint")}
        />
      ) : (
        <>
          <Table aria-label={t("tableLabel")}>
            <TableCaption>{t("caption", { total: data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.received")}</TableHead>
                <TableHead>{t("columns.request")}</TableHead>
                <TableHead>{t("columns.company")}</TableHead>
                <TableHead>{t("columns.kind")}</TableHead>
                <TableHead className="text-right">{t("columns.headcount")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell className="whitespace-nowrap">
                    <time dateTime={item.createdAt.toISOString()}>
                      {formatDateTime(item.createdAt, locale)}
                    </time>
                  </TableCell>
                  <TableCell className="min-w-64">
                    <Link
                      href={`/admin/training-requests/${item.id}`}
                      className="font-medium text-primary underline-offset-4 hover:underline"
                    >
                      {item.topic}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-col">
                      <span className="font-medium">{item.company}</span>
                      <span className="text-muted-foreground">{item.contactName}</span>
                    </div>
                  </TableCell>
                  <TableCell>{tKind(item.kind)}</TableCell>
                  <TableCell className="text-right tabular-nums">{item.headcount ?? "—"}</TableCell>
                  <TableCell>
                    <TrainingRequestStatusBadge status={item.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/admin/training-requests"
            query={{ status: query.status }}
          />
        </>
      )}
    </PageShell>
  );
}
