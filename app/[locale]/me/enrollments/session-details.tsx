import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { formatKrw } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import type { EnrollmentStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import type { OwnEnrollment } from "@/lib/enrollments/enrollments.queries";
import { cn } from "@/lib/utils";
import { formatMeetingRange } from "@/lib/i18n/format";

const STATUS_VARIANT: Partial<Record<EnrollmentStatus, BadgeVariant>> = {
  CONFIRMED: "success",
  COMPLETED: "success",
  OFFERED: "warning",
  WAITLISTED: "info",
  PENDING_APPROVAL: "info",
  NO_SHOW: "danger",
  REJECTED: "danger",
};

export function StatusBadge({ status }: { status: EnrollmentStatus }) {
  const t = useTranslations("myEnrollments.enrollmentStatus");
  return <Badge variant={STATUS_VARIANT[status] ?? "neutral"}>{t(status)}</Badge>;
}

const PAYMENT_VARIANT: Record<PaymentStatus, BadgeVariant> = {
  UNPAID: "warning",
  INVOICED: "info",
  PAID: "success",
  WAIVED: "neutral",
};

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  const t = useTranslations("myEnrollments.paymentStatus");
  return <Badge variant={PAYMENT_VARIANT[status]}>{t(status)}</Badge>;
}

/** Course code above the course title (an h3 linking to the course page), then badges. */
export function EnrollmentHeading({
  enrollment,
  badges,
}: {
  enrollment: OwnEnrollment;
  badges?: ReactNode;
}) {
  const { course } = enrollment;
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-xs font-medium tracking-wide text-muted-foreground">{course.code}</p>
      <h3 className="text-lg leading-snug font-semibold break-words">
        <Link
          href={`/courses/${course.slug}`}
          className="underline-offset-4 hover:underline focus-visible:underline"
        >
          {course.title}
        </Link>
      </h3>
      {badges ? <div className="flex flex-wrap gap-1.5">{badges}</div> : null}
    </div>
  );
}

/** A term and its value; stacked on a phone, side by side from `sm` up. */
function Detail({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:grid sm:grid-cols-[8rem_1fr] sm:gap-3">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** Every meeting (day, times, Seoul zone), room, language, price and, if asked, payment status. */
export function SessionDetails({
  enrollment,
  locale,
  showPayment = false,
  className,
}: {
  enrollment: OwnEnrollment;
  locale: AppLocale;
  showPayment?: boolean;
  className?: string;
}) {
  const t = useTranslations("myEnrollments.details");
  const tLanguage = useTranslations("myEnrollments.deliveryLanguage");
  const { session } = enrollment;
  return (
    <dl className={cn("flex flex-col gap-3 text-sm", className)}>
      <Detail term={t("schedule", { count: session.meetings.length })}>
        {session.meetings.length === 0 ? (
          t("scheduleTbd")
        ) : (
          <ol className="flex flex-col gap-1">
            {session.meetings.map((meeting) => (
              <li key={meeting.id}>
                <time dateTime={meeting.startsAt.toISOString()}>
                  {formatMeetingRange(meeting.startsAt, meeting.endsAt, locale)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </Detail>
      <Detail term={t("room")}>{session.room ?? t("roomTbd")}</Detail>
      <Detail term={t("language")}>{tLanguage(session.language)}</Detail>
      <Detail term={t("price")}>{formatKrw(session.priceKrw, locale)}</Detail>
      {showPayment ? (
        <Detail term={t("payment")}>
          <PaymentBadge status={enrollment.paymentStatus} />
        </Detail>
      ) : null}
    </dl>
  );
}
