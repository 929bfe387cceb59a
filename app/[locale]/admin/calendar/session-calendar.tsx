"use client";

import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import listPlugin from "@fullcalendar/react/list";
import koLocale from "@fullcalendar/react/locales/ko";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import "./session-calendar.css";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useSyncExternalStore } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert } from "@/components/ui/alert";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";

/** An event as the feed (lib/sessions/calendar-feed.ts) sends it: one meeting of a session. */
type FeedEvent = {
  id: string;
  sessionId: string;
  title: string;
  start: string;
  end: string;
  status: SessionStatus;
  courseCode: string;
  roomName: string | null;
  meetingNumber: number;
  meetingCount: number;
};

// Block colours with white text, each at least 4.5:1 (WCAG AA), told apart by words as well.
const STATUS_COLORS: Record<SessionStatus, string> = {
  PUBLISHED: "#0f766e",
  DRAFT: "#52525b",
  COMPLETED: "#1e40af",
  CANCELLED: "#b91c1c",
};

const noSubscription = () => () => {};

/**
 * Week and month views of sessions (FullCalendar 7, MIT parts only: day grid, time grid,
 * list), in Asia/Seoul whatever the browser's zone, in Korean or English. Events come from a
 * JSON feed for the visible range; each is a link (<a href>, reachable with Tab) to the
 * session's page, followed with client-side navigation.
 */
export function SessionCalendar({
  locale,
  feedUrl,
  filters,
  linkFor,
}: {
  locale: AppLocale;
  /** Locale-prefixed path of the event feed, e.g. /ko/admin/calendar/events. */
  feedUrl: string;
  /** Filters passed to the feed as they are (roomId, equipmentId, instructorId). */
  filters: Record<string, string | undefined>;
  /** "admin": events link to /admin/sessions/[id]; "roster": to /sessions/[id]/roster. */
  linkFor: "admin" | "roster";
}) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  const eventSource = useMemo(
    () => ({
      url: feedUrl,
      extraParams: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>,
    }),
    [feedUrl, filters],
  );

  // Rendered in the browser only: the calendar's "today" and "now" belong to the viewer's clock.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);

  const href = (sessionId: string) =>
    linkFor === "admin" ? `/${locale}/admin/sessions/${sessionId}` : `/${locale}/sessions/${sessionId}/roster`;

  return (
    <div className="ft-calendar flex flex-col gap-3">
      <div aria-live="polite" className="min-h-6 text-sm text-muted-foreground">
        {loading ? t("loading") : null}
      </div>
      {failed ? <Alert variant="error">{t("loadFailed")}</Alert> : null}
      {!inBrowser ? (
        <Skeleton className="h-[36rem] w-full" />
      ) : (
      <FullCalendar
        plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin]}
        locales={[koLocale]}
        locale={locale}
        timeZone={TIME_ZONE}
        initialView="timeGridWeek"
        headerToolbar={{ start: "prev,next today", center: "title", end: "timeGridWeek,dayGridMonth,listWeek" }}
        buttons={{
          timeGridWeek: { text: t("week") },
          dayGridMonth: { text: t("month") },
          listWeek: { text: t("list") },
          today: { text: t("today"), hint: t("today") },
          prev: { hint: t("previous") },
          next: { hint: t("next") },
        }}
        viewHint={(buttonText: string) => t("viewHint", { view: buttonText })}
        viewChangeHint={t("changeView")}
        moreLinkHint={(count: number) => t("moreHint", { count })}
        closeHint={t("close")}
        eventsHint={t("events")}
        firstDay={1}
        height="auto"
        allDaySlot={false}
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        nowIndicator
        dayMaxEvents={4}
        eventDisplay="block"
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: locale === "en" }}
        noEventsText={t("empty")}
        events={eventSource}
        eventDataTransform={(raw) => {
          const event = raw as unknown as FeedEvent;
          return {
            id: event.id,
            title: event.title,
            start: event.start,
            end: event.end,
            url: href(event.sessionId),
            color: STATUS_COLORS[event.status],
            contrastColor: "#ffffff",
            extendedProps: event,
          };
        }}
        eventContent={(info) => {
          const event = info.event.extendedProps as FeedEvent;
          return (
            <span className="flex flex-col overflow-hidden px-1 text-xs leading-tight">
              <span>
                {info.timeText ? <span className="font-semibold">{info.timeText} </span> : null}
                {event.courseCode}
                {event.status === "DRAFT" ? ` · ${t("draft")}` : null}
              </span>
              <span className="font-medium">{info.event.title}</span>
              <span>
                {t("meeting", { number: event.meetingNumber, count: event.meetingCount })}
                {event.roomName ? ` · ${event.roomName}` : null}
              </span>
            </span>
          );
        }}
        eventClick={(info) => {
          // Client-side navigation for a plain click; the href still works for new tabs.
          const url = info.event.url;
          const mouse = info.jsEvent as MouseEvent;
          if (!url || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.button === 1) return;
          info.jsEvent.preventDefault();
          router.push(url);
        }}
        loading={(isLoading) => {
          // FullCalendar reports this while it renders; update our state after that render.
          queueMicrotask(() => {
            setLoading(isLoading);
            if (isLoading) setFailed(false);
          });
        }}
        eventSourceFailure={() => setFailed(true)}
      />
      )}
    </div>
  );
}
