import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { isAppLocale } from "@/lib/i18n/routing";
import { calendarQuerySchema } from "@/lib/sessions/sessions.schemas";
import { listCalendarEvents, type CalendarScope } from "@/lib/sessions/sessions.queries";

const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" },
  });

/**
 * The JSON event feed the session calendar reads (FullCalendar asks for the visible range with
 * `start` and `end`). "any": the admin calendar (every session, with the filters); "assigned":
 * an instructor's own sessions. Authenticates and authorizes itself, like every route handler.
 */
export function calendarFeed(scope: CalendarScope) {
  return async function GET(
    request: Request,
    { params }: { params: Promise<{ locale: string }> },
  ): Promise<Response> {
    const { locale } = await params;
    if (!isAppLocale(locale)) return reply(404);
    const user = await getCurrentUser();
    if (!user) return reply(401);
    if (!can(user, scope === "any" ? "session:read:any" : "session:read:assigned")) return reply(403);
    const url = new URL(request.url);
    const query = calendarQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return reply(400);
    return reply(200, await listCalendarEvents(user, scope, query.data, locale));
  };
}
