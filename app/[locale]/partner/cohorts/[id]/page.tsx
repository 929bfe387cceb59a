import { ArrowLeft, FileUp, Pencil, Users } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getCohort, listCohortMembers } from "@/lib/cohorts/cohorts.queries";
import {
  listMembersQuerySchema,
  MEMBER_STATUSES,
  type MemberStatus,
} from "@/lib/cohorts/cohorts.schemas";
import { formatDate } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import {
  AddMemberForm,
  ArchiveCohortForm,
  RemoveMemberForm,
  ResendInvitationForm,
} from "./member-forms";

export const generateMetadata = translatedMetadata("cohorts.detail");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/** What the previous action reports after redirecting here (`?notice=…`). */
const noticeSchema = z.object({
  notice: z
    .enum([
      "created",
      "updated",
      "imported",
      "member-updated",
      "member-invited",
      "member-linked",
      "member-awaiting-verification",
    ])
    .optional()
    .catch(undefined),
  added: z.coerce.number().int().min(0).catch(0),
  updated: z.coerce.number().int().min(0).catch(0),
  invited: z.coerce.number().int().min(0).catch(0),
});

const STATUS_BADGE: Record<MemberStatus, BadgeVariant> = {
  JOINED: "success",
  INVITED: "info",
  EXPIRED: "warning",
  NOT_INVITED: "neutral",
};

