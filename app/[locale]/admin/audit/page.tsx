import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
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
import {
  auditListQuerySchema,
  listAuditEntries,
  listAuditFilterOptions,
} from "@/lib/audit/audit.queries";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { formatDateTime } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuditData } from "./audit-data";

export const generateMetadata = translatedMetadata("audit");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AuditLogPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/audit">) {
  const { locale, user } = await openProtectedPage(params, "audit:read");
  const query = auditListQuerySchema.parse(await searchParams);
  const [data, options, t, tRoles] = await Promise.all([
    listAuditEntries(user, query),
    listAuditFilterOptions(user),
    getTranslations({ locale, namespace: "audit" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);
  const filtered = Boolean(
    query.actor || query.action || query.entityType || query.from || query.to,
  );

  return (
    <PageShell title={t("title")} description={t("description")}>
      {/* A plain GET form: filtering works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        aria-label={t("filter.legend")}
        className="mb-4 flex flex-wrap items-start gap-3"
      >
        <div className="flex w-full flex-col gap-1.5 sm:w-64">
          <Label htmlFor="audit-actor">{t("filter.actor")}</Label>
          <Input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={query.actor ?? ""}
            maxLength={100}
            aria-describedby="audit-actor-hint"
          />
          <p id="audit-actor-hint" className="text-xs text-muted-foreground">
            {t("filter.actorHint")}
          </p>
        </div>
        <div className="flex w-52 flex-col gap-1.5">
          <Label htmlFor="audit-entity">{t("filter.entityType")}</Label>
          <Select id="audit-entity" name="entityType" defaultValue={query.entityType ?? ""}>
            <option value="">{t("filter.all")}</option>
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-64 flex-col gap-1.5">
          <Label htmlFor="audit-action">{t("filter.action")}</Label>
          <Select id="audit-action" name="action" defaultValue={query.action ?? ""}>
            <option value="">{t("filter.all")}</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-44 flex-col gap-1.5">
          <Label htmlFor="audit-from">{t("filter.from")}</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="flex w-44 flex-col gap-1.5">
          <Label htmlFor="audit-to">{t("filter.to")}</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="flex gap-2 sm:pt-6">
          <Button type="submit">{t("filter.apply")}</Button>
          {filtered ? (
            <LinkButton href="/admin/audit" variant="ghost">
              {t("filter.clear")}
            </LinkButton>
          ) : null}
        </div>
      </form>
      <p className="mb-4 text-sm text-muted-foreground">{t("timeZoneNote")}</p>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? t("emptyFilteredHint") : undefined}
        />
      ) : (
        <>
          <Table aria-label={t("tableLabel")}>
            <TableCaption>{t("caption", { total: data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.time")}</TableHead>
                <TableHead>{t("columns.actor")}</TableHead>
                <TableHead>{t("columns.action")}</TableHead>
                <TableHead>{t("columns.entity")}</TableHead>
                <TableHead>{t("columns.data")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((entry) => (
                <TableRow key={entry.id} className="align-top">
                  <TableCell className="align-top whitespace-nowrap">
                    <time dateTime={entry.createdAt.toISOString()}>
                      {formatDateTime(entry.createdAt, locale)}
                    </time>
                    {entry.ip ? (
                      <div className="text-xs text-muted-foreground">
                        {t("ip", { ip: entry.ip })}
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell className="align-top">
                    {entry.actor ? (
                      <div className="flex flex-col gap-0.5">
                        <span className="font-medium">{entry.actor.name}</span>
                        <span className="text-muted-foreground">{entry.actor.email}</span>
                        <Badge variant="outline">{tRoles(entry.actor.role)}</Badge>
                      </div>
                    ) : (
                      <span className="text-muted-foreground">{t("system")}</span>
                    )}
                  </TableCell>
                  <TableCell className="align-top">
                    <code className="text-sm break-all">{entry.action}</code>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex flex-col gap-0.5">
                      <span>{entry.entityType}</span>
                      {entry.entityId ? (
                        <code className="text-xs break-all text-muted-foreground">
                          {entry.entityId}
                        </code>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell className="min-w-64 align-top">
                    <AuditData data={entry.data} emptyLabel={t("noData")} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/admin/audit"
            query={{
              actor: query.actor,
              entityType: query.entityType,
              action: query.action,
              from: query.from,
              to: query.to,
            }}
          />
        </>
      )}
    </PageShell>
  );
}
