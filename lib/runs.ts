import { syncAlerts, type AlertSyncCounts } from "./alerts";
import { audit } from "./audit";
import { getPrisma } from "./db/client";
import type { ExposureRun, Prisma } from "./db/generated/client";
import { LONG_TX, type Tx } from "./db/tx";
import { computeExposures } from "./engine/exposures";
import { evaluateLimits } from "./engine/limits";
import { DIMENSIONS, UNKNOWN, type Concentration, type Dimension, type ExposureBucket, type Position } from "./engine/types";
import { AppError } from "./errors";
import { parsePositionValues } from "./import";
import { maxImportRows } from "./limits";
import { logger } from "./logger";
import { getPortfolioOrThrow, lockPortfolio, type PortfolioRef } from "./portfolios";
import { loadPositions } from "./positions";
import type { RunCreate } from "./schemas";
import { activeLimits } from "./thresholds";

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
const asDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
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

export interface RunResult extends RunDetail {
  alerts: AlertSyncCounts;
  /** false when alerts were not asked for, or the run is older than the latest one (a backfill). */
  alertsEvaluated: boolean;
}

/**
 * Computes exposures for an as-of date and stores them as that date's snapshot, replacing an
 * earlier snapshot of the same date (one point per date in a trend). Positions come from the
 * store, or inline (to backfill history from old files without touching the current book).
 * Alerts follow the latest snapshot only: a backfill of an older date leaves them alone.
 */
export async function computeRun(input: RunCreate = {}, portfolioSlug?: string): Promise<RunResult> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const asOfDate = input.asOfDate ?? todayUtc();
  const includeAlerts = input.includeAlerts ?? true;
  const inline = input.positions ? await parseInlinePositions(input.positions) : null;
  const prisma = await getPrisma();
  const started = performance.now();

  const result = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const positions = inline ?? (await loadPositions(tx, portfolio.id));
    const computed = computeExposures(positions);
    if (computed.positionCount === 0) {
      throw new AppError(
        "invalid_data",
        inline ? "No positions were given: nothing to compute." : `Portfolio "${portfolio.slug}" has no positions: import positions before computing exposures.`,
      );
    }
    const run = await storeRun(tx, portfolio, asOfDate, inline ? "inline" : "stored", computed);
    await audit(tx, "run.computed", { portfolioId: portfolio.id, target: run.id, details: { asOfDate, positions: computed.positionCount, source: inline ? "inline" : "stored" } });
    const later = await tx.exposureRun.count({ where: { portfolioId: portfolio.id, asOfDate: { gt: asDate(asOfDate) } } });
    const alertsEvaluated = includeAlerts && later === 0;
    const alerts = alertsEvaluated
      ? await syncAlerts(tx, portfolio.id, run.id, evaluateLimits(computed.exposures, await activeLimits(tx, portfolio.id)))
      : { opened: 0, updated: 0, resolved: 0 };
    return { ...toRunSummary(run), exposures: computed.exposures, concentration: computed.concentration, alerts, alertsEvaluated };
  }, LONG_TX);

  logger.info(
    { event: "exposures.run", portfolio: portfolio.slug, runId: result.id, asOfDate, positions: result.positionCount, alerts: result.alerts, ms: Math.round(performance.now() - started) },
    "exposure run stored",
  );
  return result;
}

async function parseInlinePositions(raw: unknown[]): Promise<Position[]> {
  const parsed = parsePositionValues(raw, { maxRows: maxImportRows() });
  if (parsed.rejected.length) {
    const rows = new Set(parsed.rejected.map((r) => r.row)).size;
    throw new AppError("invalid_data", `${rows} inline positions are invalid; nothing was computed.`, parsed.rejected.map((r) => ({ ...r, field: `positions[${r.row - 1}].${r.field}` })));
  }
  return parsed.rows.map((r) => r.position);
}

async function storeRun(tx: Tx, portfolio: PortfolioRef, asOfDate: string, source: string, computed: ReturnType<typeof computeExposures>) {
  const data = {
    source,
    totalPortfolioValue: computed.totalPortfolioValue.toFixed(2),
    positionCount: computed.positionCount,
    concentration: computed.concentration as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  const run = await tx.exposureRun.upsert({
    where: { portfolioId_asOfDate: { portfolioId: portfolio.id, asOfDate: asDate(asOfDate) } },
    create: { portfolioId: portfolio.id, asOfDate: asDate(asOfDate), ...data },
    update: data,
  });
  await tx.exposure.deleteMany({ where: { runId: run.id } });
  await tx.exposure.createMany({
    data: computed.exposures.map((e) => ({ runId: run.id, ...e, exposureValue: e.exposureValue.toFixed(2) })),
  });
  return run;
}

function toRunSummary(run: ExposureRun): RunSummary {
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

export async function loadRunExposures(db: Pick<Tx, "exposure">, runId: string): Promise<ExposureBucket[]> {
  const rows = await db.exposure.findMany({ where: { runId } });
  return sortExposures(
    rows.map((r) => ({
      dimensionType: r.dimensionType as Dimension,
      dimensionValue: r.dimensionValue,
      exposureValue: r.exposureValue.toNumber(),
      exposurePct: r.exposurePct,
      positionCount: r.positionCount,
    })),
  );
}

/** A stored run with its exposures: the one asked for, or the latest as-of date. */
export async function getRunOrThrow(runId?: string, portfolioSlug?: string): Promise<RunDetail> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const run = runId
    ? await prisma.exposureRun.findFirst({ where: { id: runId, portfolioId: portfolio.id } })
    : await prisma.exposureRun.findFirst({ where: { portfolioId: portfolio.id }, orderBy: { asOfDate: "desc" } });
  if (!run) {
    throw new AppError("not_found", runId ? `Run ${runId} does not exist` : `Portfolio "${portfolio.slug}" has no exposure runs yet: compute one first.`);
  }
  return {
    ...toRunSummary(run),
    exposures: await loadRunExposures(prisma, run.id),
    concentration: run.concentration as unknown as Record<Dimension, Concentration>,
  };
}

export async function listRuns(range: { from?: string | undefined; to?: string | undefined }, portfolioSlug?: string) {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const runs = await prisma.exposureRun.findMany({
    where: { portfolioId: portfolio.id, asOfDate: dateRange(range) },
    orderBy: { asOfDate: "desc" },
  });
  return { items: runs.map(toRunSummary) };
}

export function dateRange(range: { from?: string | undefined; to?: string | undefined }): Prisma.DateTimeFilter {
  if (range.from && range.to && range.from > range.to) {
    throw new AppError("invalid_input", "from must not be after to", [{ field: "from", message: "is after to" }]);
  }
  return { ...(range.from ? { gte: asDate(range.from) } : {}), ...(range.to ? { lte: asDate(range.to) } : {}) };
}