export default async function CohortPage({
  params,
  searchParams,
}: PageProps<"/[locale]/partner/cohorts/[id]">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const { id } = await params;
  const rawSearch = await searchParams;
  const query = listMembersQuerySchema.parse(rawSearch);
  const notice = noticeSchema.parse(rawSearch);
  const cohort = await getCohort(user, id, locale);
  // Another organization's cohort (or a made-up id) is simply not there.
  if (!cohort) notFound();
  const [members, t, tm] = await Promise.all([
    listCohortMembers(user, cohort.id, query),
    getTranslations({ locale, namespace: "cohorts.detail" }),
    getTranslations({ locale, namespace: "cohorts.members" }),
  ]);
  const archived = Boolean(cohort.archivedAt);
  const filtered = Boolean(query.q || query.status);
  const base = `/partner/cohorts/${cohort.id}`;

  return (
    <PageShell
      eyebrow={cohort.organizationName}
      title={
        <span className="flex flex-wrap items-center gap-3">
          {cohort.name}
          {archived ? <Badge variant="neutral">{t("archivedBadge")}</Badge> : null}
        </span>
      }
      description={cohort.program ?? undefined}
      actions={
        <>
          <LinkButton href="/partner/cohorts" variant="ghost" icon={ArrowLeft}>
            {t("back")}
          </LinkButton>
          {archived ? null : (
            <>
              <LinkButton href={`${base}/import`} icon={FileUp}>
                {t("import")}
              </LinkButton>
              <LinkButton href={`${base}/edit`} variant="outline" icon={Pencil}>
                {t("edit")}
              </LinkButton>
            </>
          )}
          <ArchiveCohortForm cohortId={cohort.id} cohortName={cohort.name} archived={archived} />
        </>
      }
    >
      <div className="flex flex-col gap-8">
        {notice.notice ? (
          <Alert variant="success">
            {t(`notices.${notice.notice}`, {
              added: notice.added,
              updated: notice.updated,
              invited: notice.invited,
            })}
          </Alert>
        ) : null}
        {archived ? <Alert variant="warning">{t("archivedNotice")}</Alert> : null}

        <section aria-labelledby="cohort-stats" className="flex flex-col gap-3">
          <h2 id="cohort-stats" className="sr-only">
            {t("statsLabel")}
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {(["total", ...MEMBER_STATUSES] as const).map((key) => (
              <div key={key} className="rounded-lg border border-border p-4">
                <dt className="text-sm text-muted-foreground">{t(`stats.${key}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{cohort.counts[key]}</dd>
              </div>
            ))}
          </dl>
          <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
            {cohort.startsOn ? (
              <div className="flex gap-2">
                <dt className="text-muted-foreground">{t("startsOn")}</dt>
                <dd>{formatDate(cohort.startsOn, locale)}</dd>
              </div>
            ) : null}
            <div className="flex gap-2">
              <dt className="text-muted-foreground">{t("createdAt")}</dt>
              <dd>{formatDate(cohort.createdAt, locale)}</dd>
            </div>
          </dl>
          {cohort.description ? (
            <p className="max-w-3xl text-sm whitespace-pre-line text-muted-foreground">
              {cohort.description}
            </p>
          ) : null}
        </section>

        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <section aria-labelledby="members-heading" className="flex min-w-0 flex-col gap-4">
            <h2 id="members-heading" className="text-xl font-semibold">
              {tm("title")}
            </h2>
            {/* A plain GET form: works without JavaScript and the URL can be shared. */}
            <form
              method="get"
              role="search"
              aria-label={tm("filterLegend")}
              className="flex flex-wrap items-end gap-3"
            >
              <div className="flex w-full flex-col gap-1.5 sm:w-64">
                <Label htmlFor="members-q">{tm("search")}</Label>
                <Input
                  id="members-q"
                  name="q"
                  type="search"
                  defaultValue={query.q ?? ""}
                  maxLength={100}
                />
              </div>
              <div className="flex w-44 flex-col gap-1.5">
                <Label htmlFor="members-status">{tm("statusFilter")}</Label>
                <Select id="members-status" name="status" defaultValue={query.status ?? ""}>
                  <option value="">{tm("allStatuses")}</option>
                  {MEMBER_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {tm(`status.${status}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="outline">
                {tm("filter")}
              </Button>
              {filtered ? (
                <LinkButton href={base} variant="ghost">
                  {tm("clear")}
                </LinkButton>
              ) : null}
            </form>

            {members.items.length === 0 ? (
              <EmptyState
                icon={Users}
                headingLevel="h3"
                title={filtered ? tm("emptyFiltered") : tm("empty")}
                description={filtered ? tm("emptyFilteredHint") : tm("emptyHint")}
                action={
                  filtered || archived ? undefined : (
                    <LinkButton href={`${base}/import`} variant="outline" icon={FileUp}>
                      {t("import")}
                    </LinkButton>
                  )
                }
              />
            ) : (
              <>
                <Table>
                  <TableCaption>{tm("caption", { total: members.total })}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{tm("columns.name")}</TableHead>
                      <TableHead>{tm("columns.email")}</TableHead>
                      <TableHead>{tm("columns.studentNumber")}</TableHead>
                      <TableHead>{tm("columns.department")}</TableHead>
                      <TableHead>{tm("columns.joined")}</TableHead>
                      <TableHead>{tm("columns.invitation")}</TableHead>
                      {archived ? null : <TableHead>{tm("columns.actions")}</TableHead>}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {members.items.map((member) => (
                      <TableRow key={member.id}>
                        {/* Plain text: a name like "=HYPERLINK(…)" from a spreadsheet shows as written. */}
                        <TableCell className="font-medium break-words">{member.name}</TableCell>
                        <TableCell className="break-all">{member.email}</TableCell>
                        <TableCell className="tabular-nums">
                          {member.studentNumber ?? "—"}
                        </TableCell>
                        <TableCell>{member.department ?? "—"}</TableCell>
                        <TableCell className="whitespace-nowrap">
                          {member.joinedAt ? (
                            <Badge variant="success">
                              {tm("joinedOn", { date: formatDate(member.joinedAt, locale) })}
                            </Badge>
                          ) : (
                            <span className="text-muted-foreground">{tm("notJoined")}</span>
                          )}
                        </TableCell>
                        <TableCell>
                          {member.status === "JOINED" ? (
                            "—"
                          ) : (
                            <div className="flex flex-col gap-1">
                              <Badge variant={STATUS_BADGE[member.status]}>
                                {tm(`status.${member.status}`)}
                              </Badge>
                              {member.invitationExpiresAt ? (
                                <span className="text-xs whitespace-nowrap text-muted-foreground">
                                  {member.status === "INVITED"
                                    ? tm("invitationUntil", {
                                        date: formatDate(member.invitationExpiresAt, locale),
                                      })
                                    : tm("invitationExpired", {
                                        date: formatDate(member.invitationExpiresAt, locale),
                                      })}
                                </span>
                              ) : null}
                            </div>
                          )}
                        </TableCell>
                        {archived ? null : (
                          <TableCell>
                            <div className="flex flex-wrap items-start gap-1">
                              <LinkButton
                                href={`${base}/members/${member.id}`}
                                variant="ghost"
                                className="h-8 px-3"
                              >
                                <span aria-hidden="true">{tm("edit")}</span>
                                <span className="sr-only">
                                  {tm("editFor", { name: member.name })}
                                </span>
                              </LinkButton>
                              {member.status === "JOINED" ? null : (
                                <ResendInvitationForm
                                  cohortId={cohort.id}
                                  memberId={member.id}
                                  memberName={member.name}
                                  locale={member.invitationLocale ?? locale}
                                />
                              )}
                              <RemoveMemberForm
                                cohortId={cohort.id}
                                memberId={member.id}
                                memberName={member.name}
                              />
                            </div>
                          </TableCell>
                        )}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <Pagination
                  page={members.page}
                  pageCount={members.pageCount}
                  pathname={base}
                  query={{ q: query.q, status: query.status }}
                />
              </>
            )}
          </section>

          {archived ? null : (
            <aside aria-labelledby="add-member-heading">
              <Card>
                <CardHeader>
                  <CardTitle as="h2" id="add-member-heading">
                    {tm("addTitle")}
                  </CardTitle>
                  <CardDescription>{tm("addDescription")}</CardDescription>
                </CardHeader>
                <CardContent>
                  <AddMemberForm cohortId={cohort.id} />
                </CardContent>
              </Card>
            </aside>
          )}
        </div>
      </div>
    </PageShell>
  );
}
