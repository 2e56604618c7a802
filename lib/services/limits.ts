import { getPrisma } from "../db/client";
import type { Limit as LimitRow } from "../db/generated/client";
import { LONG_TX, type Tx } from "../db/tx";
import { evaluateLimits, KIND_FIELDS, limitFieldIssues } from "../engine/limit-kinds";
import { normalizeDimensionValue } from "../engine/normalize";
import type { Basis, Dimension, Limit, LimitKind, Severity, ThresholdType } from "../engine/types";
import { AppError } from "../errors";
import { logger } from "../logger";
import { completeLimit, type LimitCreate, type LimitUpdate } from "../schemas";
import { type AlertSyncCounts, syncAlerts } from "./alert-sync";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { lockPortfolio } from "./portfolios";
import { loadRunExposures } from "./runs";
import { type Snapshot, snapshot } from "./snapshots";

// Exposure limits (the REST API keeps its original path, /api/thresholds). Every change to a rule
// re-evaluates the latest run in the same transaction, so alerts always reflect the limits in force.

/** A stored limit: its rule, and what it says to people (`reference`, `note`; null when unset). */
export type LimitDto = Limit & { reference: string | null; note: string | null; createdAt: string; updatedAt: string };

function toLimitDto(t: LimitRow): LimitDto {
  return {
    id: t.id,
    dimensionType: t.dimensionType as Dimension,
    dimensionValue: t.dimensionValue,
    kind: t.kind as LimitKind,
    basis: t.basis as Basis,
    thresholdType: t.thresholdType as ThresholdType | null,
    thresholdPct: t.thresholdPct,
    thresholdAmount: t.thresholdAmount === null ? null : t.thresholdAmount.toNumber(),
    thresholdCount: t.thresholdCount,
    topN: t.topN,
    thresholdHhi: t.thresholdHhi,
    targetPct: t.targetPct,
    bandPp: t.bandPp,
    severityLevel: t.severityLevel as Severity,
    isActive: t.isActive,
    reference: t.reference,
    note: t.note,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function activeLimits(tx: Pick<Tx, "limit">, portfolioId: string): Promise<Limit[]> {
  // In the order they were made: breaches, capacity rows and what-if diffs list limits in this order.
  const rows = await tx.limit.findMany({
    where: { portfolioId, isActive: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toLimitDto);
}

/** One limit of the portfolio as the engine reads it, active or not; null when there is none. */
export async function limitById(db: Pick<Tx, "limit">, portfolioId: string, id: string): Promise<Limit | null> {
  const row = await db.limit.findFirst({ where: { id, portfolioId } });
  return row ? toLimitDto(row) : null;
}

/** Every limit of the portfolio, by dimension (from the snapshot cache: limits change rarely). */
export async function listLimits(ctx: PortfolioContext): Promise<{ items: LimitDto[] }> {
  return (await listLimitsSnapshot(ctx)).value;
}

/** listLimits with its cache validator. */
export function listLimitsSnapshot(ctx: PortfolioContext): Promise<Snapshot<{ items: LimitDto[] }>> {
  return snapshot(ctx, "limits", () => readLimits(ctx));
}

async function readLimits(ctx: PortfolioContext): Promise<{ items: LimitDto[] }> {
  const prisma = await getPrisma();
  const rows = await prisma.limit.findMany({
    where: { portfolioId: ctx.portfolio.id },
    orderBy: [{ dimensionType: "asc" }, { createdAt: "asc" }],
  });
  return { items: rows.map(toLimitDto) };
}

/**
 * A limit's value is normalised like position attributes, so "Value_Add" matches value_add; a bad
 * one is a 400 naming `field` (compare names a definition's: `limits[1].dimensionValue`).
 */
export function normalizeLimitValue(
  dimension: Dimension,
  raw: string | null | undefined,
  field = "dimensionValue",
): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const result = normalizeDimensionValue(dimension, raw);
  if (!result.ok)
    throw new AppError("invalid_input", `Invalid ${field}: ${result.message}`, [{ field, message: result.message }]);
  return result.value;
}

export async function createLimit(ctx: PortfolioContext, input: LimitCreate): Promise<LimitDto> {
  const { portfolio } = ctx;
  const prisma = await getPrisma();
  const dimensionValue = normalizeLimitValue(input.dimensionType, input.dimensionValue);
  const created = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    await assertNoTwin(tx, portfolio.id, { ...input, dimensionValue });
    const row = await tx.limit.create({ data: { ...input, dimensionValue, portfolioId: portfolio.id } });
    await audit(tx, ctx, "limit.created", {
      portfolioId: portfolio.id,
      target: row.id,
      details: { ...input, dimensionValue },
    });
    await reevaluateLatestRun(tx, ctx);
    return row;
  }, LONG_TX);
  logger.info({ event: "limit.created", portfolio: portfolio.slug, limitId: created.id }, "limit created");
  return toLimitDto(created);
}

export async function updateLimit(ctx: PortfolioContext, id: string, patch: LimitUpdate): Promise<LimitDto> {
  const { portfolio } = ctx;
  const prisma = await getPrisma();
  const updated = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const current = await tx.limit.findFirst({ where: { id, portfolioId: portfolio.id } });
    if (!current) throw new AppError("not_found", `Limit ${id} does not exist`);
    const dimensionType = patch.dimensionType ?? (current.dimensionType as Dimension);
    const kind = patch.kind ?? (current.kind as LimitKind);
    const basis = patch.basis ?? (current.basis as Basis);
    // The limit as it will be is checked for its kind; a change of kind drops the stored fields
    // the new kind does not take rather than refusing them (a field the patch sends is checked).
    const stored = toLimitDto(current);
    const merged = { ...(kind === stored.kind ? stored : completeLimit({ ...stored, kind })), ...patch, kind };
    const issues = limitFieldIssues(kind, merged);
    if (issues.length)
      throw new AppError(
        "invalid_input",
        `Invalid ${issues[0]?.field}: ${issues[0]?.message}`,
        issues.map((i) => ({ field: i.field, message: i.message })),
      );
    const fields = completeLimit(merged);
    const dimensionValue = normalizeLimitValue(dimensionType, fields.dimensionValue);
    const data = {
      ...fields,
      dimensionType,
      kind,
      basis,
      dimensionValue,
      ...pick(patch, ["severityLevel", "isActive", "reference", "note"]),
    };
    await assertNoTwin(tx, portfolio.id, { ...current, ...data }, id);
    const row = await tx.limit.update({ where: { id }, data });
    await audit(tx, ctx, "limit.updated", {
      portfolioId: portfolio.id,
      target: id,
      details: { ...patch, dimensionType, dimensionValue },
    });
    // A change to the reference or the note alone leaves the rule as it was: re-checking the run
    // would bring nothing, and it would open a fresh alert for a breach resolved by hand.
    if (!sameRule(stored, toLimitDto(row))) await reevaluateLatestRun(tx, ctx);
    return row;
  }, LONG_TX);
  logger.info({ event: "limit.updated", portfolio: portfolio.slug, limitId: id, changes: patch }, "limit updated");
  return toLimitDto(updated);
}

