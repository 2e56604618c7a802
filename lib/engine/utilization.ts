import { basisBuckets, defaultBandPp, evaluateRule, lineOf, measureRule, unitOfRule } from "./limit-kinds";
import { applicableExposures, limitStatus } from "./limits";
import {
  type Basis,
  type BreachUnit,
  DIMENSIONS,
  type Dimension,
  type ExposureBucket,
  isShareLimit,
  type Limit,
  type LimitKind,
  type LimitStatus,
  type Severity,
  type ThresholdType,
} from "./types";

/**
 * One value (or, for a count, top-N or HHI limit, the whole dimension: "*") against one active
 * limit that applies to it (boundary rule: see limits.ts). For a share limit of value the figures
 * are percentages; for the other kinds they are in the limit's own unit (`unit`).
 */
export interface LimitUtilization {
  limitId: string;
  kind: LimitKind;
  basis: Basis;
  /** The unit of exposurePct, limitPct and headroomPp: pp means percentages. */
  unit: BreachUnit;
  dimensionType: Dimension;
  dimensionValue: string;
  /** What the limit measures: a share, an amount, a count, an HHI. */
  exposurePct: number;
  /** The line; a target's target. */
  limitPct: number;
  /** A target's band either side, in pp; null for the other kinds. */
  bandPp: number | null;
  /** A target's: maximum when above it, minimum when below. */
  thresholdType: ThresholdType;
  severity: Severity;
  /** Room left before a breach, in the unit (a target: to its band's edge); negative once past. */
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
 * Every active limit against every value it applies to (a dimension-wide one once, as "*") (see applicableExposures: a limit
 * without a value covers each known value; a named value with no positions counts as 0 %).
 * Breaches first, then near, then within; within each, the most used first.
 */
export function limitUtilization(exposures: readonly ExposureBucket[], limits: readonly Limit[]): LimitUtilization[] {
  const rows: LimitUtilization[] = [];
  for (const limit of limits) {
    if (!limit.isActive) continue;
    if (!isShareLimit(limit)) {
      rows.push(...otherKindRows(limit, exposures));
      continue;
    }
    const { thresholdPct: limitPct, thresholdType } = limit;
    for (const { dimensionValue, exposurePct } of applicableExposures(limit, exposures)) {
      rows.push({
        limitId: limit.id,
        kind: "share",
        basis: "value",
        unit: "pp",
        dimensionType: limit.dimensionType,
        dimensionValue,
        exposurePct,
        limitPct,
        bandPp: null,
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

/**
 * A limit of another kind or basis against what it measures: breached exactly when the alerts
 * say so (evaluateRule), near at 90 % of a maximum, below 110 % of a minimum, or within 10 % of a
 * target's band edge.
 */
function otherKindRows(limit: Limit, exposures: readonly ExposureBucket[]): LimitUtilization[] {
  const buckets = basisBuckets(exposures, limit.basis);
  const breached = new Set(evaluateRule(limit, buckets).map((b) => b.dimensionValue));
  const unit = unitOfRule(limit);
  const line = lineOf(limit);
  return measureRule(limit, buckets).map(({ dimensionValue, observed }) => {
    const base = {
      limitId: limit.id,
      kind: limit.kind,
      basis: limit.basis,
      unit,
      dimensionType: limit.dimensionType,
      dimensionValue,
      exposurePct: observed,
      severity: limit.severityLevel,
    };
    if (limit.kind === "target") {
      const target = line;
      const band = limit.bandPp ?? defaultBandPp(target);
      const drift = Math.abs(observed - target);
      const used = band > 0 ? (drift / band) * 100 : null;
      const status: LimitStatus = breached.has(dimensionValue)
        ? "breach"
        : used !== null && used >= 90
          ? "near"
          : "within";
      return {
        ...base,
        limitPct: target,
        bandPp: band,
        thresholdType: observed > target ? "maximum" : "minimum",
        headroomPp: band - drift,
        utilizationPct: used,
        status,
      };
    }
    const type: ThresholdType = limit.thresholdType ?? "maximum";
    const near = limitStatus(observed, line, type) !== "within";
    return {
      ...base,
      limitPct: line,
      bandPp: null,
      thresholdType: type,
      headroomPp: type === "maximum" ? line - observed : observed - line,
      utilizationPct: utilization(observed, line, type),
      status: breached.has(dimensionValue) ? "breach" : near ? "near" : "within",
    };
  });
}
