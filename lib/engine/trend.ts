export interface TrendPoint {
  /** ISO-8601 calendar date. */
  asOfDate: string;
  exposurePct: number;
  exposureValue: number;
  totalPortfolioValue: number;
}

export interface TrendAnalysis {
  /** Oldest first. */
  points: TrendPoint[];
  /** Last − first exposurePct in percentage points; 0 for one point, null for none. */
  changePp: number | null;
  /** (last − first) / first × 100; null with no points or when the first exposure is 0. */
  changeRelPct: number | null;
}

export function analyzeTrend(points: readonly TrendPoint[]): TrendAnalysis {
  // ISO calendar dates sort correctly as strings.
  const sorted = [...points].sort((a, b) => (a.asOfDate < b.asOfDate ? -1 : a.asOfDate > b.asOfDate ? 1 : 0));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return { points: sorted, changePp: null, changeRelPct: null };
  const changePp = last.exposurePct - first.exposurePct;
  return {
    points: sorted,
    changePp,
    changeRelPct: first.exposurePct === 0 ? null : (changePp / first.exposurePct) * 100,
  };
}
