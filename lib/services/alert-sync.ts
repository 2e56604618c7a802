import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import { type BreachKey, dateBreaches, startDating } from "../engine/breach-history";
import type { Breach, Limit } from "../engine/types";
import { logger } from "../logger";
import { LIMIT_NOTES, toAlertDto } from "./alerts";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { type AlertEventType, isEscalation, openAlertOutbox } from "./notify-events";
import { asDate, toExposureBucket } from "./runs";

/** The actor of every transition a run makes by itself. */
export const AUTO = "auto";

/** `Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%` */
export function formatAlertMessage(
  b: Pick<Breach, "dimensionType" | "dimensionValue" | "exposurePct" | "thresholdPct" | "thresholdType">,
): string {
  const relation = b.thresholdType === "maximum" ? "exceeds maximum" : "below minimum";
  return `Exposure threshold breached: ${b.dimensionType}='${b.dimensionValue}' at ${b.exposurePct.toFixed(1)}% ${relation} of ${b.thresholdPct.toFixed(1)}%`;
}

// While an alert is unresolved its open_key holds "<limit>|<value>" (a dimension-wide limit's value
// is "*"); a unique index on it means a
// run can only ever update that alert, never open a second one. Resolving clears the key, so a
// later breach of the same limit opens a fresh alert with its own history.
const openKeyOf = (limitId: string, value: string) => `${limitId}|${value}`;

export interface AlertSyncCounts {
  opened: number;
  updated: number;
  resolved: number;
}

/**
 * Brings the portfolio's open alerts in line with the breaches of its latest run (`breaches`, of
 * `limits`, the active limits), then dates them (dateOpenAlerts).
 */
export async function syncAlerts(
  tx: Tx,
  ctx: PortfolioContext,
  runId: string,
  breaches: Breach[],
  limits: readonly Limit[],
): Promise<AlertSyncCounts> {
  const portfolioId = ctx.portfolio.id;
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const open = await tx.alert.findMany({ where: { portfolioId, openKey: { not: null } } });
  const byKey = new Map(open.map((a) => [a.openKey as string, a]));
  const counts: AlertSyncCounts = { opened: 0, updated: 0, resolved: 0 };
  // Opened, escalated and resolved alerts are told to the portfolio's channels, in this
  // transaction, once they are dated (so messages carry breachSince).
  const notices: Array<[AlertEventType, string]> = [];
  const notify = (type: AlertEventType, id: string) => notices.push([type, id]);

  for (const breach of breaches) {
    const key = openKeyOf(breach.limitId, breach.dimensionValue);
    const fields = {
      runId,
      severity: breach.severity,
      thresholdType: breach.thresholdType,
      exposurePct: breach.exposurePct,
      thresholdPct: breach.thresholdPct,
      breachPct: breach.breachPct,
      breachUnit: breach.breachUnit,
      alertMessage: breach.message,
      lastSeenAt: now,
    };
    const existing = byKey.get(key);
    if (existing) {
      byKey.delete(key);
      const changed =
        existing.exposurePct !== breach.exposurePct ||
        existing.thresholdPct !== breach.thresholdPct ||
        existing.severity !== breach.severity;
      const events: Prisma.AlertEventCreateWithoutAlertInput[] = [];
      if (changed) events.push({ kind: "updated", actor: AUTO, exposurePct: breach.exposurePct });
      // A waiver that has run out while the breach persists: the alert is active again.
      const expired = existing.status === "waived" && waiverExpired(existing.waivedUntil, today);
      if (expired)
        events.push({
          kind: "waiver_expired",
          actor: AUTO,
          comment: `waived until ${existing.waivedUntil?.toISOString().slice(0, 10)}; the breach persists`,
          exposurePct: breach.exposurePct,
        });
      // Alerts opened before notifications existed start from the breach of the run before. A
      // waived alert tells nobody that it got worse: the breach is accepted until its date.
      const notifiedBreachPct = existing.notifiedBreachPct ?? existing.breachPct;
      const waived = existing.status === "waived" && !expired;
      const escalated = !waived && isEscalation({ severity: existing.severity, notifiedBreachPct }, breach);
      await tx.alert.update({
        where: { id: existing.id },
        data: {
          ...fields,
          ...(expired ? { status: "active" } : {}),
          notifiedBreachPct: escalated || expired ? breach.breachPct : notifiedBreachPct,
          ...(events.length > 0 ? { events: { create: events } } : {}),
        },
      });
      if (expired) {
        logger.warn({ event: "alert.waiver_expired", alertId: existing.id }, "alert waiver expired");
        await audit(tx, ctx, "alert.waiver_expired", {
          portfolioId,
          target: existing.id,
          details: { message: breach.message, until: existing.waivedUntil?.toISOString().slice(0, 10) },
        });
        notify("alert.waiver_expired", existing.id);
      } else if (escalated) notify("alert.escalated", existing.id);
      counts.updated += 1;
      continue;
    }
    const created = await tx.alert.create({
      data: {
        ...fields,
        portfolioId,
        limitId: breach.limitId,
        openKey: key,
        dimensionType: breach.dimensionType,
        dimensionValue: breach.dimensionValue,
        kind: breach.kind,
        basis: breach.basis,
        status: "active",
        notifiedBreachPct: breach.breachPct,
        events: { create: { kind: "opened", actor: AUTO, exposurePct: breach.exposurePct } },
      },
    });
    logger.warn(
      { event: "alert.opened", alertId: created.id, severity: created.severity, message: created.alertMessage },
      "alert opened",
    );
    await audit(tx, ctx, "alert.opened", {
      portfolioId,
      target: created.id,
      details: { message: created.alertMessage },
    });
    notify("alert.opened", created.id);
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
    await audit(tx, ctx, "alert.auto_resolved", {
      portfolioId,
      target: cleared.id,
      details: { message: cleared.alertMessage },
    });
    notify("alert.resolved", cleared.id);
    counts.resolved += 1;
  }
  await dateOpenAlerts(tx, portfolioId, limits);
  if (notices.length) {
    const outbox = await openAlertOutbox(tx, ctx.portfolio, now);
    for (const [type, id] of outbox.active ? notices : []) {
      const alert = await tx.alert.findUniqueOrThrow({ where: { id }, include: LIMIT_NOTES });
      await outbox.add(type, toAlertDto(alert));
    }
  }
  return counts;
}

