import { audit } from "./audit";
import { currentActor } from "./auth/context";
import { actorLabel } from "./auth/roles";
import { getPrisma } from "./db/client";
import type { Alert, AlertEvent, Prisma } from "./db/generated/client";
import { LONG_TX, type Tx } from "./db/tx";
import type { Breach } from "./engine/types";
import { AppError } from "./errors";
import { logger } from "./logger";
import { getPortfolioOrThrow, lockPortfolio } from "./portfolios";
import type { ALERT_STATUSES } from "./schemas";

export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const AUTO = "auto";

/** `Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%` */
export function formatAlertMessage(b: Pick<Breach, "dimensionType" | "dimensionValue" | "exposurePct" | "thresholdPct" | "thresholdType">): string {
  const relation = b.thresholdType === "maximum" ? "exceeds maximum" : "below minimum";
  return `Exposure threshold breached: ${b.dimensionType}='${b.dimensionValue}' at ${b.exposurePct.toFixed(1)}% ${relation} of ${b.thresholdPct.toFixed(1)}%`;
}

// While an alert is unresolved its open_key holds "<limit>|<value>"; a unique index on it means a
// run can only ever update that alert, never open a second one. Resolving clears the key, so a
// later breach of the same limit opens a fresh alert with its own history.
const openKeyOf = (limitId: string, value: string) => `${limitId}|${value}`;

export interface AlertSyncCounts {
  opened: number;
  updated: number;
  resolved: number;
}

/** Brings the portfolio's open alerts in line with the breaches of its latest run. */
export async function syncAlerts(tx: Tx, portfolioId: string, runId: string, breaches: Breach[]): Promise<AlertSyncCounts> {
  const now = new Date();
  const open = await tx.alert.findMany({ where: { portfolioId, openKey: { not: null } } });
  const byKey = new Map(open.map((a) => [a.openKey as string, a]));
  const counts: AlertSyncCounts = { opened: 0, updated: 0, resolved: 0 };

  for (const breach of breaches) {
    const key = openKeyOf(breach.limitId, breach.dimensionValue);
    const fields = {
      runId,
      severity: breach.severity,
      thresholdType: breach.thresholdType,
      exposurePct: breach.exposurePct,
      thresholdPct: breach.thresholdPct,
      breachPct: breach.breachPct,
      alertMessage: formatAlertMessage(breach),
      lastSeenAt: now,
    };
    const existing = byKey.get(key);
    if (existing) {
      byKey.delete(key);
      const changed = existing.exposurePct !== breach.exposurePct || existing.thresholdPct !== breach.thresholdPct || existing.severity !== breach.severity;
      await tx.alert.update({
        where: { id: existing.id },
        data: changed ? { ...fields, events: { create: { kind: "updated", actor: AUTO, exposurePct: breach.exposurePct } } } : fields,
      });
      counts.updated += 1;
      continue;
    }
    const created = await tx.alert.create({
      data: {
        ...fields,
        portfolioId,
        thresholdId: breach.limitId,
        openKey: key,
        dimensionType: breach.dimensionType,
        dimensionValue: breach.dimensionValue,
        status: "active",
        events: { create: { kind: "opened", actor: AUTO, exposurePct: breach.exposurePct } },
      },
    });
    logger.warn({ event: "alert.opened", alertId: created.id, severity: created.severity, message: created.alertMessage }, "alert opened");
    await audit(tx, "alert.opened", { portfolioId, target: created.id, details: { message: created.alertMessage } });
    counts.opened += 1;
  }

  for (const cleared of byKey.values()) {
    await tx.alert.update({
      where: { id: cleared.id },
      data: {
        status: "resolved",
        openKey: null,
        resolvedAt: now,
        resolvedBy: AUTO,
        events: { create: { kind: "resolved", actor: AUTO, comment: "breach cleared" } },
      },
    });
    logger.info({ event: "alert.resolved", alertId: cleared.id, by: AUTO }, "alert auto-resolved");
    await audit(tx, "alert.auto_resolved", { portfolioId, target: cleared.id, details: { message: cleared.alertMessage } });
    counts.resolved += 1;
  }
  return counts;
}

