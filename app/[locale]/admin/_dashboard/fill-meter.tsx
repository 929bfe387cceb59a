import { cn } from "@/lib/utils";

/**
 * Seats held out of capacity as a small bar next to the figures in words (the bar is
 * decoration: the text beside it carries the numbers). Below the minimum viable enrolment the
 * bar turns amber and a tick marks where the minimum is.
 */
export function FillMeter({
  held,
  capacity,
  minimum,
  label,
}: {
  held: number;
  capacity: number;
  minimum: number;
  /** The figures in words, e.g. "9 / 12 (75%)". */
  label: string;
}) {
  const percent = capacity > 0 ? Math.min(100, (held / capacity) * 100) : 0;
  const minPercent = capacity > 0 ? Math.min(100, (minimum / capacity) * 100) : 0;
  const below = held < minimum;
  return (
    <div className="flex min-w-40 items-center gap-3">
      <div
        aria-hidden="true"
        className="relative h-2 w-24 shrink-0 rounded-full bg-muted ring-1 ring-border"
      >
        <div
          className={cn("h-full rounded-full", below ? "bg-warning-fg" : "bg-primary")}
          style={{ width: `${percent}%` }}
        />
        {minimum > 0 ? (
          <div
            className="absolute -top-1 h-4 w-0.5 bg-foreground"
            style={{ left: `${minPercent}%` }}
          />
        ) : null}
      </div>
      <span className="text-sm whitespace-nowrap tabular-nums">{label}</span>
    </div>
  );
}