/** A waiver runs through its `until` date (UTC) and has expired from the day after. */
export function waiverExpired(until: Date | null, today: string): boolean {
  return until === null || until.toISOString().slice(0, 10) < today;
}

/** Runs read per step back through the history when dating breaches. */
const RUNS_PER_PAGE = 24;

/**
 * Sets each open alert's breachSince: the first as-of date of the unbroken run of breaching
 * snapshots ending at the latest one (see breach-history.ts). Reads the runs newest first, a page
 * at a time, only as far back as the longest breach goes, and only the dimensions breached. Called
 * after alerts are synced and after a backfilled run, which can move a breach's start earlier.
 */
export async function dateOpenAlerts(tx: Tx, portfolioId: string, limits: readonly Limit[]): Promise<void> {
  const byId = new Map(limits.map((l) => [l.id, l]));
  const open = (
    await tx.alert.findMany({
      where: { portfolioId, openKey: { not: null } },
      select: { id: true, limitId: true, dimensionType: true, dimensionValue: true, breachSince: true },
    })
  ).filter((a) => a.limitId !== null && byId.has(a.limitId));
  if (open.length === 0) return;
  const keys: BreachKey[] = open.map((a) => ({
    limit: byId.get(a.limitId as string) as Limit,
    dimensionValue: a.dimensionValue,
  }));
  const since = await breachStartDates(tx, portfolioId, keys);
  for (const [i, alert] of open.entries()) {
    const started = since[i] ?? null;
    if ((alert.breachSince?.toISOString().slice(0, 10) ?? null) === started) continue;
    await tx.alert.update({
      where: { id: alert.id },
      data: { breachSince: started === null ? null : asDate(started) },
    });
  }
}

/**
 * Each breach's first as-of date of its unbroken stretch of breaching runs ending at the latest run
 * on or before `onOrBefore` (every run when absent); null when that run does not breach. Reads the
 * runs newest first, a page at a time, only as far back as the longest breach goes, and only the
 * dimensions breached.
 */
export async function breachStartDates(
  db: Pick<Tx, "exposureRun">,
  portfolioId: string,
  keys: readonly BreachKey[],
  onOrBefore?: string,
): Promise<Array<string | null>> {
  const dimensions = [...new Set(keys.map((k) => k.limit.dimensionType))];
  const asOfDate = onOrBefore === undefined ? undefined : { lte: asDate(onOrBefore) };
  let dating = startDating(keys);
  for (let skip = 0; dating.pending.length > 0; skip += RUNS_PER_PAGE) {
    const runs = await db.exposureRun.findMany({
      where: { portfolioId, asOfDate },
      orderBy: { asOfDate: "desc" },
      skip,
      take: RUNS_PER_PAGE,
      select: { asOfDate: true, exposures: { where: { dimensionType: { in: dimensions } } } },
    });
    if (runs.length === 0) break;
    dating = dateBreaches(
      keys,
      dating,
      runs.map((r) => ({
        asOfDate: r.asOfDate.toISOString().slice(0, 10),
        exposures: r.exposures.map(toExposureBucket),
      })),
    );
  }
  return dating.since;
}
