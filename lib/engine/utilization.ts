import { applicableExposures, limitStatus } from "./limits";
import {
  DIMENSIONS,
  type Dimension,
  type ExposureBucket,
  isShareLimit,
  type Limit,
  type LimitStatus,
  type Severity,
  type ThresholdType,
} from "./types";

/** One value against one active limit that applies to it (boundary rule: see limits.ts). */
export interface LimitUtilization {
  limitId: string;
  dimensionType: Dimension;
  dimensionValue: string;
  exposurePct: number;
  limitPct: number;
  thresholdType: ThresholdType;
  severity: Severity;
  /** Room left before a breach, in percentage points; negative once past the limit. */
  headroomPp: number;
  /**
   * How much of the limit is used: exposure / limit × 100 for a maximum, limit / exposure × 100
   * for a minimum, so above 100 is a breach either way. null where the ratio is undefined: a 0 %
   * maximum, or a minimum on a value with 0 % exposure.
   */
  utilizationPct: number | null;
  status: LimitStatus;
}

const STATUS_ORDER: Record<LimitStatus, number> = { breach: 0, near: 1, within: 2 };
const dimensionOrder = new Map<Dimension, number>(DIMENSIONS.map((d, i) => [d, i]));

function utilization(exposurePct: number, limitPct: number, type: ThresholdType): number | null {
  if (type === "maximum") return limitPct === 0 ? null : (exposurePct / limitPct) * 100;
  return exposurePct === 0 ? null : (limitPct / exposurePct) * 100;
}

// A row without a ratio is infinitely over when it breaches (0 % maximum held, or nothing held
// against a minimum) and unused otherwise, so it sorts to that end of its status group.
function sortKey(row: LimitUtilization): number {
  if (row.utilizationPct !== null) return row.utilizationPct;
  return row.status === "breach" ? Number.POSITIVE_INFINITY : -1;
}

function byUrgency(a: LimitUtilization, b: LimitUtilization): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    sortKey(b) - sortKey(a) ||
    (dimensionOrder.get(a.dimensionType) ?? 0) - (dimensionOrder.get(b.dimensionType) ?? 0) ||
    a.dimensionValue.localeCompare(b.dimensionValue) ||
    a.limitId.localeCompare(b.limitId)
  );
}

/**
 * Every active share limit against every value it applies to (see applicableExposures: a limit
 * without a value covers each known value; a named value with no positions counts as 0 %).
 * Breaches first, then near, then within; within each, the most used first.
 */
export function limitUtilization(exposures: readonly ExposureBucket[], limits: readonly Limit[]): LimitUtilization[] {
  const rows: LimitUtilization[] = [];
  for (const limit of limits) {
    if (!limit.isActive || !isShareLimit(limit)) continue;
    const { thresholdPct: limitPct, thresholdType } = limit;
    for (const { dimensionValue, exposurePct } of applicableExposures(limit, exposures)) {
      rows.push({
        limitId: limit.id,
        dimensionType: limit.dimensionType,
        dimensionValue,
        exposurePct,
        limitPct,
        thresholdType,
        severity: limit.severityLevel,
        headroomPp: thresholdType === "maximum" ? limitPct - exposurePct : exposurePct - limitPct,
        utilizationPct: utilization(exposurePct, limitPct, thresholdType),
        status: limitStatus(exposurePct, limitPct, thresholdType),
      });
    }
  }
  return rows.sort(byUrgency);
}
