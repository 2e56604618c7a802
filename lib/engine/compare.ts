import { evaluateLimits } from "./limit-kinds";
import { isBreached } from "./limits";
import { DIMENSIONS, type Dimension, type ExposureBucket, type Limit, UNKNOWN } from "./types";
import { type LimitUtilization, limitUtilization } from "./utilization";

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

/** A limit of any kind as a request writes one (POST /api/thresholds's body, checked): a Limit without its id. */
export type LimitDefinition = Omit<Limit, "id">;

/**
 * A hypothetical limit against one value it covers (or the whole dimension, "*"): its row of the
 * utilisation table, whose limitId is its place in the request ("limits[2]"), with that index and,
 * when it breaches, the alert's message.
 */
export interface DefinitionComparison extends LimitUtilization {
  /** The definition's position in the request's array. */
  index: number;
  /** What the alert would say; null unless status is "breach". */
  message: string | null;
}

/**
 * Limits of any kind checked on a run's buckets without storing them: the rows and the order of
 * limitUtilization (breaches first, then the most used), each breach's message from evaluateLimits,
 * so a row breaches here exactly when the limit would raise an alert. An inactive definition, as an
 * inactive limit, checks nothing.
 */
export function compareToDefinitions(
  exposures: readonly ExposureBucket[],
  definitions: readonly LimitDefinition[],
): DefinitionComparison[] {
  const limits: Limit[] = definitions.map((definition, index) => ({ ...definition, id: `limits[${index}]` }));
  const indexOf = new Map(limits.map((limit, index) => [limit.id, index]));
  // By limit and value: an id ("limits[2]") holds no space, so no two pairs share a key.
  const key = (limitId: string, dimensionValue: string) => `${limitId} ${dimensionValue}`;
  const messages = new Map(evaluateLimits(exposures, limits).map((b) => [key(b.limitId, b.dimensionValue), b.message]));
  return limitUtilization(exposures, limits).map((row) => ({
    index: indexOf.get(row.limitId) ?? -1,
    ...row,
    message: messages.get(key(row.limitId, row.dimensionValue)) ?? null,
  }));
}
