import { bucketsFor } from "./exposures";
import { defaultBandPp, lineOf } from "./limit-kinds";
import { limitAppliesTo, limitStatus } from "./limits";
import {
  type Concentration,
  DIMENSIONS,
  type Dimension,
  type ExposureResult,
  isShareLimit,
  type Limit,
  type LimitStatus,
  type ShareLimit,
  UNKNOWN,
} from "./types";
import { type LimitUtilization, limitUtilization } from "./utilization";

export interface DialValue {
  dimensionValue: string;
  exposurePct: number;
  exposureValue: number;
  positionCount: number;
  /** Tightest active maximum share applying to this value; null when none. */
  limitPct: number | null;
  /**
   * Worst status over every active limit applying to this value, maximum and minimum, of any kind
   * and basis (an amount, a target, a share of units: as its row in the utilisation table).
   */
  status: LimitStatus;
}

/**
 * A rule of the dimension other than a share of value (an amount, a count, the largest few, the
 * HHI, a target, a share of units or positions), in its own unit: its row of the utilisation
 * table, or for a rule on every value its worst row (a breach first, else the most used), with
 * the N of a top-N rule.
 */
export type DialRule = LimitUtilization & { topN: number | null };

export interface Dial {
  dimensionType: Dimension;
  /** Largest known value; null when nothing is known. */
  top: { dimensionValue: string; exposurePct: number; exposureValue: number } | null;
  /** Tightest active maximum applying to the top value; null when none. */
  limitPct: number | null;
  /** The top value's target and its band (the first active target limit on value covering it); null when none. */
  target: { limitId: string; targetPct: number; bandPp: number } | null;
  /**
   * When the top value has no share maximum: its row against its tightest active amount maximum
   * on value, with the share of the portfolio that amount is (where a gauge of shares draws it).
   * Null otherwise; an amount of units or positions has no place on a gauge of value.
   */
  amountCap: (DialRule & { equivalentPct: number }) | null;
  /** The dimension's active rules other than shares of value, one row each, most urgent first. */
  rules: DialRule[];
  /**
   * Worst status in the dimension, not just the top value's: a dial must not read "within"
   * while a smaller value (or a minimum on a value with no positions, or a rule on the whole
   * dimension) is in breach.
   */
  status: LimitStatus;
  /** Every bucket, `unknown` included, in exposure order. */
  values: DialValue[];
  concentration: Concentration;
}

export interface SeriesPoint {
  name: string;
  value: number;
  pct: number;
}

const SEVERITY: Record<LimitStatus, number> = { within: 0, near: 1, breach: 2 };

function worst(statuses: readonly LimitStatus[]): LimitStatus {
  return statuses.reduce<LimitStatus>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), "within");
}

function tightestMaximum(limits: readonly ShareLimit[]): number | null {
  const maximums = limits.filter((l) => l.thresholdType === "maximum").map((l) => l.thresholdPct);
  return maximums.length > 0 ? Math.min(...maximums) : null;
}

function statusAgainst(limits: readonly ShareLimit[], exposurePct: number): LimitStatus {
  return worst(limits.map((l) => limitStatus(exposurePct, l.thresholdPct, l.thresholdType)));
}

/** The first active target limit of value covering a value, with its band (the default when unset). */
function targetOf(limits: readonly Limit[], value: string): Dial["target"] {
  const target = limits.find(
    (l) => l.kind === "target" && l.basis === "value" && l.targetPct !== null && limitAppliesTo(l, value),
  );
  if (target?.targetPct == null) return null;
  return { limitId: target.id, targetPct: target.targetPct, bandPp: target.bandPp ?? defaultBandPp(target.targetPct) };
}

/** Each rule's first row: the rows come most urgent first, so that is its worst (limit ids are unique). */
function worstRows(rows: readonly LimitUtilization[], rules: readonly Limit[]): DialRule[] {
  const topN = new Map(rules.map((l) => [l.id, l.topN]));
  const seen = new Set<string>();
  const worstOfEach: DialRule[] = [];
  for (const row of rows) {
    if (seen.has(row.limitId)) continue;
    seen.add(row.limitId);
    worstOfEach.push({ ...row, topN: topN.get(row.limitId) ?? null });
  }
  return worstOfEach;
}

