import type { ExposureBucket, Limit, LimitStatus, ThresholdType } from "./types";
import { UNKNOWN } from "./types";

// Limit boundaries, once for the whole engine: a `maximum` limit is breached only when exposure is
// STRICTLY above its threshold, a `minimum` only when STRICTLY below; sitting exactly on the line
// is within. Exposure percentages come out of a division (280,000 / 1,000,000 × 100 is
// 28.000000000000004), so comparisons allow a tolerance of 1e-9 percentage points: anything
// closer than that to the threshold counts as exactly on it.
export const LIMIT_EPSILON_PP = 1e-9;

/** "near" starts at 90 % of a maximum, or below 110 % of a minimum. */
const NEAR_MAXIMUM_RATIO = 0.9;
const NEAR_MINIMUM_RATIO = 1.1;

export function isBreached(exposurePct: number, thresholdPct: number, type: ThresholdType): boolean {
  return type === "maximum"
    ? exposurePct - thresholdPct > LIMIT_EPSILON_PP
    : thresholdPct - exposurePct > LIMIT_EPSILON_PP;
}

export function limitStatus(exposurePct: number, limitPct: number, type: ThresholdType): LimitStatus {
  if (isBreached(exposurePct, limitPct, type)) return "breach";
  const near =
    type === "maximum"
      ? exposurePct >= limitPct * NEAR_MAXIMUM_RATIO - LIMIT_EPSILON_PP
      : exposurePct < limitPct * NEAR_MINIMUM_RATIO - LIMIT_EPSILON_PP;
  return near ? "near" : "within";
}

/**
 * A limit without a value covers every known value of its dimension; `unknown` is missing data,
 * not a holding, so only a limit naming "unknown" covers it.
 */
export function limitAppliesTo(limit: Limit, dimensionValue: string): boolean {
  return limit.dimensionValue === null ? dimensionValue !== UNKNOWN : limit.dimensionValue === dimensionValue;
}

/**
 * The values a limit applies to, with their exposure (see limitAppliesTo). A named value with
 * no positions has 0 % exposure: it can breach a minimum, never a maximum.
 */
export function applicableExposures(
  limit: Limit,
  exposures: readonly ExposureBucket[],
): Array<{ dimensionValue: string; exposurePct: number }> {
  const covered = exposures
    .filter((b) => b.dimensionType === limit.dimensionType && limitAppliesTo(limit, b.dimensionValue))
    .map((b) => ({ dimensionValue: b.dimensionValue, exposurePct: b.exposurePct }));
  if (limit.dimensionValue !== null && covered.length === 0) {
    return [{ dimensionValue: limit.dimensionValue, exposurePct: 0 }];
  }
  return covered;
}
