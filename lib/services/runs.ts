import { getPrisma } from "../db/client";
import type { Exposure, ExposureRun, Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import { computeConcentration } from "../engine/concentration";
import { type Concentration, DIMENSIONS, type Dimension, type ExposureBucket, UNKNOWN } from "../engine/types";
import { AppError } from "../errors";
import type { PortfolioContext } from "./context";
import { type Snapshot, snapshot } from "./snapshots";

// Reading stored runs: dated, immutable snapshots of a portfolio's exposures (runs-compute.ts
// writes them).

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
export const asDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

export interface RunSummary {
  id: string;
  runId: string;
  asOfDate: string;
  source: string;
  totalPortfolioValue: number;
  positionCount: number;
  computedAt: string;
}

export interface RunDetail extends RunSummary {
  exposures: ExposureBucket[];
  concentration: Record<Dimension, Concentration>;
}

export function toRunSummary(run: ExposureRun): RunSummary {
  return {
    id: run.id,
    runId: run.id,
    asOfDate: isoOf(run.asOfDate),
    source: run.source,
    totalPortfolioValue: run.totalPortfolioValue.toNumber(),
    positionCount: run.positionCount,
    computedAt: run.computedAt.toISOString(),
  };
}

const dimensionOrder = new Map<string, number>(DIMENSIONS.map((d, i) => [d, i]));

/** Same order as the engine: by dimension, largest first, `unknown` last. */
export function sortExposures(rows: ExposureBucket[]): ExposureBucket[] {
  return rows.sort(
    (a, b) =>
      (dimensionOrder.get(a.dimensionType) ?? 99) - (dimensionOrder.get(b.dimensionType) ?? 99) ||
      Number(a.dimensionValue === UNKNOWN) - Number(b.dimensionValue === UNKNOWN) ||
      b.exposureValue - a.exposureValue ||
      a.dimensionValue.localeCompare(b.dimensionValue),
  );
}

/** A stored exposure row as the engine's bucket. */
export function toExposureBucket(r: Exposure): ExposureBucket {
  return {
    dimensionType: r.dimensionType as Dimension,
    dimensionValue: r.dimensionValue,
    exposureValue: r.exposureValue.toNumber(),
    exposurePct: r.exposurePct,
    positionCount: r.positionCount,
    exposureUnits: r.exposureUnits.toNumber(),
    unitsCount: r.unitsCount,
  };
}

export async function loadRunExposures(db: Pick<Tx, "exposure">, runId: string): Promise<ExposureBucket[]> {
  const rows = await db.exposure.findMany({ where: { runId } });
  return sortExposures(rows.map(toExposureBucket));
}

/**
 * A stored run with its exposures: the one asked for, or the latest as-of date; null when there
 * is none. From the snapshot cache: the database is read once per change of the portfolio's data.
 */
export async function findRun(ctx: PortfolioContext, runId?: string): Promise<RunDetail | null> {
  return (await runSnapshot(ctx, runId)).value;
}

/** findRun with its cache validator (the REST API answers 304 with it). */
export function runSnapshot(ctx: PortfolioContext, runId?: string): Promise<Snapshot<RunDetail | null>> {
  return snapshot(ctx, `run:${runId ?? "latest"}`, () => readRun(ctx, runId));
}

async function readRun(ctx: PortfolioContext, runId?: string): Promise<RunDetail | null> {
  const prisma = await getPrisma();
  const portfolioId = ctx.portfolio.id;
  const run = runId
    ? await prisma.exposureRun.findFirst({ where: { id: runId, portfolioId } })
    : await prisma.exposureRun.findFirst({ where: { portfolioId }, orderBy: { asOfDate: "desc" } });
  if (!run) return null;
  const summary = toRunSummary(run);
  const exposures = await loadRunExposures(prisma, run.id);
  return { ...summary, exposures, concentration: concentrationOf(run, exposures, summary.totalPortfolioValue) };
}

/**
 * A run's stored concentration figures. A run stored before a dimension existed (region, added by
 * a migration that gave old runs their region buckets) has none for it: the engine computes them
 * from the buckets, as it would have when the run was made.
 */
function concentrationOf(run: ExposureRun, exposures: readonly ExposureBucket[], total: number) {
  const stored = run.concentration as unknown as Partial<Record<Dimension, Concentration>>;
  return Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      stored[d] ??
        computeConcentration(
          exposures.filter((e) => e.dimensionType === d),
          total,
        ),
    ]),
  ) as Record<Dimension, Concentration>;
}

/** The latest run's summary without its exposures (the nav's as-of date); null when there is none. */
export async function findLatestRunSummary(ctx: PortfolioContext): Promise<RunSummary | null> {
  const run = await findRun(ctx);
  if (!run) return null;
  const { exposures: _exposures, concentration: _concentration, ...summary } = run;
  return summary;
}

/** As findRun, but a missing run is a 404 that says what to do. */
export async function getRunOrThrow(ctx: PortfolioContext, runId?: string): Promise<RunDetail> {
  return (await getRunSnapshot(ctx, runId)).value;
}

/** getRunOrThrow with its cache validator. */
export async function getRunSnapshot(ctx: PortfolioContext, runId?: string): Promise<Snapshot<RunDetail>> {
  const found = await runSnapshot(ctx, runId);
  if (!found.value) {
    throw new AppError(
      "not_found",
      runId
        ? `Run ${runId} does not exist`
        : `Portfolio "${ctx.portfolio.slug}" has no exposure runs yet: compute one first.`,
    );
  }
  return found as Snapshot<RunDetail>;
}

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

export async function listRuns(ctx: PortfolioContext, range: DateRange): Promise<{ items: RunSummary[] }> {
  const prisma = await getPrisma();
  const runs = await prisma.exposureRun.findMany({
    where: { portfolioId: ctx.portfolio.id, asOfDate: dateRange(range) },
    orderBy: { asOfDate: "desc" },
  });
  return { items: runs.map(toRunSummary) };
}

export function dateRange(range: DateRange): Prisma.DateTimeFilter {
  if (range.from && range.to && range.from > range.to) {
    throw new AppError("invalid_input", "from must not be after to", [{ field: "from", message: "is after to" }]);
  }
  return { ...(range.from ? { gte: asDate(range.from) } : {}), ...(range.to ? { lte: asDate(range.to) } : {}) };
}
