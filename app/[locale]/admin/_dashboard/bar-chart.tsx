"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppLocale } from "@/lib/i18n/routing";

export type BarDatum = {
  label: string;
  value: number;
  /** A shorter label for the category axis ("Nov" for "Nov 2026"); the tooltip shows `label`. */
  short?: string;
};

/**
 * Colours from the design tokens (app/globals.css): bars in the primary teal (5.5:1 against
 * the white card, above the 3:1 that graphics need), axis text in the muted foreground
 * (7:1), grid lines light so they never compete with the data.
 */
const COLORS = { bar: "#0f766e", axis: "#52525b", grid: "#e4e4e7", cursor: "#f4f4f5" };

const intlLocale = (locale: AppLocale) => (locale === "ko" ? "ko-KR" : "en-US");

function formatter(locale: AppLocale, format: "count" | "krw", compact: boolean) {
  const options: Intl.NumberFormatOptions =
    format === "krw"
      ? { style: "currency", currency: "KRW", maximumFractionDigits: compact ? 1 : 0 }
      : { maximumFractionDigits: 0 };
  if (compact) options.notation = "compact";
  const f = new Intl.NumberFormat(intlLocale(locale), options);
  return (value: number) => f.format(value);
}

/**
 * A single-series bar chart. It is a picture for sighted users only: the wrapper is an image
 * with a short description (`summary`), and the page puts the same figures in a table right
 * next to it, which is what screen readers and keyboard users read. Recharts' own keyboard
 * layer is off so the chart adds no tab stop that leads nowhere.
 */
export function DashboardBarChart({
  data,
  summary,
  seriesName,
  locale,
  format = "count",
  layout = "columns",
  height = 260,
}: {
  data: BarDatum[];
  summary: string;
  /** What the bars count, shown in the tooltip ("Enrollments"). */
  seriesName: string;
  locale: AppLocale;
  format?: "count" | "krw";
  /** "rows": horizontal bars with the labels on the left (long category names). */
  layout?: "columns" | "rows";
  height?: number;
}) {
  const full = formatter(locale, format, false);
  const compact = formatter(locale, format, true);
  const rows = layout === "rows";
  const points = data.map((d) => ({ ...d, axisLabel: d.short ?? d.label }));
  return (
    <div role="img" aria-label={summary} className="w-full">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 560, height }}>
        <BarChart
          data={points}
          layout={rows ? "vertical" : "horizontal"}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: rows ? 8 : 0 }}
        >
          <CartesianGrid stroke={COLORS.grid} vertical={rows} horizontal={!rows} />
          {rows ? (
            <>
              <XAxis
                type="number"
                allowDecimals={false}
                tickFormatter={compact}
                tick={{ fill: COLORS.axis, fontSize: 12 }}
                stroke={COLORS.axis}
              />
              <YAxis
                type="category"
                dataKey="axisLabel"
                width={120}
                tick={{ fill: COLORS.axis, fontSize: 12 }}
                stroke={COLORS.axis}
              />
            </>
          ) : (
            <>
              <XAxis
                dataKey="axisLabel"
                tick={{ fill: COLORS.axis, fontSize: 12 }}
                stroke={COLORS.axis}
                interval="preserveStartEnd"
              />
              <YAxis
                allowDecimals={false}
                tickFormatter={compact}
                width={format === "krw" ? 64 : 40}
                tick={{ fill: COLORS.axis, fontSize: 12 }}
                stroke={COLORS.axis}
              />
            </>
          )}
          <Tooltip
            cursor={{ fill: COLORS.cursor }}
            formatter={(value) => full(Number(value))}
            labelFormatter={(label, payload) =>
              (payload?.[0]?.payload as BarDatum | undefined)?.label ?? label
            }
            separator=": "
          />
          <Bar
            dataKey="value"
            name={seriesName}
            fill={COLORS.bar}
            radius={rows ? [0, 4, 4, 0] : [4, 4, 0, 0]}
            maxBarSize={48}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
