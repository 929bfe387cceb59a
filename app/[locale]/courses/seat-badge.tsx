import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { RegistrationState, SeatAvailability } from "@/lib/courses/availability";
import { formatDate } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";

export type SeatBadgeSession = {
  capacity: number;
  seatsLeft: number;
  availability: SeatAvailability;
  registration: RegistrationState;
  registrationOpensAt: Date;
};

/**
 * Seats left in a session, exactly, and what that means: few seats (≤ 3 or ≤ 20 %), full with
 * the waitlist open, or registration not open / closed. Colour is never the only cue: the text
 * says it.
 */
export function SeatBadge({ session, locale }: { session: SeatBadgeSession; locale: AppLocale }) {
  const t = useTranslations("catalog.seats");
  const counts = { left: session.seatsLeft, capacity: session.capacity };
  if (session.registration === "closed") {
    return <Badge variant="neutral">{t("registrationClosed")}</Badge>;
  }
  const seats =
    session.availability === "full" ? (
      <Badge variant="danger">{t("fullWaitlist")}</Badge>
    ) : session.availability === "low" ? (
      <Badge variant="warning">{t("low", counts)}</Badge>
    ) : (
      <Badge variant="success">{t("available", counts)}</Badge>
    );
  if (session.registration === "not-open-yet") {
    return (
      <>
        {seats}
        <Badge variant="info">
          {t("opensOn", { date: formatDate(session.registrationOpensAt, locale) })}
        </Badge>
      </>
    );
  }
  return seats;
}
