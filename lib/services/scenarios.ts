import { getPrisma } from "../db/client";
import type { Prisma, Scenario as ScenarioRow } from "../db/generated/client";
import { computeExposuresFromGroups, type GroupedPositions } from "../engine/exposures";
import { normalizeDimensionValue, normalizePosition, type RawPosition } from "../engine/normalize";
import type { NcreifRegion } from "../engine/regions";
import {
  type CapacityRow,
  capacity,
  evaluateScenarioOnGroups,
  type MaxAcquisition,
  maxAcquisition,
  movedByShocks,
  namedPositionIds,
  type Parsed,
  parseShocks,
  parseTrades,
  type ScenarioEvaluation,
  type ScenarioIssue,
  type Shock,
  type Trade,
  type Verdict,
} from "../engine/scenario";
import { type Dimension, type Limit, type Position, UNKNOWN } from "../engine/types";
import { AppError } from "../errors";
import { msaCodeOfName } from "../import/records";
import type { ScenarioCreate, ScenarioEvaluateInput, ScenarioUpdate } from "../schemas";
import { audit } from "./audit";
import { actorName, type PortfolioContext } from "./context";
import { activeLimits } from "./limits";
import { DIMENSION_COLUMN, regionStates } from "./position-columns";
import { loadPositionsWhere } from "./positions-list";
import { sumPositionGroups } from "./runs-compute";
import { dataVersion, type Snapshot, snapshot } from "./snapshots";

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

/** The book as a run sums it (per raw value of each dimension), kept per data version. */
function bookGroups(ctx: PortfolioContext) {
  return snapshot(ctx, "book-groups", async () => sumPositionGroups(await getPrisma(), ctx.portfolio.id));
}

interface Checked {
  trades: Trade[];
  shocks: Shock[];
}

/** Raw trades checked by the engine, a purchase's MSA read by name as an import reads it. */
export function checkTrades(raw: readonly unknown[]): Parsed<Trade[]> {
  return parseTrades(raw, { msaCodeOfName });
}

/** Raw trades and shocks checked by the engine, or every problem with them. */
function check(raw: { trades: unknown; shocks: unknown }): Checked | { issues: ScenarioIssue[] } {
  const trades = checkTrades(raw.trades as unknown[]);
  const shocks = parseShocks(raw.shocks as unknown[], normalizeDimensionValue);
  if (trades.ok && shocks.ok) return { trades: trades.value, shocks: shocks.value };
  return { issues: [...(trades.ok ? [] : trades.issues), ...(shocks.ok ? [] : shocks.issues)] };
}

