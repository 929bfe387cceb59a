import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { DATE_ZONE_FORMAT, dateTimeZoneFormat, TIME_ZONE } from "@/lib/i18n/format";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
    formats: {
      dateTime: {
        dateTimeZone: dateTimeZoneFormat(locale),
        date: DATE_ZONE_FORMAT,
      },
      number: { krw: { style: "currency", currency: "KRW", maximumFractionDigits: 0 } },
    },
  };
});
