import { getPrisma } from "../db/client";
import type { Alert, AlertEvent, Prisma } from "../db/generated/client";
import { LONG_TX } from "../db/tx";
import { daysBetween } from "../engine/breach-history";
import type { Basis, BreachUnit, LimitKind } from "../engine/types";
import { AppError } from "../errors";
import { logger } from "../logger";
import type { ALERT_STATUSES, AlertTransition, WaiveInput } from "../schemas";
import { audit } from "./audit";
import { actorName, type PortfolioContext } from "./context";
import { recordAlertEvent } from "./notify-events";
import { lockPortfolio } from "./portfolios";
import { todayUtc } from "./runs";
import { type Snapshot, snapshot } from "./snapshots";

export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What an alert is about: a limit of some kind, or (`data`) a portfolio whose data has gone stale. */
export type AlertKind = LimitKind | "data";

/** Alerts someone still has to act on: a waived breach is accepted, so it is not among them. */
const OPEN_STATUSES: AlertStatus[] = ["active", "acknowledged"];

/** What an alert reads from its limit as it is now: its reference and note (none once it is deleted). */
export const LIMIT_NOTES = { limit: { select: { reference: true, note: true } } } as const;
type AlertWithLimit = Alert & { limit: { reference: string | null; note: string | null } | null };

/**
 * An alert as the API gives it. `breachSince` is the first as-of date of the breach's unbroken
 * stretch of snapshots; `daysInBreach` the calendar days from it to the day the alert resolved, or
 * to today (UTC) while it is open.
 */
