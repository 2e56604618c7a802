import { limitAppliesTo, limitStatus } from "@/lib/engine/limits";
import type { CapacityRow } from "@/lib/engine/scenario";
import {
  type Dimension,
  type ExposureBucket,
  isShareLimit,
  type Limit,
  type LimitStatus,
  type Severity,
  type ShareLimit,
  UNKNOWN,
} from "@/lib/engine/types";

export interface RowLimit {
  pct: number;
  severity: Severity;
  /** true for a limit naming this value, false for the dimension-wide one. */
  named: boolean;
}

export interface ExposureRow {
  value: string;
  exposurePct: number;
  exposureValue: number;
  positionCount: number;
  /** Tightest active maximum and minimum that apply; null when none. */
  maximum: RowLimit | null;
  minimum: RowLimit | null;
  /** Distance to the nearest applicable limit in percentage points; negative when past it. */
  headroomPp: number | null;
  status: LimitStatus | "none";
  /**
   * Dollars this value can still take before the tightest maximum that applies to it, from the
   * current positions; "unlimited" under maximums of 100 %; null when no maximum applies.
   */
  capacityValue: number | "unlimited" | null;
  /** Dollars it must gain to meet its minimums; "unreachable" when no amount can; null when met or none. */
  shortfallValue: number | "unreachable" | null;
}

interface RowCapacity {
  capacityValue: ExposureRow["capacityValue"];
  shortfallValue: ExposureRow["shortfallValue"];
}

const NO_CAPACITY: RowCapacity = { capacityValue: null, shortfallValue: null };

/** Per value, the smallest room under its maximums and the largest gap to its minimums. */
function capacityByValue(dimension: Dimension, rows: readonly CapacityRow[]): Map<string, RowCapacity> {
  const byValue = new Map<string, RowCapacity>();
  for (const r of rows) {
    if (r.dimensionType !== dimension) continue;
    const { capacityValue: room, shortfallValue: short } = byValue.get(r.dimensionValue) ?? NO_CAPACITY;
    if (r.thresholdType === "maximum") {
      const next = r.capacityValue ?? "unlimited";
      const capacityValue =
        room === null || room === "unlimited" ? next : next === "unlimited" ? room : Math.min(room, next);
      byValue.set(r.dimensionValue, { capacityValue, shortfallValue: short });
    } else {
      const next = r.shortfallValue === null ? "unreachable" : r.shortfallValue > 0 ? r.shortfallValue : null;
      const shortfallValue =
        short === "unreachable" || next === "unreachable" ? "unreachable" : Math.max(short ?? 0, next ?? 0) || null;
      byValue.set(r.dimensionValue, { capacityValue: room, shortfallValue });
    }
  }
  return byValue;
}

const RANK: Record<LimitStatus, number> = { within: 0, near: 1, breach: 2 };

const byName = (a: string, b: string) => Number(a === UNKNOWN) - Number(b === UNKNOWN) || (a < b ? -1 : a > b ? 1 : 0);

const toRowLimit = (l: ShareLimit): RowLimit => ({
  pct: l.thresholdPct,
  severity: l.severityLevel,
  named: l.dimensionValue !== null,
});

function rowFor(
  bucket: Pick<ExposureBucket, "dimensionValue" | "exposurePct" | "exposureValue" | "positionCount">,
  limits: readonly ShareLimit[],
  capacity: RowCapacity,
): ExposureRow {
  const applicable = limits.filter((l) => limitAppliesTo(l, bucket.dimensionValue));
  const maximums = applicable
    .filter((l) => l.thresholdType === "maximum")
    .sort((a, b) => a.thresholdPct - b.thresholdPct);
  const minimums = applicable
    .filter((l) => l.thresholdType === "minimum")
    .sort((a, b) => b.thresholdPct - a.thresholdPct);
  const headrooms = applicable.map((l) =>
    l.thresholdType === "maximum" ? l.thresholdPct - bucket.exposurePct : bucket.exposurePct - l.thresholdPct,
  );
  const statuses = applicable.map((l) => limitStatus(bucket.exposurePct, l.thresholdPct, l.thresholdType));
  return {
    value: bucket.dimensionValue,
    exposurePct: bucket.exposurePct,
    exposureValue: bucket.exposureValue,
    positionCount: bucket.positionCount,
    maximum: maximums[0] ? toRowLimit(maximums[0]) : null,
    minimum: minimums[0] ? toRowLimit(minimums[0]) : null,
    headroomPp: headrooms.length > 0 ? Math.min(...headrooms) : null,
    status: statuses.length > 0 ? statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a)) : "none",
    ...capacity,
  };
}

/**
 * One table row per bucket of the dimension (engine order: largest first, `unknown` last), each
 * against the active limits that apply to it. A limit naming a value the book does not hold gets a
 * 0 % row of its own, so a minimum nobody meets is visible. `capacity` (the capacity service's
 * rows) gives each value its dollar room under its maximums and its gap to its minimums.
 */
export function buildExposureRows(
  dimension: Dimension,
  buckets: readonly ExposureBucket[],
  limits: readonly Limit[],
  capacity: readonly CapacityRow[] = [],
): ExposureRow[] {
  const active = limits.filter(isShareLimit).filter((l) => l.isActive && l.dimensionType === dimension);
  const own = buckets.filter((b) => b.dimensionType === dimension);
  const rooms = capacityByValue(dimension, capacity);
  const roomOf = (value: string) => rooms.get(value) ?? NO_CAPACITY;
  const rows = own.map((b) => rowFor(b, active, roomOf(b.dimensionValue)));
  const present = new Set(own.map((b) => b.dimensionValue));
  const absent = [
    ...new Set(
      active.flatMap((l) => (l.dimensionValue !== null && !present.has(l.dimensionValue) ? [l.dimensionValue] : [])),
    ),
  ];
  const extra = absent
    .sort(byName)
    .map((value) =>
      rowFor({ dimensionValue: value, exposurePct: 0, exposureValue: 0, positionCount: 0 }, active, roomOf(value)),
    );
  const unknownAt = rows.findIndex((r) => r.value === UNKNOWN);
  if (unknownAt < 0) return [...rows, ...extra];
  return [...rows.slice(0, unknownAt), ...extra, ...rows.slice(unknownAt)];
}

/** The dimension-wide maximum drawn across the bar chart: the tightest active one, if any. */
export function flatMaximum(dimension: Dimension, limits: readonly Limit[]): number | null {
  const flat = limits
    .filter(isShareLimit)
    .filter(
      (l) => l.isActive && l.dimensionType === dimension && l.dimensionValue === null && l.thresholdType === "maximum",
    );
  return flat.length > 0 ? Math.min(...flat.map((l) => l.thresholdPct)) : null;
}
