import { getPrisma } from "../db/client";
import { type BreachPoint, breachSeries } from "../engine/breach-history";
import type { Dimension } from "../engine/types";
import { type AlertDetailDto, getAlertOrThrow } from "./alerts";
import type { PortfolioContext } from "./context";
import { limitById } from "./limits";
import { asDate, toExposureBucket } from "./runs";

/** An alert with its history and, while its limit exists, what it measured at each snapshot of the breach. */
export type AlertWithBreach = AlertDetailDto & { breachSnapshots: BreachPoint[] };

/**
 * GET /api/alerts/{id}: the alert, its events, and the exposure at each snapshot from the breach's
 * first as-of date to the latest (or, once resolved, to the run that last saw it), measured by
 * its limit as it is now. Empty for a stale-data alert or one whose limit was deleted.
 */
export async function getAlertDetail(ctx: PortfolioContext, id: string): Promise<AlertWithBreach> {
  const alert = await getAlertOrThrow(ctx, id);
  const prisma = await getPrisma();
  const limit = alert.thresholdId ? await limitById(prisma, ctx.portfolio.id, alert.thresholdId) : null;
  if (limit === null || alert.breachSince === null) return { ...alert, breachSnapshots: [] };
  const lastRun = alert.runId
    ? await prisma.exposureRun.findFirst({ where: { id: alert.runId }, select: { asOfDate: true } })
    : null;
  const runs = await prisma.exposureRun.findMany({
    where: {
      portfolioId: ctx.portfolio.id,
      asOfDate: {
        gte: asDate(alert.breachSince),
        ...(alert.status === "resolved" && lastRun ? { lte: lastRun.asOfDate } : {}),
      },
    },
    orderBy: { asOfDate: "asc" },
    take: 400,
    select: { asOfDate: true, exposures: { where: { dimensionType: alert.dimensionType as Dimension } } },
  });
  const snapshots = runs.map((r) => ({
    asOfDate: r.asOfDate.toISOString().slice(0, 10),
    exposures: r.exposures.map(toExposureBucket),
  }));
  return { ...alert, breachSnapshots: breachSeries({ limit, dimensionValue: alert.dimensionValue }, snapshots) };
}
