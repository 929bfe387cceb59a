import {
  CalendarCheck,
  CalendarPlus,
  ClipboardList,
  Hourglass,
  History,
  Ticket,
  type LucideIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/site/link-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  listOwnEnrollments,
  type OwnEnrollment,
  type OwnEnrollments,
} from "@/lib/enrollments/enrollments.queries";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  CancelEnrollmentForm,
  ClaimOfferForm,
  DeclineOfferForm,
  EnrollmentActionsProvider,
} from "./enrollment-actions";
import { formatDayRange } from "@/lib/i18n/format";
import { OfferCountdown } from "./offer-countdown";
import { EnrollmentHeading, SessionDetails, StatusBadge } from "./session-details";

/** The locale-less path of this page, for pagination links. */
const PAGE_PATH = "/me/enrollments";
/** The search param of the history's page number. */
export const PAST_PAGE_PARAM = "pastPage";

type SectionKey = "offers" | "upcoming" | "waitlisted" | "pending" | "past";

/** Loads the viewer's enrollments and renders every section (inside the page's Suspense). */
export async function EnrollmentSections({
  user,
  locale,
  pastPage,
  now,
}: {
  user: CurrentUser;
  locale: AppLocale;
  pastPage: number;
  now: Date;
}) {
  const data = await listOwnEnrollments(user, { locale, pastPage, now });
  return <EnrollmentSectionsView data={data} locale={locale} now={now} />;
}