export function toAlertDto(a: AlertWithLimit, today: string = todayUtc()) {
  const breachSince = a.breachSince?.toISOString().slice(0, 10) ?? null;
  const until = a.resolvedAt?.toISOString().slice(0, 10) ?? today;
  return {
    id: a.id,
    thresholdId: a.limitId,
    runId: a.runId,
    dimensionType: a.dimensionType,
    dimensionValue: a.dimensionValue,
    kind: a.kind as AlertKind,
    basis: a.basis as Basis,
    severity: a.severity,
    status: a.status as AlertStatus,
    thresholdType: a.thresholdType,
    exposurePct: a.exposurePct,
    thresholdPct: a.thresholdPct,
    breachPct: a.breachPct,
    breachUnit: a.breachUnit as BreachUnit,
    alertMessage: a.alertMessage,
    breachSince,
    daysInBreach: breachSince === null ? null : daysBetween(breachSince, until),
    limitReference: a.limit?.reference ?? null,
    limitNote: a.limit?.note ?? null,
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    comment: a.comment,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    resolvedBy: a.resolvedBy,
    waivedBy: a.waivedBy,
    waivedAt: a.waivedAt?.toISOString() ?? null,
    waivedUntil: a.waivedUntil?.toISOString().slice(0, 10) ?? null,
    waiverReason: a.waiverReason,
    lastSeenAt: a.lastSeenAt.toISOString(),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AlertDto = ReturnType<typeof toAlertDto>;

function toEventDto(e: AlertEvent) {
  return {
    id: e.id,
    kind: e.kind,
    actor: e.actor,
    comment: e.comment,
    exposurePct: e.exposurePct,
    createdAt: e.createdAt.toISOString(),
  };
}
export type AlertEventDto = ReturnType<typeof toEventDto>;
export type AlertDetailDto = AlertDto & { history: AlertEventDto[] };

export interface AlertQuery {
  status?: AlertStatus | "open" | undefined;
  severity?: "warning" | "critical" | undefined;
  dimensionType?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface AlertPage {
  items: AlertDto[];
  nextCursor?: string | undefined;
}

/** Newest first; the cursor is the offset of the next page. From the snapshot cache. */
export async function listAlerts(ctx: PortfolioContext, query: AlertQuery): Promise<AlertPage> {
  return (await listAlertsSnapshot(ctx, query)).value;
}

/** listAlerts with its cache validator. */
export function listAlertsSnapshot(ctx: PortfolioContext, query: AlertQuery): Promise<Snapshot<AlertPage>> {
  const { status, severity, dimensionType, limit, cursor } = query;
  // Today is in the key: daysInBreach counts to it, so a cached page is not carried past midnight.
  const key = `alerts:${todayUtc()}:${status ?? ""}:${severity ?? ""}:${dimensionType ?? ""}:${limit}:${cursor ?? ""}`;
  return snapshot(ctx, key, () => readAlerts(ctx, query));
}

async function readAlerts(ctx: PortfolioContext, query: AlertQuery): Promise<AlertPage> {
  const prisma = await getPrisma();
  const where: Prisma.AlertWhereInput = { portfolioId: ctx.portfolio.id };
  if (query.status === "open") where.status = { in: OPEN_STATUSES };
  else if (query.status) where.status = query.status;
  if (query.severity) where.severity = query.severity;
  if (query.dimensionType) where.dimensionType = query.dimensionType;
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
  const rows = await prisma.alert.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: LIMIT_NOTES,
    skip: offset,
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((a) => toAlertDto(a));
  return { items, nextCursor: rows.length > query.limit ? String(offset + query.limit) : undefined };
}

export interface OpenAlertCounts {
  warning: number;
  critical: number;
  total: number;
}

/** Open (active or acknowledged) alerts by severity: the nav's badge. From the snapshot cache. */
export async function countOpenAlerts(ctx: PortfolioContext): Promise<OpenAlertCounts> {
  return (await countOpenAlertsSnapshot(ctx)).value;
}

/** countOpenAlerts with its cache validator. */
export function countOpenAlertsSnapshot(ctx: PortfolioContext): Promise<Snapshot<OpenAlertCounts>> {
  return snapshot(ctx, "alerts:open-counts", () => readOpenAlertCounts(ctx));
}

async function readOpenAlertCounts(ctx: PortfolioContext): Promise<OpenAlertCounts> {
  const prisma = await getPrisma();
  const groups = await prisma.alert.groupBy({
    by: ["severity"],
    where: { portfolioId: ctx.portfolio.id, status: { in: OPEN_STATUSES } },
    _count: true,
  });
  const of = (s: string) => groups.find((g) => g.severity === s)?._count ?? 0;
  return { warning: of("warning"), critical: of("critical"), total: of("warning") + of("critical") };
}

export async function getAlertOrThrow(ctx: PortfolioContext, id: string): Promise<AlertDetailDto> {
  const prisma = await getPrisma();
  const alert = await prisma.alert.findFirst({
    where: { id, portfolioId: ctx.portfolio.id },
    include: { ...LIMIT_NOTES, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!alert) throw new AppError("not_found", `Alert ${id} does not exist`);
  return { ...toAlertDto(alert), history: alert.events.map(toEventDto) };
}

/** Who acknowledges is the actor of the request: the signed-in user, the token's owner, the CLI. */
export async function acknowledgeAlert(
  ctx: PortfolioContext,
  id: string,
  input: AlertTransition,
): Promise<AlertDetailDto> {
  const by = actorName(ctx);
  return transition(ctx, id, "alert.acknowledged", (alert) => {
    if (alert.status === "resolved")
      throw new AppError("conflict", `Alert ${id} is resolved and cannot be acknowledged`);
    if (alert.status === "waived")
      throw new AppError("conflict", `Alert ${id} is waived until ${isoDate(alert.waivedUntil)}: end the waiver first`);
    return {
      status: "acknowledged",
      acknowledgedBy: by,
      acknowledgedAt: new Date(),
      comment: input.comment ?? alert.comment,
      events: { create: { kind: "acknowledged", actor: by, comment: input.comment ?? null } },
    };
  });
}

export async function resolveAlert(ctx: PortfolioContext, id: string, input: AlertTransition): Promise<AlertDetailDto> {
  const by = actorName(ctx);
  return transition(ctx, id, "alert.resolved", (alert) => {
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

/**
 * A manager accepts a known breach until a date (inclusive, at most a year from today) with a
 * reason: the alert leaves the open list and sends nothing while waived; when the waiver expires
 * with the breach still there, the next evaluation returns it to active (expireWaivers).
 */
export async function waiveAlert(ctx: PortfolioContext, id: string, input: WaiveInput): Promise<AlertDetailDto> {
  const by = actorName(ctx);
  const today = todayUtc();
  const latest = aYearFrom(today);
  if (input.until < today) throw invalidUntil(`must be today (${today}) or later (got ${input.until})`);
  if (input.until > latest)
    throw invalidUntil(`must be at most a year from today, ${latest} at the latest (got ${input.until})`);
  return transition(ctx, id, "alert.waived", (alert) => {
    if (alert.status === "resolved") throw new AppError("conflict", `Alert ${id} is resolved and cannot be waived`);
    return {
      status: "waived",
      waivedBy: by,
      waivedAt: new Date(),
      waivedUntil: new Date(`${input.until}T00:00:00Z`),
      waiverReason: input.reason,
      events: { create: { kind: "waived", actor: by, comment: `until ${input.until}: ${input.reason}` } },
    };
  });
}

/** Ends a waiver early: the alert is active again (the waiver stays on record). */
export async function unwaiveAlert(ctx: PortfolioContext, id: string, input: AlertTransition): Promise<AlertDetailDto> {
  const by = actorName(ctx);
  return transition(ctx, id, "alert.unwaived", (alert) => {
    if (alert.status !== "waived") throw new AppError("conflict", `Alert ${id} is ${alert.status}, not waived`);
    return {
      status: "active",
      events: { create: { kind: "unwaived", actor: by, comment: input.comment ?? null } },
    };
  });
}

const isoDate = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

/** The same calendar date a year later (29 February: 1 March). */
function aYearFrom(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

const invalidUntil = (message: string) =>
  new AppError("invalid_input", `Invalid until: ${message}`, [{ field: "until", message }]);

async function transition(
  ctx: PortfolioContext,
  id: string,
  action: string,
  change: (alert: Alert) => Prisma.AlertUpdateInput,
): Promise<AlertDetailDto> {
  const portfolioId = ctx.portfolio.id;
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolioId);
    const alert = await tx.alert.findFirst({ where: { id, portfolioId } });
    if (!alert) throw new AppError("not_found", `Alert ${id} does not exist`);
    const data = change(alert);
    const updated = await tx.alert.update({ where: { id }, data, include: LIMIT_NOTES });
    // Resolving by hand and waiving are told to the channels, in this transaction; acknowledging
    // and ending a waiver early are not.
    if (action === "alert.resolved" || action === "alert.waived")
      await recordAlertEvent(tx, ctx.portfolio, action, toAlertDto(updated));
    const details =
      action === "alert.waived"
        ? { message: alert.alertMessage, until: isoDate(data.waivedUntil as Date), reason: data.waiverReason }
        : { message: alert.alertMessage };
    await audit(tx, ctx, action, { portfolioId, target: id, details });
    logger.info({ event: action, alertId: id, by: actorName(ctx) }, action.replace(".", " "));
  }, LONG_TX);
  return getAlertOrThrow(ctx, id);
}