/** A value's row against its tightest active amount maximum of value, with that amount as a share of `total`. */
function amountCapOf(
  rules: readonly Limit[],
  rows: readonly LimitUtilization[],
  value: string,
  total: number,
): Dial["amountCap"] {
  const caps = rules.filter(
    (l) =>
      l.kind === "amount" &&
      l.basis === "value" &&
      (l.thresholdType ?? "maximum") === "maximum" &&
      limitAppliesTo(l, value),
  );
  const tightest = caps.reduce<Limit | undefined>(
    (a, b) => (a === undefined || lineOf(b) < lineOf(a) ? b : a),
    undefined,
  );
  const row = tightest && rows.find((r) => r.limitId === tightest.id && r.dimensionValue === value);
  if (row === undefined || total <= 0) return null;
  return { ...row, topN: null, equivalentPct: (row.limitPct / total) * 100 };
}

function buildDial(result: ExposureResult, dimension: Dimension, limits: readonly Limit[]): Dial {
  const mine = limits.filter((l) => l.isActive && l.dimensionType === dimension);
  const active = mine.filter(isShareLimit);
  const others = mine.filter((l) => !isShareLimit(l));
  const buckets = bucketsFor(result, dimension);
  // The other kinds' rows, once per dial and on this dimension's buckets only: they mark the
  // values they cover, and each rule's worst row is its line on the dial.
  const rows = others.length > 0 ? limitUtilization(buckets, others) : [];
  const otherStatus = new Map<string, LimitStatus>();
  for (const r of rows)
    otherStatus.set(r.dimensionValue, worst([otherStatus.get(r.dimensionValue) ?? "within", r.status]));
  const values: DialValue[] = buckets.map((b) => {
    const applicable = active.filter((l) => limitAppliesTo(l, b.dimensionValue));
    return {
      dimensionValue: b.dimensionValue,
      exposurePct: b.exposurePct,
      exposureValue: b.exposureValue,
      positionCount: b.positionCount,
      limitPct: tightestMaximum(applicable),
      status: worst([statusAgainst(applicable, b.exposurePct), otherStatus.get(b.dimensionValue) ?? "within"]),
    };
  });
  const present = new Set(values.map((v) => v.dimensionValue));
  const onAbsentValues = active.filter((l) => l.dimensionValue !== null && !present.has(l.dimensionValue));
  const top = values.find((v) => v.dimensionValue !== UNKNOWN);
  const rules = worstRows(rows, others);
  return {
    dimensionType: dimension,
    top: top
      ? { dimensionValue: top.dimensionValue, exposurePct: top.exposurePct, exposureValue: top.exposureValue }
      : null,
    limitPct: top ? top.limitPct : null,
    target: top ? targetOf(mine, top.dimensionValue) : null,
    amountCap:
      top && top.limitPct === null ? amountCapOf(others, rows, top.dimensionValue, result.totalPortfolioValue) : null,
    rules,
    status: worst([...values.map((v) => v.status), statusAgainst(onAbsentValues, 0), ...rules.map((r) => r.status)]),
    values,
    concentration: result.concentration[dimension],
  };
}

/** One dial per dimension, in DIMENSIONS order. */
export function buildDials(result: ExposureResult, limits: readonly Limit[]): Dial[] {
  return DIMENSIONS.map((dimension) => buildDial(result, dimension, limits));
}

/** A dimension's buckets as chart points, in exposure order with `unknown` last. */
export function buildSeries(result: ExposureResult, dimension: Dimension): SeriesPoint[] {
  return bucketsFor(result, dimension).map((b) => ({
    name: b.dimensionValue,
    value: b.exposureValue,
    pct: b.exposurePct,
  }));
}
