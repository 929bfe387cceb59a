import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { MemberStatus } from "@/lib/cohorts/cohorts.schemas";
import type {
  MemberEnrollmentProgress,
  MemberProgressPage,
} from "@/lib/cohorts/partner-dashboard.queries";
import type { EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { formatDate, formatDayRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";

const ACCOUNT_BADGE: Record<MemberStatus, BadgeVariant> = {
  JOINED: "success",
  INVITED: "info",
  EXPIRED: "warning",
  NOT_INVITED: "neutral",
};

const STATUS_BADGE: Partial<Record<EnrollmentStatus, BadgeVariant>> = {
  CONFIRMED: "info",
  COMPLETED: "success",
  NO_SHOW: "danger",
  CANCELLED: "neutral",
};

/** One cohort-seat enrollment of a member: the session, its status, attendance and outcome. */
function EnrollmentLine({
  enrollment: e,
  locale,
}: {
  enrollment: MemberEnrollmentProgress;
  locale: AppLocale;
}) {
  const t = useTranslations("partnerDashboard.members");
  const te = useTranslations("myEnrollments.enrollmentStatus");
  const tc = useTranslations("partnerDashboard.completion");
  return (
    <li className="flex flex-col gap-1">
      <span className="font-medium">
        {e.courseTitle} <span className="font-normal text-muted-foreground">({e.courseCode})</span>
      </span>
      <span className="text-muted-foreground">
        {e.startsAt && e.endsAt ? formatDayRange(e.startsAt, e.endsAt, locale) : "—"}
      </span>
      <span className="flex flex-wrap items-center gap-2">
        <Badge variant={STATUS_BADGE[e.status] ?? "neutral"}>{te(e.status)}</Badge>
        <span>
          {e.meetingsHeld === 0
            ? t("attendance.notStarted", { meetings: e.meetings })
            : t("attendance.value", { attended: e.attended, held: e.meetingsHeld, meetings: e.meetings })}
        </span>
      </span>
      {e.status === "COMPLETED" || e.status === "NO_SHOW" ? (
        <span>
          {tc(e.status)}
          {e.certificate
            ? ` · ${
                e.certificate.revoked
                  ? t("certificate.revoked", { code: e.certificate.code })
                  : t("certificate.issued", {
                      code: e.certificate.code,
                      date: formatDate(e.certificate.issuedAt, locale),
                    })
              }`
            : e.status === "COMPLETED"
              ? ` · ${t("certificate.none")}`
              : ""}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The dashboard's member table: each member of the active cohorts in view, whether they have
 * an account, and their cohort-seat sessions with attendance, completion and certificate.
 */
export function MemberProgressTable({
  members,
  locale,
  query,
}: {
  members: MemberProgressPage;
  locale: AppLocale;
  query: { organizationId?: string; cohortId?: string };
}) {
  const t = useTranslations("partnerDashboard.members");
  const ta = useTranslations("partnerDashboard.account");
  if (members.items.length === 0) {
    return <EmptyState headingLevel="h3" title={t("empty")} description={t("emptyHint")} />;
  }
  return (
    <>
      <Table>
        <TableCaption>{t("caption", { total: members.total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("columns.member")}</TableHead>
            <TableHead>{t("columns.cohort")}</TableHead>
            <TableHead>{t("columns.account")}</TableHead>
            <TableHead>{t("columns.sessions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.items.map((m) => (
            <TableRow key={m.memberId} className="align-top">
              <TableCell>
                <div className="flex flex-col">
                  <span className="font-medium">{m.name}</span>
                  <span className="text-muted-foreground">{m.email}</span>
                  {m.studentNumber || m.department ? (
                    <span className="text-muted-foreground">
                      {[m.studentNumber, m.department].filter(Boolean).join(" · ")}
                    </span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell>{m.cohortName}</TableCell>
              <TableCell>
                <div className="flex flex-col gap-1">
                  <Badge variant={ACCOUNT_BADGE[m.account]}>{ta(m.account)}</Badge>
                  {m.joinedAt ? (
                    <span className="text-xs text-muted-foreground">
                      {t("joinedOn", { date: formatDate(m.joinedAt, locale) })}
                    </span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell>
                {m.enrollments.length === 0 ? (
                  <span className="text-muted-foreground">{t("noSessions")}</span>
                ) : (
                  <ul className="flex flex-col gap-3">
                    {m.enrollments.map((e) => (
                      <EnrollmentLine key={e.enrollmentId} enrollment={e} locale={locale} />
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Pagination
        className="mt-2"
        page={members.page}
        pageCount={members.pageCount}
        pathname="/partner"
        query={query}
      />
    </>
  );
}
