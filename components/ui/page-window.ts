/**
 * Page numbers around the current page, always with the first and last: 1 … 5 [6] 7 … 20.
 * `null` marks a gap.
 */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | null)[] {
  if (pageCount < 1) return [];
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const previous = out.at(-1);
    // A gap of exactly one page shows that page instead of an ellipsis.
    if (typeof previous === "number" && p - previous === 2) out.push(previous + 1);
    else if (typeof previous === "number" && p - previous > 2) out.push(null);
    out.push(p);
  }
  return out;
}
