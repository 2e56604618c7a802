import { getPrisma } from "../db/client";
import {
  compareToDefinitions,
  compareToLimits,
  type DefinitionComparison,
  type LimitComparison,
} from "../engine/compare";
import { type CrossTab, computeCrossTab } from "../engine/crosstab";
import { buildDials, buildSeries } from "../engine/dashboard";
import { basisBuckets } from "../engine/limit-kinds";
import { normalizeDimensionValue } from "../engine/normalize";
import { analyzeTrend, type TrendPoint } from "../engine/trend";
import { type Basis, DIMENSIONS, type Dimension, type Position, UNKNOWN } from "../engine/types";
import { AppError } from "../errors";
import { msaName } from "../reference/cbsa";
import type { CompareInput } from "../schemas";
import { countOpenAlerts, listAlerts } from "./alerts";
import type { PortfolioContext } from "./context";
import { activeLimits, normalizeLimitValue } from "./limits";
import { DIMENSION_COLUMN, DIMENSION_FIELD, OWNED_VALUE_SQL } from "./position-columns";
import { type DateRange, dateRange, getRunOrThrow, type RunDetail } from "./runs";
import { snapshot } from "./snapshots";

// Reads that analyse stored data with the engine: trends over runs, limit comparisons, the
// geographic summary, the dashboard, and the cross-tab of the current book.

export interface TrendQuery extends DateRange {
  dimensionType: Dimension;
  dimensionValue: string;
  /** value (default), units or positions. */
  basis?: Basis | undefined;
}

/** Exposure of one value over stored runs, oldest first; a run where it had no positions counts 0 %. */
export async function getTrend(ctx: PortfolioContext, query: TrendQuery) {
  return (await getTrendSnapshot(ctx, query)).value;
}

/** getTrend from the snapshot cache, with its validator. */
export function getTrendSnapshot(ctx: PortfolioContext, query: TrendQuery) {
  const normalized = normalizeDimensionValue(query.dimensionType, query.dimensionValue);
  if (!normalized.ok)
    throw new AppError("invalid_input", `Invalid dimensionValue: ${normalized.message}`, [
      { field: "dimensionValue", message: normalized.message },
    ]);
  const basis = query.basis ?? "value";
  const key = `trend:${query.dimensionType}:${normalized.value}:${query.from ?? ""}:${query.to ?? ""}:${basis}`;
  return snapshot(ctx, key, () => readTrend(ctx, query, normalized.value));
}

async function readTrend(ctx: PortfolioContext, query: TrendQuery, dimensionValue: string) {
  const basis = query.basis ?? "value";
  if (basis !== "value") return readTrendOnBasis(ctx, query, dimensionValue, basis);
  const prisma = await getPrisma();
  const runs = await prisma.exposureRun.findMany({
    where: { portfolioId: ctx.portfolio.id, asOfDate: dateRange(query) },
    orderBy: { asOfDate: "asc" },
    select: {
      asOfDate: true,
      totalPortfolioValue: true,
      exposures: {
        where: { dimensionType: query.dimensionType, dimensionValue },
        select: { exposurePct: true, exposureValue: true },
      },
    },
  });
  const points: TrendPoint[] = runs.map((run) => ({
    asOfDate: run.asOfDate.toISOString().slice(0, 10),
    exposurePct: run.exposures[0]?.exposurePct ?? 0,
    exposureValue: run.exposures[0]?.exposureValue.toNumber() ?? 0,
    totalPortfolioValue: run.totalPortfolioValue.toNumber(),
  }));
  return { dimensionType: query.dimensionType, dimensionValue, basis, ...analyzeTrend(points) };
}

/**
 * A value's trend counted in units or positions: each run's buckets of the dimension on that basis
 * (basisBuckets, as limits read them), the value's amount and share, and the dimension's total.
 */
