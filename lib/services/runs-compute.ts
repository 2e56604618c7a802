import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { LONG_TX, type Tx } from "../db/tx";
import { computeExposures } from "../engine/exposures";
import { evaluateLimits } from "../engine/limits";
import type { Position } from "../engine/types";
import { AppError } from "../errors";
import { parsePositionValues } from "../import";
import { logger } from "../logger";
import { maxImportRows } from "../request-caps";
import type { RunCreate } from "../schemas";
import { type AlertSyncCounts, syncAlerts } from "./alert-sync";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { activeLimits } from "./limits";
import { lockPortfolio } from "./portfolios";
import { loadPositions } from "./positions-list";
import { asDate, type RunDetail, todayUtc, toRunSummary } from "./runs";

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
export async function computeRun(ctx: PortfolioContext, input: Partial<RunCreate> = {}): Promise<RunResult> {
  const { portfolio } = ctx;
  const asOfDate = input.asOfDate ?? todayUtc();
  const includeAlerts = input.includeAlerts ?? true;
  const inline = input.positions ? parseInlinePositions(input.positions) : null;
  const prisma = await getPrisma();
  const started = performance.now();

  const result = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const positions = inline ?? (await loadPositions(tx, portfolio.id));
    const computed = computeExposures(positions);
    if (computed.positionCount === 0) {
      throw new AppError(
        "invalid_data",
        inline
          ? "No positions were given: nothing to compute."
          : `Portfolio "${portfolio.slug}" has no positions: import positions before computing exposures.`,
      );
    }
    const source = inline ? "inline" : "stored";
    const run = await storeRun(tx, portfolio.id, asOfDate, source, computed);
    await audit(tx, ctx, "run.computed", {
      portfolioId: portfolio.id,
      target: run.id,
      details: { asOfDate, positions: computed.positionCount, source },
    });
    const later = await tx.exposureRun.count({
      where: { portfolioId: portfolio.id, asOfDate: { gt: asDate(asOfDate) } },
    });
    const alertsEvaluated = includeAlerts && later === 0;
    const alerts = alertsEvaluated
      ? await syncAlerts(tx, ctx, run.id, evaluateLimits(computed.exposures, await activeLimits(tx, portfolio.id)))
      : { opened: 0, updated: 0, resolved: 0 };
    return {
      ...toRunSummary(run),
      exposures: computed.exposures,
      concentration: computed.concentration,
      alerts,
      alertsEvaluated,
    };
  }, LONG_TX);

  logger.info(
    {
      event: "exposures.run",
      portfolio: portfolio.slug,
      runId: result.id,
      asOfDate,
      positions: result.positionCount,
      alerts: result.alerts,
      ms: Math.round(performance.now() - started),
    },
    "exposure run stored",
  );
  return result;
}

function parseInlinePositions(raw: unknown[]): Position[] {
  const parsed = parsePositionValues(raw, { maxRows: maxImportRows() });
  if (parsed.rejected.length) {
    const rows = new Set(parsed.rejected.map((r) => r.row)).size;
    throw new AppError(
      "invalid_data",
      `${rows} inline positions are invalid; nothing was computed.`,
      parsed.rejected.map((r) => ({ ...r, field: `positions[${r.row - 1}].${r.field}` })),
    );
  }
  return parsed.rows.map((r) => r.position);
}

async function storeRun(
  tx: Tx,
  portfolioId: string,
  asOfDate: string,
  source: string,
  computed: ReturnType<typeof computeExposures>,
) {
  const data = {
    source,
    totalPortfolioValue: computed.totalPortfolioValue.toFixed(2),
    positionCount: computed.positionCount,
    concentration: computed.concentration as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  const run = await tx.exposureRun.upsert({
    where: { portfolioId_asOfDate: { portfolioId, asOfDate: asDate(asOfDate) } },
    create: { portfolioId, asOfDate: asDate(asOfDate), ...data },
    update: data,
  });
  await tx.exposure.deleteMany({ where: { runId: run.id } });
  await tx.exposure.createMany({
    data: computed.exposures.map((e) => ({ runId: run.id, ...e, exposureValue: e.exposureValue.toFixed(2) })),
  });
  return run;
}
