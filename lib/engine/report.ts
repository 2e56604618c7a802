import type { ExposureChange } from "./scenario";

// What the investment committee's report picks out of stored runs: the run it compares with and
// the moves worth a line. Dates are ISO calendar dates, which sort correctly as strings.

/** The last day of the quarter before the one `asOf` falls in: 2026-11-15 → 2026-09-30; 2026-02-01 → 2025-12-31. */
export function previousQuarterEnd(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  // Day 0 of the quarter's first month is the last day of the month before it.
  const end = new Date(Date.UTC(year, quarterStartMonth - 1, 0));
  return end.toISOString().slice(0, 10);
}

/**
 * The previous quarter's run: the latest whose as-of date is on or before the end of the quarter
 * before `asOf`'s; null when the portfolio has none that old.
 */
export function previousQuarterRun<T extends { asOfDate: string }>(runs: readonly T[], asOf: string): T | null {
  const end = previousQuarterEnd(asOf);
  let found: T | null = null;
  for (const run of runs) if (run.asOfDate <= end && (found === null || run.asOfDate > found.asOfDate)) found = run;
  return found;
}

/**
 * The `count` largest moves across every dimension, by the absolute change in share (percentage
 * points). Ties keep exposureChanges' order (dimension order, then value).
 */
export function largestChanges(changes: readonly ExposureChange[], count: number): ExposureChange[] {
  return [...changes].sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp)).slice(0, count);
}