async function readTrendOnBasis(
  ctx: PortfolioContext,
  query: TrendQuery,
  dimensionValue: string,
  basis: Exclude<Basis, "value">,
) {
  const prisma = await getPrisma();
  const runs = await prisma.exposureRun.findMany({
    where: { portfolioId: ctx.portfolio.id, asOfDate: dateRange(query) },
    orderBy: { asOfDate: "asc" },
    select: {
      asOfDate: true,
      exposures: {
        where: { dimensionType: query.dimensionType },
        select: {
          dimensionValue: true,
          exposurePct: true,
          exposureValue: true,
          positionCount: true,
          exposureUnits: true,
          unitsCount: true,
        },
      },
    },
  });
  const points: TrendPoint[] = runs.map((run) => {
    const buckets = basisBuckets(
      run.exposures.map((e) => ({
        dimensionType: query.dimensionType,
        dimensionValue: e.dimensionValue,
        exposurePct: e.exposurePct,
        exposureValue: e.exposureValue.toNumber(),
        positionCount: e.positionCount,
        exposureUnits: e.exposureUnits.toNumber(),
        unitsCount: e.unitsCount,
      })),
      basis,
    );
    const mine = buckets.find((b) => b.dimensionValue === dimensionValue);
    return {
      asOfDate: run.asOfDate.toISOString().slice(0, 10),
      exposurePct: mine?.exposurePct ?? 0,
      exposureValue: mine?.exposureValue ?? 0,
      totalPortfolioValue: buckets.reduce((sum, b) => sum + b.exposureValue, 0),
    };
  });
  return { dimensionType: query.dimensionType, dimensionValue, basis, ...analyzeTrend(points) };
}
export type TrendDto = Awaited<ReturnType<typeof getTrend>>;

/**
 * A run (the latest unless named) against limits that are not stored: a flat maximum per
 * dimension, every value of each named dimension; or limits of any kind, each checked as a stored
 * one would be, one row per value (or "*") it covers. Breaches first.
 */
export async function compareLimits(
  ctx: PortfolioContext,
  input: CompareInput,
): Promise<{ runId: string; asOfDate: string; items: LimitComparison[] | DefinitionComparison[] }> {
  const { limits } = input;
  if (!Array.isArray(limits)) {
    const run = await getRunOrThrow(ctx, input.runId);
    return { runId: run.id, asOfDate: run.asOfDate, items: compareToLimits(run.exposures, limits) };
  }
  // As createLimit stores a value; checked before the run is read, so bad input is a 400 first.
  const definitions = limits.map((limit, i) => ({
    ...limit,
    dimensionValue: normalizeLimitValue(limit.dimensionType, limit.dimensionValue, `limits[${i}].dimensionValue`),
  }));
  const run = await getRunOrThrow(ctx, input.runId);
  return { runId: run.id, asOfDate: run.asOfDate, items: compareToDefinitions(run.exposures, definitions) };
}

function geographicView(run: RunDetail, dimension: "msa" | "state") {
  const buckets = run.exposures.filter((e) => e.dimensionType === dimension && e.dimensionValue !== UNKNOWN);
  return {
    ...run.concentration[dimension],
    top10: buckets.slice(0, 10).map((b) => ({
      dimensionValue: b.dimensionValue,
      name: dimension === "msa" ? msaName(b.dimensionValue) : null,
      exposurePct: b.exposurePct,
      exposureValue: b.exposureValue,
      positionCount: b.positionCount,
    })),
  };
}

/** The top MSAs and states of a run (the latest when no id is given) with their concentration. */
export async function getGeographic(ctx: PortfolioContext, runId?: string) {
  return (await getGeographicSnapshot(ctx, runId)).value;
}

/** getGeographic from the snapshot cache, with its validator. */
export function getGeographicSnapshot(ctx: PortfolioContext, runId?: string) {
  return snapshot(ctx, `geographic:${runId ?? "latest"}`, () => readGeographic(ctx, runId));
}

