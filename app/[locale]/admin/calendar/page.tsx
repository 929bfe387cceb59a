import { List } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listResourceOptions } from "@/lib/sessions/sessions.queries";
import { calendarFiltersSchema } from "@/lib/sessions/sessions.schemas";
import { CalendarFilterForm } from "./calendar-filters";
import { SessionCalendar } from "./session-calendar";

export const generateMetadata = translatedMetadata("calendar.admin");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminCalendarPage({ params, searchParams }: PageProps<"/[locale]/admin/calendar">) {
  const { locale, user } = await openProtectedPage(params, "session:read:any");
  const filters = calendarFiltersSchema.parse(await searchParams);
  const [options, t] = await Promise.all([
    listResourceOptions(user, locale),
    getTranslations({ locale, namespace: "calendar.admin" }),
  ]);
  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/sessions" variant="outline" icon={List}>
          {t("list")}
        </LinkButton>
      }
    >
      <CalendarFilterForm
        locale={locale}
        pathname="/admin/calendar"
        options={options}
        filters={filters}
        showInstructor
      />
      <SessionCalendar
        locale={locale}
        feedUrl={`/${locale}/admin/calendar/events`}
        filters={{ roomId: filters.room, equipmentId: filters.equipment, instructorId: filters.instructor }}
        linkFor="admin"
      />
    </PageShell>
  );
}