export function EnrollmentSectionsView({
  data,
  locale,
  now,
}: {
  data: OwnEnrollments;
  locale: AppLocale;
  now: Date;
}) {
  const t = useTranslations("myEnrollments");
  const counts: Record<SectionKey, number> = {
    offers: data.offers.length,
    upcoming: data.upcoming.length,
    waitlisted: data.waitlisted.length,
    pending: data.pending.length,
    past: data.past.total,
  };
  const order: SectionKey[] = ["offers", "upcoming", "waitlisted", "pending", "past"];

  return (
    <EnrollmentActionsProvider>
      <nav aria-label={t("jumpTo")} className="mb-8">
        <ul className="flex flex-wrap gap-2">
          {order.map((key) => (
            <li key={key}>
              <a href={`#${key}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                {t(`sections.${key}.title`)}{" "}
                <Badge variant={counts[key] > 0 ? "default" : "neutral"}>{counts[key]}</Badge>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="flex flex-col gap-12">
        <Section
          id="offers"
          count={counts.offers}
          icon={Ticket}
          items={data.offers}
          renderItem={(e) => <OfferCard enrollment={e} locale={locale} now={now} />}
        />

        <Section
          id="upcoming"
          count={counts.upcoming}
          icon={CalendarCheck}
          emptyAction={<LinkButton href="/courses">{t("sections.upcoming.browse")}</LinkButton>}
          items={data.upcoming}
          renderItem={(e) => <UpcomingCard enrollment={e} locale={locale} />}
        />

        <Section
          id="waitlisted"
          count={counts.waitlisted}
          icon={Hourglass}
          items={data.waitlisted}
          renderItem={(e) => <WaitlistedCard enrollment={e} locale={locale} />}
        />

        <Section
          id="pending"
          count={counts.pending}
          icon={ClipboardList}
          items={data.pending}
          renderItem={(e) => <PendingCard enrollment={e} locale={locale} />}
        />

        <Section
          id="past"
          count={counts.past}
          icon={History}
          footer={
            <Pagination
              className="mt-6"
              page={data.past.page}
              pageCount={data.past.pageCount}
              pathname={PAGE_PATH}
              pageParam={PAST_PAGE_PARAM}
            />
          }
          items={data.past.items}
          renderItem={(e) => <PastItem enrollment={e} locale={locale} />}
        />
      </div>
    </EnrollmentActionsProvider>
  );
}

/**
 * A section: an h2 with its count (for the history: across all its pages) and a one-line
 * explanation, then a list of its cards or its empty state.
 */
function Section({
  id,
  count,
  icon,
  emptyAction,
  footer,
  items,
  renderItem,
}: {
  id: SectionKey;
  count: number;
  icon: LucideIcon;
  emptyAction?: ReactNode;
  footer?: ReactNode;
  items: OwnEnrollment[];
  renderItem: (enrollment: OwnEnrollment) => ReactNode;
}) {
  const t = useTranslations(`myEnrollments.sections.${id}`);
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-24">
      <div className="mb-4 flex flex-col gap-1">
        <h2 id={headingId} className="flex items-center gap-2 text-xl font-semibold">
          {/* The space keeps "Past 23" apart in the accessible name; flex layout ignores it. */}
          {t("title")} <Badge variant={count > 0 ? "default" : "neutral"}>{count}</Badge>
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {items.length === 0 ? (
        <EmptyState
          headingLevel="h3"
          icon={icon}
          title={t("empty")}
          description={t("emptyHint")}
          action={emptyAction}
          className="py-8"
        />
      ) : (
        <>
          <ul className="flex flex-col gap-4">
            {items.map((enrollment) => (
              <li key={enrollment.id}>{renderItem(enrollment)}</li>
            ))}
          </ul>
          {footer}
        </>
      )}
    </section>
  );
}

/** The row of buttons and links at the bottom of a card; wraps on a narrow screen. */
function Actions({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start gap-2 border-t border-border pt-4">{children}</div>
  );
}

function OfferCard({
  enrollment,
  locale,
  now,
}: {
  enrollment: OwnEnrollment;
  locale: AppLocale;
  now: Date;
}) {
  const t = useTranslations("myEnrollments.offer");
  const deadline = enrollment.offerExpiresAt;
  // Rendering after the deadline but before the worker expired the offer: the engine would
  // refuse a claim, so none is offered.
  const open = deadline !== null && deadline > now;
  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <EnrollmentHeading enrollment={enrollment} badges={<StatusBadge status="OFFERED" />} />
        {deadline ? (
          <div className="flex flex-col gap-1 rounded-md border border-warning-border bg-warning-bg p-3 text-sm text-warning-fg">
            <p>
              {t.rich("deadline", {
                date: formatDateTime(deadline, locale),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <p>
              <OfferCountdown deadline={deadline} renderedAt={now} />
            </p>
          </div>
        ) : null}
        <p className="text-sm text-muted-foreground">
          {open ? t("explanation") : t("expiredExplanation")}
        </p>
        <SessionDetails enrollment={enrollment} locale={locale} />
        {open ? (
          <Actions>
            <ClaimOfferForm enrollmentId={enrollment.id} courseTitle={enrollment.course.title} />
            <DeclineOfferForm enrollmentId={enrollment.id} courseTitle={enrollment.course.title} />
          </Actions>
        ) : null}
      </CardContent>
    </Card>
  );
}

function UpcomingCard({ enrollment, locale }: { enrollment: OwnEnrollment; locale: AppLocale }) {
  const t = useTranslations("myEnrollments.upcoming");
  const title = enrollment.course.title;
  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <EnrollmentHeading enrollment={enrollment} badges={<StatusBadge status="CONFIRMED" />} />
        <SessionDetails enrollment={enrollment} locale={locale} showPayment />
        <Actions>
          <a
            href={`/${locale}/me/enrollments/${enrollment.id}/calendar.ics`}
            download
            className={buttonVariants({ variant: "secondary" })}
          >
            <CalendarPlus aria-hidden="true" />
            {t("calendar")}
            <span className="sr-only">: {title}</span>
          </a>
          {enrollment.selfCancellable ? (
            <CancelEnrollmentForm enrollmentId={enrollment.id} courseTitle={title} kind="seat" />
          ) : null}
        </Actions>
        {enrollment.selfCancellable ? (
          <p className="text-sm text-muted-foreground">
            {t("cancelUntil", {
              date: formatDateTime(enrollment.session.cancellationCutoffAt, locale),
            })}
          </p>
        ) : (
          <Alert variant="info" role="none">
            {t("cutoffPassed")}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

function WaitlistedCard({ enrollment, locale }: { enrollment: OwnEnrollment; locale: AppLocale }) {
  const t = useTranslations("myEnrollments.waitlisted");
  const { session } = enrollment;
  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <EnrollmentHeading enrollment={enrollment} badges={<StatusBadge status="WAITLISTED" />} />
        {enrollment.waitlistPosition ? (
          <p className="text-base font-semibold">
            {t("position", { position: enrollment.waitlistPosition })}
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">
          {session.waitlistMode === "OFFER"
            ? t("modeOffer", { hours: session.offerHours })
            : t("modeAuto")}
        </p>
        <SessionDetails enrollment={enrollment} locale={locale} />
        {enrollment.selfCancellable ? (
          <Actions>
            <CancelEnrollmentForm
              enrollmentId={enrollment.id}
              courseTitle={enrollment.course.title}
              kind="waitlist"
              waitlistPosition={enrollment.waitlistPosition}
            />
          </Actions>
        ) : null}
      </CardContent>
    </Card>
  );
}

function PendingCard({ enrollment, locale }: { enrollment: OwnEnrollment; locale: AppLocale }) {
  const t = useTranslations("myEnrollments.pending");
  return (
    <Card>
      <CardContent className="flex flex-col gap-4">
        <EnrollmentHeading
          enrollment={enrollment}
          badges={<StatusBadge status="PENDING_APPROVAL" />}
        />
        <p className="text-sm text-muted-foreground">{t("review")}</p>
        <figure className="flex flex-col gap-1 text-sm">
          <figcaption className="font-medium">{t("note")}</figcaption>
          {enrollment.requestNote ? (
            <blockquote className="border-l-4 border-border pl-3 whitespace-pre-line break-words">
              {enrollment.requestNote}
            </blockquote>
          ) : (
            <p className="text-muted-foreground">{t("noNote")}</p>
          )}
        </figure>
        <SessionDetails enrollment={enrollment} locale={locale} />
        {enrollment.selfCancellable ? (
          <Actions>
            <CancelEnrollmentForm
              enrollmentId={enrollment.id}
              courseTitle={enrollment.course.title}
              kind="request"
            />
          </Actions>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** A history entry: what it was, when, how it ended and the certificate if there is one. */
function PastItem({ enrollment, locale }: { enrollment: OwnEnrollment; locale: AppLocale }) {
  const t = useTranslations("myEnrollments.past");
  const { session, status } = enrollment;
  const outcome =
    status === "CANCELLED" && session.status === "CANCELLED"
      ? t("outcome.SESSION_CANCELLED")
      : t.has(`outcome.${status}`)
        ? t(`outcome.${status}`)
        : null;
  return (
    <Card>
      <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="flex min-w-0 flex-col gap-1.5">
          <EnrollmentHeading enrollment={enrollment} />
          {session.startsAt && session.endsAt ? (
            <p className="text-sm text-muted-foreground">
              <time dateTime={session.startsAt.toISOString()}>
                {formatDayRange(session.startsAt, session.endsAt, locale)}
              </time>
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5 text-sm sm:items-end sm:text-right">
          <StatusBadge status={status} />
          {outcome ? <p className="text-muted-foreground">{outcome}</p> : null}
          {enrollment.certificateCode ? (
            <p>
              {t("certificate")}{" "}
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                {enrollment.certificateCode}
              </code>
            </p>
          ) : status === "COMPLETED" ? (
            <p className="text-muted-foreground">{t("certificatePending")}</p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
