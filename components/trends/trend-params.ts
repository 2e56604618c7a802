// The trends page's selection lives in the URL (shareable, survives reload) as
// ?dim=strategy&v=core&v=value_add&range=1y(&basis=units). Pure: parsed on the server, written by the client.

import { BASES, type Basis, DIMENSIONS, type Dimension, UNKNOWN } from "@/lib/engine/types";

export const TREND_RANGES = ["3m", "1y", "all"] as const;
export type TrendRange = (typeof TREND_RANGES)[number];
export const RANGE_LABELS: Record<TrendRange, string> = { "3m": "3 months", "1y": "1 year", all: "All" };

export const DEFAULT_DIMENSION: Dimension = "strategy";
export const DEFAULT_RANGE: TrendRange = "1y";
const DEFAULT_VALUE_COUNT = 3;
/** One line colour each (--chart-1..8). */
export const MAX_TREND_VALUES = 8;

export interface TrendSelection {
  dimension: Dimension;
  /** In the order they were chosen, so a line keeps its colour when another is added. */
  values: string[];
  range: TrendRange;
  /** What the lines count in: value (dollars), units or positions. */
  basis: Basis;
}

/** Each dimension's values in the latest run, largest first. */
export type ValueOptions = Partial<Record<Dimension, readonly string[]>>;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(params: ParamSource, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The largest known values of a dimension: what a first visit shows. */
export function defaultValues(dimension: Dimension, options: ValueOptions): string[] {
  return (options[dimension] ?? []).filter((v) => v !== UNKNOWN).slice(0, DEFAULT_VALUE_COUNT);
}

/** Anything unknown or malformed falls back to the default rather than failing the page. */
export function parseTrendParams(params: ParamSource, options: ValueOptions): TrendSelection {
  const dim = getAll(params, "dim")[0];
  const dimension = DIMENSIONS.find((d) => d === dim) ?? DEFAULT_DIMENSION;
  const range = TREND_RANGES.find((r) => r === getAll(params, "range")[0]) ?? DEFAULT_RANGE;
  const known = new Set(options[dimension] ?? []);
  const values = [...new Set(getAll(params, "v"))].filter((v) => known.has(v)).slice(0, MAX_TREND_VALUES);
  const basis = BASES.find((b) => b === getAll(params, "basis")[0]) ?? "value";
  return { dimension, values: values.length > 0 ? values : defaultValues(dimension, options), range, basis };
}

export function serializeTrendParams(selection: TrendSelection): string {
  const params = new URLSearchParams({ dim: selection.dimension });
  for (const value of selection.values) params.append("v", value);
  params.set("range", selection.range);
  if (selection.basis !== "value") params.set("basis", selection.basis);
  return params.toString();
}

/**
 * First as-of date a range includes, counted back from the latest run's as-of date; undefined
 * for "all". A month back from the 31st lands on the last day of the shorter month.
 */
export function rangeStart(range: TrendRange, asOfDate: string): string | undefined {
  if (range === "all") return undefined;
  const [y, m, d] = asOfDate.split("-").map(Number);
  if (!y || !m || !d) return undefined;
  const monthsBack = range === "3m" ? 3 : 12;
  const target = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Adds or removes one value, keeping at least one and at most MAX_TREND_VALUES. */
export function toggleValue(values: readonly string[], value: string): string[] {
  if (values.includes(value)) return values.length > 1 ? values.filter((v) => v !== value) : [...values];
  return values.length >= MAX_TREND_VALUES ? [...values] : [...values, value];
}
