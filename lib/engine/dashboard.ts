import { bucketsFor } from "./exposures";
import { defaultBandPp, evaluateLimits } from "./limit-kinds";
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

export interface DialValue {
  dimensionValue: string;
  exposurePct: number;
  exposureValue: number;
  positionCount: number;
  /** Tightest active maximum share applying to this value; null when none. */
  limitPct: number | null;
  /**
   * Worst status over every active limit applying to this value, maximum and minimum; a limit of
   * another kind (an amount, a target) counts when it is breached on this value.
   */
  status: LimitStatus;
}

export interface Dial {
  dimensionType: Dimension;
  /** Largest known value; null when nothing is known. */
  top: { dimensionValue: string; exposurePct: number; exposureValue: number } | null;
  /** Tightest active maximum applying to the top value; null when none. */
  limitPct: number | null;
  /** The top value's target and its band (the first active target limit on value covering it); null when none. */
  target: { targetPct: number; bandPp: number } | null;
  /**
   * Worst status in the dimension, not just the top value's: a dial must not read "within"
   * while a smaller value (or a minimum on a value with no positions) is in breach.
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
  return { targetPct: target.targetPct, bandPp: target.bandPp ?? defaultBandPp(target.targetPct) };
}

function buildDial(result: ExposureResult, dimension: Dimension, limits: readonly Limit[]): Dial {
  const mine = limits.filter((l) => l.isActive && l.dimensionType === dimension);
  const active = mine.filter(isShareLimit);
  // Limits of the other kinds: the values they breach, and whether one breaches the whole dimension.
  const otherBreaches = evaluateLimits(
    result.exposures,
    mine.filter((l) => !isShareLimit(l)),
  );
  const breachedValues = new Set(otherBreaches.map((b) => b.dimensionValue));
  const values: DialValue[] = bucketsFor(result, dimension).map((b) => {
    const applicable = active.filter((l) => limitAppliesTo(l, b.dimensionValue));
    const status = statusAgainst(applicable, b.exposurePct);
    return {
      dimensionValue: b.dimensionValue,
      exposurePct: b.exposurePct,
      exposureValue: b.exposureValue,
      positionCount: b.positionCount,
      limitPct: tightestMaximum(applicable),
      status: breachedValues.has(b.dimensionValue) ? "breach" : status,
    };
  });
  const present = new Set(values.map((v) => v.dimensionValue));
  const onAbsentValues = active.filter((l) => l.dimensionValue !== null && !present.has(l.dimensionValue));
  const top = values.find((v) => v.dimensionValue !== UNKNOWN);
  return {
    dimensionType: dimension,
    top: top
      ? { dimensionValue: top.dimensionValue, exposurePct: top.exposurePct, exposureValue: top.exposureValue }
      : null,
    limitPct: top ? top.limitPct : null,
    target: top ? targetOf(mine, top.dimensionValue) : null,
    status: worst([
      ...values.map((v) => v.status),
      statusAgainst(onAbsentValues, 0),
      otherBreaches.length > 0 ? "breach" : "within",
    ]),
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
