// Shapes trend data for the chart and the change table. Pure, so it is unit-tested.

import { limitAppliesTo } from "@/lib/engine/limits";
import type { TrendAnalysis } from "@/lib/engine/trend";
import { type Basis, type Dimension, isShareLimit, type Limit, type ThresholdType } from "@/lib/engine/types";

/** What GET /api/exposures/trend (getTrend) answers for one value. */
export type TrendData = TrendAnalysis & { dimensionType: Dimension; dimensionValue: string; basis?: Basis };

/** One chart row per as-of date; series keys are `s0`, `s1`… in selection order (values can be any text). */
export type ChartRow = { asOfDate: string } & Record<`s${number}`, number | undefined>;

export const seriesKey = (index: number): `s${number}` => `s${index}`;

export function buildChartRows(series: ReadonlyArray<TrendData | undefined>): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  series.forEach((trend, index) => {
    for (const point of trend?.points ?? []) {
      const row = rows.get(point.asOfDate) ?? { asOfDate: point.asOfDate };
      row[seriesKey(index)] = point.exposurePct;
      rows.set(point.asOfDate, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.asOfDate < b.asOfDate ? -1 : a.asOfDate > b.asOfDate ? 1 : 0));
}

export interface ReferenceLimit {
  id: string;
  limitPct: number;
  thresholdType: ThresholdType;
  /** The value the limit names; null for a limit on every value. */
  dimensionValue: string | null;
  /** Index of the selected value it names, to draw it in that line's colour; null for every value. */
  seriesIndex: number | null;
}

/** The active limits that apply to at least one selected value, each once. */
export function referenceLimits(
  limits: readonly Limit[],
  dimension: Dimension,
  values: readonly string[],
): ReferenceLimit[] {
  return limits
    .filter(isShareLimit)
    .filter((l) => l.isActive && l.dimensionType === dimension && values.some((v) => limitAppliesTo(l, v)))
    .map((l) => ({
      id: l.id,
      limitPct: l.thresholdPct,
      thresholdType: l.thresholdType,
      dimensionValue: l.dimensionValue,
      seriesIndex: l.dimensionValue === null ? null : values.indexOf(l.dimensionValue),
    }));
}

/** The y axis: room for the highest line and every limit drawn, in round steps, never over 100. */
export function yAxisScale(
  rows: readonly ChartRow[],
  limits: readonly ReferenceLimit[],
): { max: number; ticks: number[] } {
  let highest = 0;
  for (const row of rows) {
    for (const [key, value] of Object.entries(row))
      if (key !== "asOfDate" && typeof value === "number") highest = Math.max(highest, value);
  }
  for (const limit of limits) highest = Math.max(highest, limit.limitPct);
  const wanted = Math.min(100, highest * 1.1);
  const step = wanted <= 10 ? 2 : wanted <= 25 ? 5 : wanted <= 50 ? 10 : 20;
  const max = Math.min(100, Math.max(step, Math.ceil(wanted / step) * step));
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  return { max, ticks };
}

/** +12.5 % / −3.0 %: a relative change, signed like formatPp. */
export function formatSignedPct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${Math.abs(value).toFixed(digits)} %`;
}
