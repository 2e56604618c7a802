import { getPrisma } from "../db/client";
import { daysBetween } from "../engine/breach-history";
import { evaluateLimits } from "../engine/limit-kinds";
import { largestChanges, previousQuarterEnd, previousQuarterRun } from "../engine/report";
import { type ExposureChange, exposureChanges } from "../engine/scenario";
import type { TrendPoint } from "../engine/trend";
import { type Breach, DIMENSIONS, type Dimension, type Limit, UNKNOWN } from "../engine/types";
import { breachStartDates } from "./alert-sync";
import { getTrend } from "./analysis";
import type { PortfolioContext } from "./context";
import { listLimits } from "./limits";
import { getRunOrThrow, listRuns, type RunDetail, type RunSummary } from "./runs";
import { snapshot } from "./snapshots";

// The investment committee's report on one stored run: composed of the reads the dashboard pages
// use (the run, the limits, the breach dating of alerts, the what-if diff of two bucket sets, the
// trend of a value), measured as of the run's date rather than today.

/** Moves listed in "Largest changes since the previous quarter". */
export const REPORT_CHANGES = 10;
/** Runs (the report's and those before it) the trends span: two years of monthly runs. */
export const REPORT_TREND_RUNS = 24;

/** A breach of an active limit at the report's run, with what the limit says and how long it has lasted. */
export interface ReportBreach extends Breach {
  limitReference: string | null;
  limitNote: string | null;
  /** The first as-of date of the unbroken stretch of breaching runs ending at the report's run. */
  breachSince: string | null;
  /** Calendar days from breachSince to the report's as-of date. */
  daysInBreach: number | null;
}

/** The share of one dimension's largest value over the runs up to the report's. */
export interface ReportTrend {
  dimensionType: Dimension;
  dimensionValue: string;
  /** Oldest first. */
  points: TrendPoint[];
}

export interface Report {
  run: RunDetail;
  breaches: ReportBreach[];
  /** The end of the quarter before the report's; the previous run is the latest on or before it. */
  previousQuarterEnd: string;
  previous: RunSummary | null;
  /** The largest moves in share since `previous`, across every dimension; empty without it. */
  changes: ExposureChange[];
  /** One per dimension with a known value, in dimension order. */
  trends: ReportTrend[];
  /** How many runs the trends span (at most REPORT_TREND_RUNS). */
  trendRunCount: number;
}

/** The report on a stored run (a 404 for one the portfolio does not have). From the snapshot cache. */
export async function getReport(ctx: PortfolioContext, runId: string): Promise<Report> {
  return (await snapshot(ctx, `report:${runId}`, () => readReport(ctx, runId))).value;
}

async function readReport(ctx: PortfolioContext, runId: string): Promise<Report> {
  const [run, { items: runs }] = await Promise.all([getRunOrThrow(ctx, runId), listRuns(ctx, {})]);
  const quarterEnd = previousQuarterEnd(run.asOfDate);
  const previousSummary = previousQuarterRun(runs, run.asOfDate);
  const [breaches, previous, trends] = await Promise.all([
    reportBreaches(ctx, run),
    previousSummary ? getRunOrThrow(ctx, previousSummary.id) : null,
    reportTrends(ctx, run, runs),
  ]);
  return {
    run,
    breaches,
    previousQuarterEnd: quarterEnd,
    previous: previousSummary,
    changes: previous ? largestChanges(exposureChanges(previous, run), REPORT_CHANGES) : [],
    trends: trends.series,
    trendRunCount: trends.runCount,
  };
}

const SEVERITY_ORDER = { critical: 0, warning: 1 } as const;
const dimensionOrder = new Map<string, number>(DIMENSIONS.map((d, i) => [d, i]));

/**
 * The active limits checked on the run as a run checks them (evaluateLimits), each breach dated as
 * alerts are (breachStartDates) but from the report's run back: critical first, then by dimension.
 */
async function reportBreaches(ctx: PortfolioContext, run: RunDetail): Promise<ReportBreach[]> {
  const limits = (await listLimits(ctx)).items.filter((l) => l.isActive);
  const byId = new Map(limits.map((l) => [l.id, l]));
  const breaches = evaluateLimits(run.exposures, limits)
    .map((breach, order) => ({ breach, order }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.breach.severity] - SEVERITY_ORDER[b.breach.severity] ||
        (dimensionOrder.get(a.breach.dimensionType) ?? 99) - (dimensionOrder.get(b.breach.dimensionType) ?? 99) ||
        a.order - b.order,
    )
    .map(({ breach }) => breach);
  if (breaches.length === 0) return [];
  const keys = breaches.map((b) => ({ limit: byId.get(b.limitId) as Limit, dimensionValue: b.dimensionValue }));
  const since = await breachStartDates(await getPrisma(), ctx.portfolio.id, keys, run.asOfDate);
  return breaches.map((breach, i) => {
    const limit = byId.get(breach.limitId);
    const breachSince = since[i] ?? null;
    return {
      ...breach,
      limitReference: limit?.reference ?? null,
      limitNote: limit?.note ?? null,
      breachSince,
      daysInBreach: breachSince === null ? null : daysBetween(breachSince, run.asOfDate),
    };
  });
}

/** Each dimension's largest known value at the report's run, over the last REPORT_TREND_RUNS runs up to it. */
async function reportTrends(ctx: PortfolioContext, run: RunDetail, runs: readonly RunSummary[]) {
  const upTo = runs.filter((r) => r.asOfDate <= run.asOfDate); // newest first
  const window = upTo.slice(0, REPORT_TREND_RUNS);
  const from = window[window.length - 1]?.asOfDate ?? run.asOfDate;
  const tops = DIMENSIONS.flatMap((dimensionType) => {
    // The run's buckets come largest first with `unknown` last: the first known one is the largest.
    const top = run.exposures.find((b) => b.dimensionType === dimensionType && b.dimensionValue !== UNKNOWN);
    return top ? [{ dimensionType, dimensionValue: top.dimensionValue }] : [];
  });
  const series = await Promise.all(
    tops.map(async (top) => {
      const trend = await getTrend(ctx, { ...top, from, to: run.asOfDate });
      return { ...top, points: trend.points };
    }),
  );
  return { series, runCount: window.length };
}
