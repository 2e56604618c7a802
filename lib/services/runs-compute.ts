import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { LONG_TX, type Tx } from "../db/tx";
import {
  computeExposures,
  computeExposuresFromGroups,
  type GroupedPositions,
  type PositionGroup,
} from "../engine/exposures";
import { evaluateLimits } from "../engine/limit-kinds";
import { type ExposureResult, type Position, STORED_DIMENSIONS, type StoredDimension } from "../engine/types";
import { AppError } from "../errors";
import { parsePositionValues } from "../import";
import { logger } from "../logger";
import { maxImportRows } from "../request-caps";
import type { RunCreate } from "../schemas";
import { type AlertSyncCounts, dateOpenAlerts, syncAlerts } from "./alert-sync";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { activeLimits } from "./limits";
import { lockPortfolio } from "./portfolios";
import { DIMENSION_COLUMN, OWNED_UNITS_SQL, OWNED_VALUE_SQL } from "./position-columns";
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
  const asOfDate = input.asOfDate ?? todayUtc();
  const inline = input.positions ? parseInlinePositions(input.positions) : null;
  const prisma = await getPrisma();
  const started = performance.now();
  const result = await prisma.$transaction(
    (tx) => computeRunIn(tx, ctx, { asOfDate, includeAlerts: input.includeAlerts ?? true, inline }),
    LONG_TX,
  );
  logger.info(
    {
      event: "exposures.run",
      portfolio: ctx.portfolio.slug,
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

/**
 * computeRun inside a transaction the caller holds (a scenario's commit recomputes today's run in
 * the transaction that changed the book). Takes the portfolio's lock first.
 */
export async function computeRunIn(
  tx: Tx,
  ctx: PortfolioContext,
  { asOfDate, includeAlerts, inline }: { asOfDate: string; includeAlerts: boolean; inline: Position[] | null },
): Promise<RunResult> {
  const { portfolio } = ctx;
  await lockPortfolio(tx, portfolio.id);
  const computed = inline
    ? computeExposures(inline)
    : computeExposuresFromGroups(await sumPositionGroups(tx, portfolio.id));
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
  const limits = includeAlerts ? await activeLimits(tx, portfolio.id) : [];
  const alerts = alertsEvaluated
    ? await syncAlerts(tx, ctx, run.id, evaluateLimits(computed.exposures, limits), limits)
    : { opened: 0, updated: 0, resolved: 0 };
  // A backfilled run leaves the open alerts as they are, but may move when their breach began.
  if (includeAlerts && !alertsEvaluated) await dateOpenAlerts(tx, portfolio.id, limits);
  return {
    ...toRunSummary(run),
    exposures: computed.exposures,
    concentration: computed.concentration,
    alerts,
    alertsEvaluated,
  };
}

type GroupRow = Record<string, string | number | null> & {
  dimension: StoredDimension | "total";
  /** SUM of the owned values (numeric), as text: exact; converted to a number once, below. */
  value: string | null;
  n: number;
  /** SUM of the owned units, as text; null when no position of the group has units. */
  units: string | null;
  /** Positions with units. */
  nu: number;
};

// Each stored dimension on its own (the engine derives region from state), and the whole book: GROUPING() tells the sets apart, since the grouped
// value itself may be null (the unknown bucket). Raw values, not buckets: the engine buckets them.
const GROUPS_SQL = `SELECT CASE ${STORED_DIMENSIONS.map((d) => `WHEN GROUPING(${DIMENSION_COLUMN[d]}) = 0 THEN '${d}'`).join(" ")}
            ELSE 'total' END AS dimension,
          ${STORED_DIMENSIONS.map((d) => DIMENSION_COLUMN[d]).join(", ")},
          SUM(${OWNED_VALUE_SQL})::text AS value, COUNT(*)::int AS n,
          SUM(${OWNED_UNITS_SQL})::text AS units, COUNT(units)::int AS nu
     FROM positions WHERE portfolio_id = $1::uuid
    GROUP BY GROUPING SETS (${STORED_DIMENSIONS.map((d) => `(${DIMENSION_COLUMN[d]})`).join(", ")}, ())`;

/**
 * The stored book summed per raw value of each dimension, in one scan: a few hundred rows instead
 * of every position, so a run costs about what the database takes to add the positions up.
 */
export async function sumPositionGroups(
  db: Pick<Tx, "$queryRawUnsafe">,
  portfolioId: string,
): Promise<GroupedPositions> {
  const rows = await db.$queryRawUnsafe<GroupRow[]>(GROUPS_SQL, portfolioId);
  const groupsOf = <K extends string | number>(dimension: StoredDimension, toKey: (raw: string | number) => K) =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r): PositionGroup<K> => {
        const raw = r[DIMENSION_COLUMN[dimension]] ?? null;
        return {
          key: raw === null ? null : toKey(raw),
          value: Number(r.value),
          count: r.n,
          units: Number(r.units ?? 0),
          unitsCount: r.nu,
        };
      });
  // An empty book still has its () row: a count of 0 and a null sum.
  const total = rows.find((r) => r.dimension === "total");
  return {
    totalValue: Number(total?.value ?? 0),
    positionCount: total?.n ?? 0,
    groups: {
      strategy: groupsOf("strategy", String),
      state: groupsOf("state", String),
      msa: groupsOf("msa", String),
      vintage: groupsOf("vintage", Number),
      construction_type: groupsOf("construction_type", String),
      rent_band: groupsOf("rent_band", String),
    },
  };
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

async function storeRun(tx: Tx, portfolioId: string, asOfDate: string, source: string, computed: ExposureResult) {
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
    data: computed.exposures.map((e) => ({
      runId: run.id,
      ...e,
      exposureValue: e.exposureValue.toFixed(2),
      exposureUnits: e.exposureUnits.toFixed(2),
    })),
  });
  return run;
}