export function toAlertDto(a: Alert) {
  return {
    id: a.id,
    thresholdId: a.thresholdId,
    runId: a.runId,
    dimensionType: a.dimensionType,
    dimensionValue: a.dimensionValue,
    severity: a.severity,
    status: a.status as AlertStatus,
    thresholdType: a.thresholdType,
    exposurePct: a.exposurePct,
    thresholdPct: a.thresholdPct,
    breachPct: a.breachPct,
    alertMessage: a.alertMessage,
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    comment: a.comment,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    resolvedBy: a.resolvedBy,
    lastSeenAt: a.lastSeenAt.toISOString(),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AlertDto = ReturnType<typeof toAlertDto>;

function toEventDto(e: AlertEvent) {
  return { id: e.id, kind: e.kind, actor: e.actor, comment: e.comment, exposurePct: e.exposurePct, createdAt: e.createdAt.toISOString() };
}

export interface AlertQuery {
  status?: AlertStatus | "open" | undefined;
  severity?: "warning" | "critical" | undefined;
  dimensionType?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first; the cursor is the offset of the next page. */
export async function listAlerts(query: AlertQuery, portfolioSlug?: string) {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const where: Prisma.AlertWhereInput = { portfolioId: portfolio.id };
  if (query.status === "open") where.status = { in: ["active", "acknowledged"] };
  else if (query.status) where.status = query.status;
  if (query.severity) where.severity = query.severity;
  if (query.dimensionType) where.dimensionType = query.dimensionType;
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
  const rows = await prisma.alert.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: offset, take: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(toAlertDto);
  return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : undefined };
}

export async function countOpenAlerts(portfolioSlug?: string): Promise<{ warning: number; critical: number; total: number }> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const groups = await prisma.alert.groupBy({ by: ["severity"], where: { portfolioId: portfolio.id, openKey: { not: null } }, _count: true });
  const of = (s: string) => groups.find((g) => g.severity === s)?._count ?? 0;
  return { warning: of("warning"), critical: of("critical"), total: of("warning") + of("critical") };
}

export async function getAlertOrThrow(id: string, portfolioSlug?: string) {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  const alert = await prisma.alert.findFirst({ where: { id, portfolioId: portfolio.id }, include: { events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
  if (!alert) throw new AppError("not_found", `Alert ${id} does not exist`);
  return { ...toAlertDto(alert), history: alert.events.map(toEventDto) };
}

/** The signed-in actor when there is one; `by` only counts outside a request (scripts, tests). */
function whoActs(by: string | undefined): string {
  const actor = currentActor();
  return actor ? actorLabel(actor) : by ?? "system";
}

export async function acknowledgeAlert(id: string, input: { by?: string | undefined; comment?: string | undefined }, portfolioSlug?: string) {
  const by = whoActs(input.by);
  return transition(id, portfolioSlug, (alert) => {
    if (alert.status === "resolved") throw new AppError("conflict", `Alert ${id} is resolved and cannot be acknowledged`);
    const at = new Date();
    return {
      status: "acknowledged",
      acknowledgedBy: by,
      acknowledgedAt: at,
      comment: input.comment ?? alert.comment,
      events: { create: { kind: "acknowledged", actor: by, comment: input.comment ?? null } },
    };
  });
}

export async function resolveAlert(id: string, input: { by?: string | undefined; comment?: string | undefined }, portfolioSlug?: string) {
  const by = whoActs(input.by);
  return transition(id, portfolioSlug, (alert) => {
    if (alert.status === "resolved") throw new AppError("conflict", `Alert ${id} is already resolved`);
    return {
      status: "resolved",
      openKey: null,
      resolvedAt: new Date(),
      resolvedBy: by,
      comment: input.comment ?? alert.comment,
      events: { create: { kind: "resolved", actor: by, comment: input.comment ?? null } },
    };
  });
}

async function transition(id: string, portfolioSlug: string | undefined, change: (alert: Alert) => Prisma.AlertUpdateInput) {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const alert = await tx.alert.findFirst({ where: { id, portfolioId: portfolio.id } });
    if (!alert) throw new AppError("not_found", `Alert ${id} does not exist`);
    const data = change(alert);
    await tx.alert.update({ where: { id }, data });
    await audit(tx, `alert.${String(data.status)}`, { portfolioId: portfolio.id, target: id, details: { message: alert.alertMessage } });
    logger.info({ event: `alert.${String(data.status)}`, alertId: id, by: data.acknowledgedBy ?? data.resolvedBy }, `alert ${String(data.status)}`);
  }, LONG_TX);
  return getAlertOrThrow(id, portfolioSlug);
}
