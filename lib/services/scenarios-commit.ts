import { getPrisma } from "../db/client";
import { LONG_TX } from "../db/tx";
import { applyScenario, namedPositionIds } from "../engine/scenario";
import type { Position } from "../engine/types";
import { AppError, type FieldIssue } from "../errors";
import { logger } from "../logger";
import { audit } from "./audit";
import { actorName, type PortfolioContext } from "./context";
import { lockPortfolio } from "./portfolios";
import { loadPositions } from "./positions-list";
import { todayUtc } from "./runs";
import { computeRunIn, type RunResult } from "./runs-compute";
import { checkTrades, type ScenarioBasis, type ScenarioDto, toScenarioDto } from "./scenarios";

export interface ScenarioCommit {
  scenario: ScenarioDto;
  /** The import batch that records the commit in the import history. */
  batchId: string;
  bought: number;
  sold: number;
  /** Partly sold or revalued. */
  changed: number;
  /** Today's run, recomputed in the same transaction; null when the trades sold the whole book. */
  run: Omit<RunResult, "exposures"> | null;
}

const FIELDS = [
  "assetId",
  "msaId",
  "strategy",
  "state",
  "vintage",
  "constructionType",
  "rentBand",
  "positionValue",
  "units",
] as const satisfies ReadonlyArray<keyof Position>;

/** The import column of a position field: positionValue → position_value. */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** What changed in a stored position since the scenario was saved: "position_value 100000 → 120000". */
function differences(was: Position, now: Position): string[] {
  return FIELDS.filter((f) =>
    f === "positionValue" ? Math.round(was[f] * 100) !== Math.round(now[f] * 100) : was[f] !== now[f],
  ).map((f) => `${columnOf(f)} ${String(was[f] ?? "blank")} → ${String(now[f] ?? "blank")}`);
}

/**
 * Applies a saved scenario's trades to the book, in one transaction under the portfolio's lock:
 * sales delete or reduce, revaluations update, purchases insert. Recorded as an import batch and
 * in the audit log; today's run is recomputed in the same transaction. Shocks are what-if market
 * moves, not trades: they are not applied. Refused with 409 when a position the trades sell or
 * revalue has changed since the scenario was saved, or the trades no longer apply.
 */
export async function commitScenario(ctx: PortfolioContext, id: string): Promise<ScenarioCommit> {
  const portfolioId = ctx.portfolio.id;
  const prisma = await getPrisma();
  const result = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolioId);
    const row = await tx.scenario.findFirst({ where: { id, portfolioId } });
    if (!row) throw new AppError("not_found", `Scenario ${id} does not exist`);
    if (row.committedAt !== null)
      throw new AppError(
        "conflict",
        `Scenario "${row.name}" was already committed on ${row.committedAt.toISOString()}; nothing was changed.`,
      );
    const parsed = checkTrades(row.trades as unknown[]);
    if (!parsed.ok)
      throw new AppError("conflict", `Scenario "${row.name}" no longer applies; nothing was changed.`, parsed.issues);
    const trades = parsed.value;
    const touched = await loadPositions(tx, portfolioId, namedPositionIds(trades));
    const now = new Map(touched.map((p) => [p.positionId ?? "", p]));

    const changed: FieldIssue[] = [];
    for (const [positionId, was] of Object.entries(row.basis as unknown as ScenarioBasis)) {
      const current = now.get(positionId);
      const what = current ? differences(was, current) : ["it is no longer in the book"];
      if (what.length) changed.push({ field: `positions.${positionId}`, message: what.join("; ") });
    }
    if (changed.length)
      throw new AppError(
        "conflict",
        `${changed.length === 1 ? "A position" : `${changed.length} positions`} the scenario trades changed since it was saved (${changed[0]?.field.slice(10)}: ${changed[0]?.message}); nothing was changed. Save the scenario again to commit it.`,
        changed,
      );
    const applied = applyScenario(touched, trades);
    if (!applied.ok)
      throw new AppError(
        "conflict",
        `Scenario "${row.name}" no longer applies to the book (${applied.issues[0]?.field}: ${applied.issues[0]?.message}); nothing was changed.`,
        applied.issues,
      );

    // A purchase is the trade's own object (a position sold and bought back under the same id is
    // deleted, then inserted anew); every other survivor is a stored position, perhaps revalued.
    const purchases = new Set(trades.flatMap((t) => (t.action === "buy" ? [t.position] : [])));
    const after = new Map<string, Position>();
    const bought: Position[] = [];
    for (const p of applied.value) {
      if (purchases.has(p)) bought.push(p);
      else if (p.positionId !== null) after.set(p.positionId, p);
    }
    const sold = touched
      .filter((p) => p.positionId !== null && !after.has(p.positionId))
      .map((p) => p.positionId ?? "");
    const revalued = [...after.values()].filter((p) => p.positionValue !== now.get(p.positionId ?? "")?.positionValue);

    const batch = await tx.importBatch.create({
      data: {
        portfolioId,
        mode: "scenario",
        onError: "reject",
        format: "json",
        sourceName: `scenario: ${row.name}`,
        received: trades.length,
        imported: trades.length,
        rejectedCount: 0,
      },
    });
    if (sold.length) await tx.position.deleteMany({ where: { portfolioId, positionId: { in: sold } } });
    for (const p of revalued)
      await tx.position.updateMany({
        where: { portfolioId, positionId: p.positionId },
        data: { positionValue: p.positionValue.toFixed(2), batchId: batch.id },
      });
    if (bought.length)
      await tx.position.createMany({
        data: bought.map((p) => ({
          portfolioId,
          batchId: batch.id,
          positionId: p.positionId,
          assetId: p.assetId,
          msaId: p.msaId,
          strategy: p.strategy,
          state: p.state,
          vintage: p.vintage,
          constructionType: p.constructionType,
          rentBand: p.rentBand,
          positionValue: p.positionValue.toFixed(2),
          units: p.units,
        })),
      });
    const committed = await tx.scenario.update({
      where: { id },
      data: { committedAt: new Date(), committedBy: actorName(ctx), batchId: batch.id },
    });
    await audit(tx, ctx, "scenario.committed", {
      portfolioId,
      target: id,
      details: {
        name: row.name,
        batchId: batch.id,
        bought: bought.length,
        sold: sold.length,
        changed: revalued.length,
      },
    });
    const remaining = await tx.position.count({ where: { portfolioId } });
    const run = remaining
      ? await computeRunIn(tx, ctx, { asOfDate: todayUtc(), includeAlerts: true, inline: null })
      : null;
    return {
      scenario: toScenarioDto(committed),
      batchId: batch.id,
      bought: bought.length,
      sold: sold.length,
      changed: revalued.length,
      run: run ? (({ exposures: _exposures, ...summary }) => summary)(run) : null,
    };
  }, LONG_TX);
  logger.info(
    {
      event: "scenario.committed",
      portfolio: ctx.portfolio.slug,
      scenario: id,
      bought: result.bought,
      sold: result.sold,
      changed: result.changed,
    },
    "scenario committed",
  );
  return result;
}