/** Deleting a limit resolves its open alerts (by `auto`); the alerts themselves stay as history. */
export async function deleteLimit(ctx: PortfolioContext, id: string): Promise<void> {
  const { portfolio } = ctx;
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const current = await tx.limit.findFirst({ where: { id, portfolioId: portfolio.id } });
    if (!current) throw new AppError("not_found", `Limit ${id} does not exist`);
    await tx.limit.delete({ where: { id } });
    const details = {
      dimensionType: current.dimensionType,
      dimensionValue: current.dimensionValue,
      kind: current.kind,
      basis: current.basis,
      thresholdPct: current.thresholdPct,
      reference: current.reference,
      note: current.note,
    };
    await audit(tx, ctx, "limit.deleted", { portfolioId: portfolio.id, target: id, details });
    await reevaluateLatestRun(tx, ctx);
  }, LONG_TX);
  logger.info({ event: "limit.deleted", portfolio: portfolio.slug, limitId: id }, "limit deleted");
}

/** The fields the engine reads; the others (reference, note, timestamps) are not the rule. */
const RULE_FIELDS = ["dimensionType", "kind", "basis", ...KIND_FIELDS, "severityLevel", "isActive"] as const;

function sameRule(a: Limit, b: Limit): boolean {
  return RULE_FIELDS.every((field) => a[field] === b[field]);
}

function pick<T extends object, K extends keyof T>(object: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  return out;
}

interface LimitKey {
  dimensionType: string;
  dimensionValue: string | null;
  kind: string;
  basis: string;
  thresholdType: string | null;
  topN: number | null;
  severityLevel: string;
}

/** One limit per (dimension, value, kind, basis, side, N, severity): a second would only repeat its alerts. */
async function assertNoTwin(tx: Tx, portfolioId: string, key: LimitKey, exceptId?: string): Promise<void> {
  const { dimensionType, dimensionValue, kind, basis, thresholdType, topN, severityLevel } = key;
  const twin = await tx.limit.findFirst({
    where: {
      portfolioId,
      dimensionType,
      dimensionValue,
      kind,
      basis,
      thresholdType,
      topN,
      severityLevel,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
  });
  if (twin) {
    const named = `${dimensionType}${dimensionValue ? `='${dimensionValue}'` : ""}`;
    // Today's wording for share limits on value; the other kinds and bases say what they are.
    const what =
      kind === "share" && basis === "value"
        ? `${thresholdType} limit`
        : `${kind === "target" ? "" : `${thresholdType} `}${kind}${topN ? ` ${topN}` : ""} limit on ${basis}`;
    throw new AppError(
      "conflict",
      `A ${severityLevel} ${what} on ${named} already exists (${twin.id}); edit it instead.`.replace(
        ` on ${basis} on `,
        ` (${basis}) on `,
      ),
      [{ field: "dimensionValue", message: "duplicate limit" }],
    );
  }
}

/** Limits changed: re-check the latest snapshot so alerts reflect the limits in force. */
async function reevaluateLatestRun(tx: Tx, ctx: PortfolioContext): Promise<AlertSyncCounts | null> {
  const portfolioId = ctx.portfolio.id;
  const latest = await tx.exposureRun.findFirst({
    where: { portfolioId },
    orderBy: { asOfDate: "desc" },
    select: { id: true },
  });
  if (!latest) return null;
  const exposures = await loadRunExposures(tx, latest.id);
  const limits = await activeLimits(tx, portfolioId);
  return syncAlerts(tx, ctx, latest.id, evaluateLimits(exposures, limits), limits);
}