/** SQL true for a stored position a shock moves: movedByShocks's rule (bucketOf) as a condition. */
function shockCondition(shock: Shock, params: unknown[]): string {
  const column = DIMENSION_COLUMN[shock.dimensionType];
  const value = shock.dimensionValue;
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length + 1}`;
  };
  if (shock.dimensionType === "region") {
    // bucketOf's regionOf(state) as a condition on the state column (see regionStates).
    if (value === null) return `state = ANY(${param(regionStates("unknown"))}::text[])`;
    const states = param(regionStates(value as NcreifRegion | "unknown"));
    return value === UNKNOWN
      ? `(state IS NULL OR NOT state = ANY(${states}::text[]))`
      : `state = ANY(${states}::text[])`;
  }
  if (shock.dimensionType === "vintage") {
    if (value === UNKNOWN) return "vintage IS NULL";
    if (value === null) return "vintage IS NOT NULL";
    const decade = Number.parseInt(value, 10);
    return `(vintage >= ${param(decade)}::int AND vintage < ${param(decade + 10)}::int)`;
  }
  // A missing attribute is the unknown bucket, as is a value stored as "unknown".
  if (value === UNKNOWN) return `(${column} IS NULL OR ${column} IN ('', 'unknown'))`;
  if (value === null) return `(${column} IS NOT NULL AND ${column} NOT IN ('', 'unknown'))`;
  return `${column} = ${param(value)}`;
}

/**
 * The stored positions scenarios touch: those their trades name and those their shocks move. The
 * rest of the book is read as the run's sums, so a what-if reads only what it changes.
 */
function loadTouched(portfolioId: string, ids: readonly string[], shocks: readonly Shock[]) {
  return getPrisma().then((prisma) => {
    const params: unknown[] = [ids];
    const conditions = ["position_id = ANY($2::text[])", ...shocks.map((shock) => shockCondition(shock, params))];
    return loadPositionsWhere(prisma, portfolioId, conditions.join(" OR "), params);
  });
}

/**
 * Evaluates scenarios against today's book and active limits, reading as little as it can: the
 * book's sums (cached per data version) and the stored positions the scenarios touch, so a
 * what-if on a million positions that sells two and shocks one state reads those alone.
 */
async function evaluator(ctx: PortfolioContext, scenarios: readonly Checked[]) {
  const portfolioId = ctx.portfolio.id;
  const ids = [...new Set(scenarios.flatMap((s) => namedPositionIds(s.trades)))];
  const shocks = scenarios.flatMap((s) => s.shocks);
  // The sums and the touched positions must be of one state of the book: read again if a write
  // committed in between (the data version moved).
  let read: [Limit[], Snapshot<GroupedPositions>, Position[]];
  for (let attempt = 0; ; attempt++) {
    const version = await dataVersion(portfolioId);
    read = await Promise.all([
      getPrisma().then((prisma) => activeLimits(prisma, portfolioId)),
      bookGroups({ ...ctx, readVersion: version }),
      loadTouched(portfolioId, ids, shocks),
    ]);
    if ((await dataVersion(portfolioId)) === version || attempt === 2) break;
  }
  const [limits, groups, stored] = read;
  /** The stored positions a scenario touches: those its trades name and those its shocks move. */
  const touchedBy = (trades: readonly Trade[], shocks: readonly Shock[]) => {
    const named = new Set(namedPositionIds(trades));
    return stored.filter((p) => (p.positionId !== null && named.has(p.positionId)) || movedByShocks(p, shocks));
  };
  return {
    evaluate: ({ trades, shocks }: Checked) =>
      evaluateScenarioOnGroups(groups.value, touchedBy(trades, shocks), trades, shocks, limits),
    named: (trades: readonly Trade[]) => touchedBy(trades, []),
  };
}

/** The trades and shocks checked, and evaluated against the stored book and today's active limits. */
async function evaluateOnBook(ctx: PortfolioContext, input: { trades: unknown[]; shocks: unknown[] }) {
  const checked = check(input);
  if ("issues" in checked) refuse(checked.issues);
  const { evaluate, named } = await evaluator(ctx, [checked]);
  const result = evaluate(checked);
  if (!result.ok) refuse(result.issues);
  return { evaluation: result.value, basis: basisOf(named(checked.trades)) };
}

/**
 * The stored book after the trades and shocks, against today's active limits: its exposure, what
 * moved and the breach diff. Reads the positions and limits; writes nothing.
 */
export async function evaluateTrades(ctx: PortfolioContext, input: ScenarioEvaluateInput): Promise<ScenarioEvaluation> {
  return (await evaluateOnBook(ctx, input)).evaluation;
}

/** The current book's exposure (summed by the database, as a run sums it) and its active limits. */
async function currentBook(ctx: PortfolioContext) {
  const [groups, limits] = await Promise.all([bookGroups(ctx), activeLimits(await getPrisma(), ctx.portfolio.id)]);
  return { exposures: computeExposuresFromGroups(groups.value), limits };
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

const ASSET_COLUMNS = [
  "strategy",
  "state",
  "msa_id",
  "vintage",
  "construction_type",
  "rent_band",
  "ownership_pct",
] as const;

/**
 * The largest purchase of an asset with these attributes that breaches no active limit today: the
 * asset's price, so for a joint venture the fund's share of it is what the limits allow.
 */
export async function largestAcquisition(ctx: PortfolioContext, raw: Record<string, unknown>): Promise<MaxAcquisition> {
  const strange = Object.keys(raw).filter((key) => !(ASSET_COLUMNS as readonly string[]).includes(key));
  if (strange.length)
    throw new AppError(
      "invalid_input",
      `position.${strange[0]} is not an attribute of an asset (${ASSET_COLUMNS.join(", ")})`,
      strange.map((key) => ({ field: `position.${key}`, message: `is not one of ${ASSET_COLUMNS.join(", ")}` })),
    );
  // The attributes are checked as an import checks them (an MSA by name too); the value is what
  // is being found.
  const msa = msaCodeOfName(raw.msa_id);
  const attributes = msa === undefined ? raw : { ...raw, msa_id: typeof msa === "string" ? msa : null };
  const normalized = normalizePosition({ ...(attributes as RawPosition), position_value: 1 }, 0);
  const errors = [
    ...(typeof msa === "object" ? [{ field: "msa_id", message: msa.message }] : []),
    ...(normalized.ok ? [] : normalized.errors),
  ];
  if (!normalized.ok || errors.length)
    refuse(errors.map((e) => ({ field: `position.${e.field}`, message: e.message })));
  const { exposures, limits } = await currentBook(ctx);
  const largest = maxAcquisition(exposures, limits, normalized.position);
  const share = normalized.position.ownershipPct;
  if (largest.maxValue === null || share === 100) return largest;
  // The price whose owned share (rounded half up to the cent, as exposure counts it) is at most
  // the exposure allowed: floor(allowed / share), in whole cents.
  const allowed = BigInt(Math.round(largest.maxValue * 100));
  const price = (allowed * 1_000_000n) / BigInt(Math.round(share * 1e4));
  return { ...largest, maxValue: Number(price) / 100 };
}

// Saved scenarios. A scenario keeps its trades and shocks as they were sent and is re-evaluated
// against the book and limits of the moment on every read; `basis` holds the stored positions its
// trades sell or revalue, as they were when it was saved, so a commit can tell they changed.

export interface ScenarioDto {
  id: string;
  name: string;
  description: string | null;
  trades: unknown[];
  shocks: unknown[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  committedAt: string | null;
  committedBy: string | null;
  /** The import batch a commit recorded. */
  batchId: string | null;
}

export interface ScenarioSummary extends Omit<ScenarioDto, "trades" | "shocks"> {
  tradeCount: number;
  shockCount: number;
  /** Against today's book and limits; null once committed, or when its trades no longer apply. */
  verdict: Verdict | null;
}

export interface ScenarioDetail extends ScenarioDto {
  /** A fresh evaluation against today's book and limits; null once committed or when the trades no longer apply. */
  evaluation: ScenarioEvaluation | null;
  /** Why the trades no longer apply (a sold position is gone), named as the evaluation names them. */
  issues: ScenarioIssue[];
}

export type ScenarioBasis = Record<string, Position>;

export function toScenarioDto(row: ScenarioRow): ScenarioDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    trades: row.trades as unknown[],
    shocks: row.shocks as unknown[],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    committedBy: row.committedBy,
    batchId: row.batchId,
  };
}

/** The stored positions a scenario's trades name, by position_id, as the book holds them now. */
export function basisOf(named: readonly Position[]): ScenarioBasis {
  return Object.fromEntries(named.flatMap((p) => (p.positionId === null ? [] : [[p.positionId, p]])));
}

/** Today's evaluation of saved scenarios, or why their trades no longer apply. */
async function reevaluate(
  ctx: PortfolioContext,
  rows: ReadonlyArray<Pick<ScenarioRow, "trades" | "shocks">>,
): Promise<Array<{ evaluation: ScenarioEvaluation | null; issues: ScenarioIssue[] }>> {
  const checked = rows.map((row) => check(row));
  const valid = checked.filter((c): c is Checked => !("issues" in c));
  const { evaluate } = valid.length ? await evaluator(ctx, valid) : { evaluate: null };
  return checked.map((c) => {
    if ("issues" in c || !evaluate) return { evaluation: null, issues: "issues" in c ? c.issues : [] };
    const result = evaluate(c);
    return result.ok ? { evaluation: result.value, issues: [] } : { evaluation: null, issues: result.issues };
  });
}

async function findScenarioRow(ctx: PortfolioContext, id: string): Promise<ScenarioRow> {
  const row = await (await getPrisma()).scenario.findFirst({ where: { id, portfolioId: ctx.portfolio.id } });
  if (!row) throw new AppError("not_found", `Scenario ${id} does not exist`);
  return row;
}

/** Saved scenarios, newest first, each with its verdict against today's book and limits. */
export async function listScenarios(ctx: PortfolioContext): Promise<{ items: ScenarioSummary[] }> {
  const prisma = await getPrisma();
  const rows = await prisma.scenario.findMany({
    where: { portfolioId: ctx.portfolio.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const open = rows.filter((r) => r.committedAt === null);
  const today = new Map((await reevaluate(ctx, open)).map((e, i) => [open[i]?.id, e.evaluation?.verdict ?? null]));
  return {
    items: rows.map((row) => {
      const { trades, shocks, ...dto } = toScenarioDto(row);
      return { ...dto, tradeCount: trades.length, shockCount: shocks.length, verdict: today.get(row.id) ?? null };
    }),
  };
}

/** A saved scenario with a fresh evaluation against today's book and limits. */
export async function getScenario(ctx: PortfolioContext, id: string): Promise<ScenarioDetail> {
  const row = await findScenarioRow(ctx, id);
  // A committed scenario is history: its trades are in the book, so today's book cannot take them again.
  if (row.committedAt !== null) return { ...toScenarioDto(row), evaluation: null, issues: [] };
  const [today] = await reevaluate(ctx, [row]);
  return { ...toScenarioDto(row), evaluation: today?.evaluation ?? null, issues: today?.issues ?? [] };
}

/** Saves a scenario whose trades and shocks apply to today's book (a 422 names any that do not). */
export async function createScenario(ctx: PortfolioContext, input: ScenarioCreate): Promise<ScenarioDetail> {
  const { evaluation, basis } = await evaluateOnBook(ctx, input);
  const prisma = await getPrisma();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.scenario.create({
      data: {
        portfolioId: ctx.portfolio.id,
        name: input.name,
        description: input.description,
        trades: input.trades as Prisma.InputJsonValue,
        shocks: input.shocks as Prisma.InputJsonValue,
        basis: basis as unknown as Prisma.InputJsonValue,
        createdBy: actorName(ctx),
      },
    });
    await audit(tx, ctx, "scenario.created", {
      portfolioId: ctx.portfolio.id,
      target: created.id,
      details: { name: input.name, trades: input.trades.length, shocks: input.shocks.length },
    });
    return created;
  });
  return { ...toScenarioDto(row), evaluation, issues: [] };
}

/** Renames or redescribes a scenario, or replaces its trades or shocks (checked as on save). */
export async function updateScenario(
  ctx: PortfolioContext,
  id: string,
  input: ScenarioUpdate,
): Promise<ScenarioDetail> {
  const current = await findScenarioRow(ctx, id);
  if (current.committedAt !== null)
    throw new AppError("conflict", `Scenario "${current.name}" was committed; save a new scenario to change it.`);
  const next = {
    trades: input.trades ?? (current.trades as unknown[]),
    shocks: input.shocks ?? (current.shocks as unknown[]),
  };
  const { evaluation, basis } = await evaluateOnBook(ctx, next);
  const prisma = await getPrisma();
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.scenario.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        trades: next.trades as Prisma.InputJsonValue,
        shocks: next.shocks as Prisma.InputJsonValue,
        // The positions it sells are taken as they are now: the user has seen today's book.
        basis: basis as unknown as Prisma.InputJsonValue,
      },
    });
    await audit(tx, ctx, "scenario.updated", {
      portfolioId: ctx.portfolio.id,
      target: id,
      details: { fields: Object.keys(input) },
    });
    return updated;
  });
  return { ...toScenarioDto(row), evaluation, issues: [] };
}

export async function deleteScenario(ctx: PortfolioContext, id: string): Promise<void> {
  const row = await findScenarioRow(ctx, id);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.scenario.delete({ where: { id } });
    await audit(tx, ctx, "scenario.deleted", {
      portfolioId: ctx.portfolio.id,
      target: id,
      details: { name: row.name },
    });
  });
}

/** The portfolio a scenario belongs to, whichever the request is about (a shared link). */
export async function scenarioPortfolio(id: string): Promise<{ slug: string; name: string } | null> {
  const row = await (await getPrisma()).scenario.findUnique({
    where: { id },
    select: { portfolio: { select: { slug: true, name: true } } },
  });
  return row?.portfolio ?? null;
}
