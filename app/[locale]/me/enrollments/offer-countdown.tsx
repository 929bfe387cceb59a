"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";
import { countdownParts, msUntilNextChange } from "./countdown";

/**
 * Time left to claim an offer, updated when the minute changes. Informational only: the server
 * decides whether the offer is still open, whatever this clock says.
 *
 * `aria-live="off"` (also the implicit value of role="timer"): a screen reader reads it when the
 * user gets to it, not at every tick. The first render uses the server's `renderedAt`, so server
 * and client HTML agree; the browser's clock takes over right after hydration.
 */
export function OfferCountdown({
  deadline,
  renderedAt,
  className,
}: {
  deadline: Date;
  renderedAt: Date;
  className?: string;
}) {
  const t = useTranslations("myEnrollments.offer.countdown");
  const deadlineMs = deadline.getTime();
  const [now, setNow] = useState(renderedAt.getTime());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const wait = msUntilNextChange(deadlineMs, current);
      if (wait !== null) timer = setTimeout(tick, wait);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [deadlineMs]);

  const parts = countdownParts(deadlineMs, now);
  const text = parts.expired
    ? t("expired")
    : parts.days > 0
      ? t("days", { days: parts.days, hours: parts.hours })
      : parts.hours > 0
        ? t("hours", { hours: parts.hours, minutes: parts.minutes })
        : parts.minutes > 0
          ? t("minutes", { minutes: parts.minutes })
          : t("underAMinute");

  return (
    <span
      role="timer"
      aria-live="off"
      className={cn(
        "font-medium tabular-nums",
        parts.expired ? "text-destructive" : "text-warning-fg",
        className,
      )}
    >
      {text}
    </span>
  );
}
