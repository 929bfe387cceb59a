import { calendarFeed } from "@/lib/sessions/calendar-feed";

/** Every session's meetings in the visible range, for the admin calendar. */
export const GET = calendarFeed("any");
