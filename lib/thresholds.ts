import { syncAlerts, type AlertSyncCounts } from "./alerts";
import { audit } from "./audit";
import { getPrisma } from "./db/client";
import type { Threshold } from "./db/generated/client";
import { LONG_TX, type Tx } from "./db/tx";
import { evaluateLimits } from "./engine/limits";
import { normalizeDimensionValue } from "./engine/normalize";
import type { Dimension, Limit, Severity, ThresholdType } from "./engine/types";
import { AppError } from "./errors";
import { logger } from "./logger";
import { getPortfolioOrThrow, lockPortfolio } from "./portfolios";
import { loadRunExposures } from "./runs";
import { thresholdCreateSchema, thresholdUpdateSchema, type ThresholdCreate, type ThresholdUpdate } from "./schemas";
import { parseOrThrow } from "./http";

export type ThresholdDto = Limit & { createdAt: string; updatedAt: string };

function toThresholdDto(t: Threshold): ThresholdDto {
  return {
    id: t.id,
    dimensionType: t.dimensionType as Dimension,
    dimensionValue: t.dimensionValue,
    thresholdPct: t.thresholdPct,
    thresholdType: t.thresholdType as ThresholdType,
    severityLevel: t.severityLevel as Severity,
    isActive: t.isActive,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function activeLimits(tx: Pick<Tx, "threshold">, portfolioId: string): Promise<Limit[]> {
  const rows = await tx.threshold.findMany({ where: { portfolioId, isActive: true } });
  return rows.map(toThresholdDto);
}

export async function listThresholds(portfolioSlug?: string): Promise<{ items: ThresholdDto[] }> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const rows = await prisma.threshold.findMany({ where: { portfolioId: portfolio.id }, orderBy: [{ dimensionType: "asc" }, { createdAt: "asc" }] });
  return { items: rows.map(toThresholdDto) };
}

/** A limit's value is normalised like position attributes, so "Value_Add" matches value_add. */
function normalizeValue(dimension: Dimension, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const result = normalizeDimensionValue(dimension, raw);
  if (!result.ok) throw new AppError("invalid_input", `Invalid dimensionValue: ${result.message}`, [{ field: "dimensionValue", message: result.message }]);
  return result.value;
}

export async function createThreshold(input: ThresholdCreate, portfolioSlug?: string): Promise<ThresholdDto> {
  const data = parseOrThrow(thresholdCreateSchema, input, "limit");
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const dimensionValue = normalizeValue(data.dimensionType, data.dimensionValue);
  const created = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    await assertNoTwin(tx, portfolio.id, { ...data, dimensionValue });
    const row = await tx.threshold.create({ data: { ...data, dimensionValue, portfolioId: portfolio.id } });
    await audit(tx, "limit.created", { portfolioId: portfolio.id, target: row.id, details: { ...data, dimensionValue } });
    await reevaluateLatestRun(tx, portfolio.id);
    return row;
  }, LONG_TX);
  logger.info({ event: "threshold.created", portfolio: portfolio.slug, thresholdId: created.id }, "limit created");
  return toThresholdDto(created);
}

export async function updateThreshold(id: string, input: ThresholdUpdate, portfolioSlug?: string): Promise<ThresholdDto> {
  const patch = parseOrThrow(thresholdUpdateSchema, input, "limit");
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const updated = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const current = await tx.threshold.findFirst({ where: { id, portfolioId: portfolio.id } });
    if (!current) throw new AppError("not_found", `Limit ${id} does not exist`);
    const dimensionType = patch.dimensionType ?? (current.dimensionType as Dimension);
    const dimensionValue = normalizeValue(dimensionType, patch.dimensionValue === undefined ? current.dimensionValue : patch.dimensionValue);
    const next = { ...current, ...patch, dimensionType, dimensionValue };
    await assertNoTwin(tx, portfolio.id, next, id);
    const row = await tx.threshold.update({ where: { id }, data: { ...patch, dimensionType, dimensionValue } });
    await audit(tx, "limit.updated", { portfolioId: portfolio.id, target: id, details: { ...patch, dimensionType, dimensionValue } });
    await reevaluateLatestRun(tx, portfolio.id);
    return row;
  }, LONG_TX);
  logger.info({ event: "threshold.updated", portfolio: portfolio.slug, thresholdId: id, changes: patch }, "limit updated");
  return toThresholdDto(updated);
}

/** Deleting a limit resolves its open alerts (by `auto`); the alerts themselves stay as history. */
export async function deleteThreshold(id: string, portfolioSlug?: string): Promise<void> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const current = await tx.threshold.findFirst({ where: { id, portfolioId: portfolio.id } });
    if (!current) throw new AppError("not_found", `Limit ${id} does not exist`);
    await tx.threshold.delete({ where: { id } });
    await audit(tx, "limit.deleted", { portfolioId: portfolio.id, target: id, details: { dimensionType: current.dimensionType, dimensionValue: current.dimensionValue, thresholdPct: current.thresholdPct } });
    await reevaluateLatestRun(tx, portfolio.id);
  }, LONG_TX);
  logger.info({ event: "threshold.deleted", portfolio: portfolio.slug, thresholdId: id }, "limit deleted");
}

interface LimitKey {
  dimensionType: string;
  dimensionValue: string | null;
  thresholdType: string;
  severityLevel: string;
}

async function assertNoTwin(tx: Tx, portfolioId: string, key: LimitKey, exceptId?: string): Promise<void> {
  const twin = await tx.threshold.findFirst({
    where: { portfolioId, dimensionType: key.dimensionType, dimensionValue: key.dimensionValue, thresholdType: key.thresholdType, severityLevel: key.severityLevel, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (twin) {
    throw new AppError("conflict", `A ${key.severityLevel} ${key.thresholdType} limit on ${key.dimensionType}${key.dimensionValue ? `='${key.dimensionValue}'` : ""} already exists (${twin.id}); edit it instead.`, [{ field: "dimensionValue", message: "duplicate limit" }]);
  }
}

/** Limits changed: re-check the latest snapshot so alerts reflect the limits in force. */
export async function reevaluateLatestRun(tx: Tx, portfolioId: string): Promise<AlertSyncCounts | null> {
  const latest = await tx.exposureRun.findFirst({ where: { portfolioId }, orderBy: { asOfDate: "desc" }, select: { id: true } });
  if (!latest) return null;
  const exposures = await loadRunExposures(tx, latest.id);
  return syncAlerts(tx, portfolioId, latest.id, evaluateLimits(exposures, await activeLimits(tx, portfolioId)));
}
