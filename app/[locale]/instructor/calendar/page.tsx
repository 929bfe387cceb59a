import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listResourceOptions } from "@/lib/sessions/sessions.queries";
import { calendarFiltersSchema } from "@/lib/sessions/sessions.schemas";
import { CalendarFilterForm } from "../../admin/calendar/calendar-filters";
import { SessionCalendar } from "../../admin/calendar/session-calendar";

export const generateMetadata = translatedMetadata("calendar.instructor");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/** The sessions the signed-in person teaches (the feed is scoped to them, whatever their role). */
export default async function InstructorCalendarPage({
  params,
  searchParams,
}: PageProps<"/[locale]/instructor/calendar">) {
  const { locale, user } = await openProtectedPage(params, "session:read:assigned");
  const filters = calendarFiltersSchema.parse(await searchParams);
  const [options, t] = await Promise.all([
    listResourceOptions(user, locale),
    getTranslations({ locale, namespace: "calendar.instructor" }),
  ]);
  return (
    <PageShell title={t("title")} description={t("description")}>
      <CalendarFilterForm
        locale={locale}
        pathname="/instructor/calendar"
        options={options}
        filters={{ room: filters.room, equipment: filters.equipment }}
        showInstructor={false}
      />
      <SessionCalendar
        locale={locale}
        feedUrl={`/${locale}/instructor/calendar/events`}
        filters={{ roomId: filters.room, equipmentId: filters.equipment }}
        linkFor="roster"
      />
    </PageShell>
  );
}
