import { calendarFeed } from "@/lib/sessions/calendar-feed";

/** The signed-in instructor's own meetings in the visible range. */
export const GET = calendarFeed("assigned");