async function readGeographic(ctx: PortfolioContext, runId?: string) {
  const run = await getRunOrThrow(ctx, runId);
  return {
    runId: run.id,
    asOfDate: run.asOfDate,
    msa: geographicView(run, "msa"),
    state: geographicView(run, "state"),
  };
}

/** Everything the overview shows, from the latest run: one dial per dimension, chart series, alerts. */
export async function getDashboard(ctx: PortfolioContext) {
  return (await getDashboardSnapshot(ctx)).value;
}

/** getDashboard from the snapshot cache, with its validator. */
export function getDashboardSnapshot(ctx: PortfolioContext) {
  return snapshot(ctx, "dashboard", () => readDashboard(ctx));
}

async function readDashboard(ctx: PortfolioContext) {
  const run = await getRunOrThrow(ctx);
  const limits = await activeLimits(await getPrisma(), ctx.portfolio.id);
  const result = {
    totalPortfolioValue: run.totalPortfolioValue,
    positionCount: run.positionCount,
    exposures: run.exposures,
    concentration: run.concentration,
  };
  const [open, newest] = await Promise.all([countOpenAlerts(ctx), listAlerts(ctx, { status: "open", limit: 5 })]);
  return {
    portfolio: ctx.portfolio.slug,
    run: {
      id: run.id,
      asOfDate: run.asOfDate,
      totalPortfolioValue: run.totalPortfolioValue,
      positionCount: run.positionCount,
      computedAt: run.computedAt,
    },
    dials: buildDials(result, limits),
    series: Object.fromEntries(DIMENSIONS.map((d) => [d, buildSeries(result, d)])) as Record<
      Dimension,
      ReturnType<typeof buildSeries>
    >,
    alerts: { open, newest: newest.items },
  };
}

export interface CrossTabView extends CrossTab {
  portfolio: string;
  positionCount: number;
}

interface GroupRow {
  r: string | number | null;
  c: string | number | null;
  value: number;
  n: number;
}

const EMPTY: Position = {
  positionId: null,
  assetId: null,
  msaId: null,
  strategy: null,
  state: null,
  vintage: null,
  constructionType: null,
  rentBand: null,
  positionValue: 0,
  units: null,
  ownershipPct: 100,
};

function withAttribute(position: Position, dimension: Dimension, raw: string | number | null): Position {
  if (dimension === "vintage") return { ...position, vintage: raw === null ? null : Number(raw) };
  return { ...position, [DIMENSION_FIELD[dimension]]: raw === null ? null : String(raw) };
}

/**
 * Value by two dimensions at once, from the stored positions (the current book), not from a run:
 * runs keep one dimension at a time. The database sums positions per pair of RAW attribute values
 * (a few hundred rows rather than every position: loading 100k positions takes seconds on the
 * embedded database and holds up every other query meanwhile); the engine then buckets those
 * sums exactly as it buckets positions (unknown, vintage by decade, the top-N cut).
 */
export async function getCrossTab(
  ctx: PortfolioContext,
  rowDimension: Dimension,
  columnDimension: Dimension,
): Promise<CrossTabView> {
  const prisma = await getPrisma();
  const groups = await prisma.$queryRawUnsafe<GroupRow[]>(
    `SELECT ${DIMENSION_COLUMN[rowDimension]} AS r, ${DIMENSION_COLUMN[columnDimension]} AS c,
            SUM(${OWNED_VALUE_SQL})::float8 AS value, COUNT(*)::int AS n
       FROM positions WHERE portfolio_id = $1::uuid GROUP BY 1, 2`,
    ctx.portfolio.id,
  );
  const sums = groups.map((g) =>
    withAttribute(withAttribute({ ...EMPTY, positionValue: Number(g.value) }, rowDimension, g.r), columnDimension, g.c),
  );
  const positionCount = groups.reduce((sum, g) => sum + Number(g.n), 0);
  return { portfolio: ctx.portfolio.slug, positionCount, ...computeCrossTab(sums, rowDimension, columnDimension) };
}
