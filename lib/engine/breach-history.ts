import { evaluateLimits, lineOf } from "./limit-kinds";
import type { ExposureBucket, Limit } from "./types";
import { limitUtilization } from "./utilization";

// How long a breach has lasted, from the dated snapshots (runs) a portfolio keeps: the first as-of
// date of the unbroken run of breaching snapshots that ends at the latest one. Backfilled runs
// count like any other: a breach is dated by the data, not by the day someone looked.

/** One open breach to date: its limit and the value it is on ("*" for a dimension-wide limit). */
export interface BreachKey {
  limit: Limit;
  dimensionValue: string;
}

/** A stored run's as-of date and buckets (of the dimensions the breaches are on, at least). */
export interface DatedExposures {
  asOfDate: string;
  exposures: readonly ExposureBucket[];
}

/** Where dating a set of breaches has got to: each one's date so far, and those still going back. */
export interface BreachDating {
  since: Array<string | null>;
  /** Indexes into the breaches of those whose stretch has not ended yet. */
  pending: number[];
}

export function startDating(breaches: readonly BreachKey[]): BreachDating {
  return { since: breaches.map(() => null), pending: breaches.map((_, i) => i) };
}

/**
 * Walks `newestFirst` (the latest snapshot first, or the next older page of them) back, dating
 * each breach: its date is the earliest as-of date of the unbroken stretch of breaching snapshots
 * ending at the latest; null when the latest snapshot does not breach. A caller reads snapshots a
 * page at a time and stops when nothing is pending, so dating reads only as far back as the
 * longest stretch.
 */
export function dateBreaches(
  breaches: readonly BreachKey[],
  dating: BreachDating,
  newestFirst: readonly DatedExposures[],
): BreachDating {
  const since = [...dating.since];
  let pending = dating.pending;
  for (const snapshot of newestFirst) {
    if (pending.length === 0) break;
    // The first snapshot that does not breach ends that breach's stretch.
    pending = pending.filter((i) => breachesIn(snapshot.exposures, breaches[i] as BreachKey));
    for (const i of pending) since[i] = snapshot.asOfDate;
  }
  return { since, pending };
}

function breachesIn(exposures: readonly ExposureBucket[], { limit, dimensionValue }: BreachKey): boolean {
  return evaluateLimits(exposures, [limit]).some((b) => b.dimensionValue === dimensionValue);
}

/** Whole days from an ISO date to another (both UTC calendar dates); never negative. */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const days = (Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000;
  return Number.isFinite(days) ? Math.max(0, Math.round(days)) : 0;
}

/** A breach at one snapshot: what its limit measured (in the limit's unit) against its line. */
export interface BreachPoint {
  asOfDate: string;
  measure: number;
  line: number;
  breached: boolean;
}

/**
 * What a breach's limit measured at each snapshot (oldest first), for the chart of an alert:
 * the value's row of the limit as the utilisation table computes it; a value absent from a
 * snapshot measures 0.
 */
export function breachSeries(
  { limit, dimensionValue }: BreachKey,
  snapshots: readonly DatedExposures[],
): BreachPoint[] {
  const active = { ...limit, isActive: true };
  return snapshots.map(({ asOfDate, exposures }) => {
    const row = limitUtilization(exposures, [active]).find((r) => r.dimensionValue === dimensionValue);
    return row
      ? { asOfDate, measure: row.exposurePct, line: row.limitPct, breached: row.status === "breach" }
      : { asOfDate, measure: 0, line: lineOf(limit), breached: false };
  });
}
