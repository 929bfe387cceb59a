import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { AppLocale } from "@/lib/i18n/routing";
import type { ResourceOptions } from "@/lib/sessions/sessions.queries";
import type { CalendarFilters } from "@/lib/sessions/sessions.schemas";

/** The calendar's filters as a plain GET form: the URL keeps them, so a filtered view can be shared. */
export async function CalendarFilterForm({
  locale,
  pathname,
  options,
  filters,
  showInstructor,
}: {
  locale: AppLocale;
  /** Locale-less path of the calendar page. */
  pathname: "/admin/calendar" | "/instructor/calendar";
  options: ResourceOptions;
  filters: CalendarFilters;
  showInstructor: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "calendar.filters" });
  const filtered = Boolean(filters.room || filters.equipment || filters.instructor);
  return (
    <form method="get" role="search" aria-label={t("legend")} className="mb-6 flex flex-wrap items-end gap-3">
      <div className="flex w-full flex-col gap-1.5 sm:w-56">
        <Label htmlFor="calendar-room">{t("room")}</Label>
        <Select id="calendar-room" name="room" defaultValue={filters.room ?? ""}>
          <option value="">{t("allRooms")}</option>
          {options.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex w-full flex-col gap-1.5 sm:w-64">
        <Label htmlFor="calendar-equipment">{t("equipment")}</Label>
        <Select id="calendar-equipment" name="equipment" defaultValue={filters.equipment ?? ""}>
          <option value="">{t("allEquipment")}</option>
          {options.equipment.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </Select>
      </div>
      {showInstructor ? (
        <div className="flex w-full flex-col gap-1.5 sm:w-56">
          <Label htmlFor="calendar-instructor">{t("instructor")}</Label>
          <Select id="calendar-instructor" name="instructor" defaultValue={filters.instructor ?? ""}>
            <option value="">{t("allInstructors")}</option>
            {options.instructors.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <Button type="submit">{t("apply")}</Button>
      {filtered ? (
        <LinkButton href={pathname} variant="ghost">
          {t("clear")}
        </LinkButton>
      ) : null}
    </form>
  );
}
