import { isBreached } from "./limits";
import { DIMENSIONS, type Dimension, type ExposureBucket, UNKNOWN } from "./types";

/** One known value against its dimension's maximum (boundary rule: see limits.ts). */
export interface LimitComparison {
  dimensionType: Dimension;
  dimensionValue: string;
  exposurePct: number;
  limitPct: number;
  /** limitPct − exposurePct, in percentage points; negative when over. */
  headroomPp: number;
  /** exposurePct / limitPct × 100; null for a 0 % limit, where a ratio means nothing. */
  utilizationPct: number | null;
  status: "within" | "breach";
}

function byUrgency(a: LimitComparison, b: LimitComparison): number {
  if (a.status !== b.status) return a.status === "breach" ? -1 : 1;
  // A 0 % limit has no utilization; such rows go last within their status.
  return (b.utilizationPct ?? -1) - (a.utilizationPct ?? -1);
}

/**
 * Compares every known value of each named dimension against that dimension's maximum %.
 * `unknown` is left out: it is missing data, not a holding that a limit could cap.
 * Breaches first, then by utilization, highest first.
 */
export function compareToLimits(
  exposures: readonly ExposureBucket[],
  limits: Partial<Record<Dimension, number>>,
): LimitComparison[] {
  const rows: LimitComparison[] = [];
  for (const dimension of DIMENSIONS) {
    const limitPct = limits[dimension];
    if (limitPct === undefined) continue;
    for (const bucket of exposures) {
      if (bucket.dimensionType !== dimension || bucket.dimensionValue === UNKNOWN) continue;
      rows.push({
        dimensionType: dimension,
        dimensionValue: bucket.dimensionValue,
        exposurePct: bucket.exposurePct,
        limitPct,
        headroomPp: limitPct - bucket.exposurePct,
        utilizationPct: limitPct === 0 ? null : (bucket.exposurePct / limitPct) * 100,
        status: isBreached(bucket.exposurePct, limitPct, "maximum") ? "breach" : "within",
      });
    }
  }
  return rows.sort(byUrgency);
}
