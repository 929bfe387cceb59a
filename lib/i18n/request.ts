import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { TIME_ZONE } from "@/lib/i18n/format";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
    formats: {
      dateTime: {
        // Explicit fields: Intl on Node 20 refuses timeZoneName together with dateStyle/timeStyle.
        dateTimeZone: {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
          timeZone: TIME_ZONE,
          timeZoneName: "short",
        },
        date: { dateStyle: "medium", timeZone: TIME_ZONE },
      },
      number: { krw: { style: "currency", currency: "KRW", maximumFractionDigits: 0 } },
    },
  };
});
