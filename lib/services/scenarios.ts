import { getPrisma } from "../db/client";
import { computeExposuresFromGroups } from "../engine/exposures";
import { normalizeDimensionValue, normalizePosition, type RawPosition } from "../engine/normalize";
import {
  type CapacityRow,
  capacity,
  evaluateScenario,
  type MaxAcquisition,
  maxAcquisition,
  parseShocks,
  parseTrades,
  type ScenarioEvaluation,
  type ScenarioIssue,
} from "../engine/scenario";
import type { Dimension } from "../engine/types";
import { AppError } from "../errors";
import type { ScenarioEvaluateInput } from "../schemas";
import type { PortfolioContext } from "./context";
import { activeLimits } from "./limits";
import { loadPositions } from "./positions-list";
import { sumPositionGroups } from "./runs-compute";
import { type Snapshot, snapshot } from "./snapshots";

// What-if reads: the current book and active limits handed to the engine's scenario maths
// (lib/engine/scenario.ts). Nothing here writes.

/** 422 naming every bad trade, shock or attribute: "2 trades are invalid; … trades[1].state: …". */
function refuse(issues: ScenarioIssue[]): never {
  const count = (kind: string) =>
    new Set(issues.map((i) => i.field.match(new RegExp(`^${kind}\\[\\d+\\]`))?.[0]).filter(Boolean)).size;
  const parts = (["trades", "shocks"] as const)
    .map((kind) => [count(kind), kind] as const)
    .filter(([n]) => n > 0)
    .map(([n, kind]) => `${n} ${n === 1 ? kind.slice(0, -1) : kind}`);
  const plural = parts.length > 1 || parts.some((p) => !p.startsWith("1 "));
  const what = parts.length ? `${parts.join(" and ")} ${plural ? "are" : "is"}` : "The asset's attributes are";
  const first = issues[0];
  throw new AppError(
    "invalid_data",
    `${what} invalid; nothing was evaluated.${first ? ` ${first.field}: ${first.message}` : ""}`,
    issues,
  );
}

/**
 * The stored book after the trades and shocks, against today's active limits: its exposure, what
 * moved and the breach diff. Reads the positions and limits; writes nothing.
 */
export async function evaluateTrades(ctx: PortfolioContext, input: ScenarioEvaluateInput): Promise<ScenarioEvaluation> {
  const trades = parseTrades(input.trades);
  const shocks = parseShocks(input.shocks, normalizeDimensionValue);
  const issues = [...(trades.ok ? [] : trades.issues), ...(shocks.ok ? [] : shocks.issues)];
  if (!trades.ok || !shocks.ok) refuse(issues);
  const prisma = await getPrisma();
  const [book, limits] = await Promise.all([
    loadPositions(prisma, ctx.portfolio.id),
    activeLimits(prisma, ctx.portfolio.id),
  ]);
  const result = evaluateScenario(book, trades.value, shocks.value, limits);
  if (!result.ok) refuse(result.issues);
  return result.value;
}

/** The current book's exposure (summed by the database, as a run sums it) and its active limits. */
async function currentBook(ctx: PortfolioContext) {
  const prisma = await getPrisma();
  const [groups, limits] = await Promise.all([
    sumPositionGroups(prisma, ctx.portfolio.id),
    activeLimits(prisma, ctx.portfolio.id),
  ]);
  return { exposures: computeExposuresFromGroups(groups), limits };
}

/** Dollars each value can still take under its maximums, or needs to reach its minimums, today. */
export function capacitySnapshot(
  ctx: PortfolioContext,
  dimension: Dimension | undefined,
): Promise<Snapshot<{ items: CapacityRow[] }>> {
  return snapshot(ctx, `capacity:${dimension ?? ""}`, async () => {
    const { exposures, limits } = await currentBook(ctx);
    return { items: capacity(exposures, limits, dimension) };
  });
}

const ASSET_COLUMNS = ["strategy", "state", "msa_id", "vintage", "construction_type", "rent_band"] as const;

/** The largest purchase of an asset with these attributes that breaches no active limit today. */
export async function largestAcquisition(ctx: PortfolioContext, raw: Record<string, unknown>): Promise<MaxAcquisition> {
  const strange = Object.keys(raw).filter((key) => !(ASSET_COLUMNS as readonly string[]).includes(key));
  if (strange.length)
    throw new AppError(
      "invalid_input",
      `position.${strange[0]} is not an attribute of an asset (${ASSET_COLUMNS.join(", ")})`,
      strange.map((key) => ({ field: `position.${key}`, message: `is not one of ${ASSET_COLUMNS.join(", ")}` })),
    );
  // The attributes are checked as an import checks them; the value is what is being found.
  const normalized = normalizePosition({ ...(raw as RawPosition), position_value: 1 }, 0);
  if (!normalized.ok) refuse(normalized.errors.map((e) => ({ field: `position.${e.field}`, message: e.message })));
  const { exposures, limits } = await currentBook(ctx);
  return maxAcquisition(exposures, limits, normalized.position);
}
