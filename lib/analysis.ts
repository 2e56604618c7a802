import { countOpenAlerts, listAlerts } from "./alerts";
import { getPrisma } from "./db/client";
import { compareToLimits, type LimitComparison } from "./engine/compare";
import { buildDials, buildSeries } from "./engine/dashboard";
import { normalizeDimensionValue } from "./engine/normalize";
import { analyzeTrend, type TrendPoint } from "./engine/trend";
import { DIMENSIONS, UNKNOWN, type Dimension } from "./engine/types";
import { AppError } from "./errors";
import { getPortfolioOrThrow } from "./portfolios";
import { msaName } from "./reference/cbsa";
import { dateRange, getRunOrThrow, type RunDetail } from "./runs";
import { activeLimits } from "./thresholds";

/** Exposure of one value over stored runs, oldest first; a run where it had no positions counts 0 %. */
export async function getTrend(
  query: { dimensionType: Dimension; dimensionValue: string; from?: string | undefined; to?: string | undefined },
  portfolioSlug?: string,
) {
  const normalized = normalizeDimensionValue(query.dimensionType, query.dimensionValue);
  if (!normalized.ok) throw new AppError("invalid_input", `Invalid dimensionValue: ${normalized.message}`, [{ field: "dimensionValue", message: normalized.message }]);
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const runs = await prisma.exposureRun.findMany({
    where: { portfolioId: portfolio.id, asOfDate: dateRange(query) },
    orderBy: { asOfDate: "asc" },
    select: {
      asOfDate: true,
      totalPortfolioValue: true,
      exposures: { where: { dimensionType: query.dimensionType, dimensionValue: normalized.value }, select: { exposurePct: true, exposureValue: true } },
    },
  });
  const points: TrendPoint[] = runs.map((run) => ({
    asOfDate: run.asOfDate.toISOString().slice(0, 10),
    exposurePct: run.exposures[0]?.exposurePct ?? 0,
    exposureValue: run.exposures[0]?.exposureValue.toNumber() ?? 0,
    totalPortfolioValue: run.totalPortfolioValue.toNumber(),
  }));
  return { dimensionType: query.dimensionType, dimensionValue: normalized.value, ...analyzeTrend(points) };
}

/** Every value of each named dimension against a flat maximum, breaches first. */
export async function compareLimits(
  input: { limits: Partial<Record<Dimension, number>>; runId?: string | undefined },
  portfolioSlug?: string,
): Promise<{ runId: string; asOfDate: string; items: LimitComparison[] }> {
  const run = await getRunOrThrow(input.runId, portfolioSlug);
  return { runId: run.id, asOfDate: run.asOfDate, items: compareToLimits(run.exposures, input.limits) };
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

export async function getGeographic(runId?: string, portfolioSlug?: string) {
  const run = await getRunOrThrow(runId, portfolioSlug);
  return { runId: run.id, asOfDate: run.asOfDate, msa: geographicView(run, "msa"), state: geographicView(run, "state") };
}

/** Everything the overview shows, from the latest run: one dial per dimension, chart series, alerts. */
export async function getDashboard(portfolioSlug?: string) {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const run = await getRunOrThrow(undefined, portfolio.slug);
  const prisma = await getPrisma();
  const limits = await activeLimits(prisma, portfolio.id);
  const result = { totalPortfolioValue: run.totalPortfolioValue, positionCount: run.positionCount, exposures: run.exposures, concentration: run.concentration };
  return {
    portfolio: portfolio.slug,
    run: { id: run.id, asOfDate: run.asOfDate, totalPortfolioValue: run.totalPortfolioValue, positionCount: run.positionCount, computedAt: run.computedAt },
    dials: buildDials(result, limits),
    series: Object.fromEntries(DIMENSIONS.map((d) => [d, buildSeries(result, d)])) as Record<Dimension, ReturnType<typeof buildSeries>>,
    alerts: { open: await countOpenAlerts(portfolio.slug), newest: (await listAlerts({ status: "open", limit: 5 }, portfolio.slug)).items },
  };
}
