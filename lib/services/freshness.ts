import { getPrisma } from "../db/client";
import { LONG_TX, type Tx } from "../db/tx";
import { daysBetween } from "../engine/breach-history";
import { logger } from "../logger";
import { AUTO } from "./alert-sync";
import { LIMIT_NOTES, toAlertDto } from "./alerts";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { recordAlertEvent } from "./notify-events";
import { lockPortfolio } from "./portfolios";

// Stale data (issue 11): a portfolio whose newest import is older than its stale_after_days has
// one open `data` alert, with the same lifecycle as a limit's (deduplicated by its open key,
// resolved automatically), until the next import.

/** The open key of a portfolio's stale-data alert: one at a time, like a limit's on one value. */
export const FRESHNESS_KEY = "freshness|*";

/** `Stale data: the newest import is 41 days old, more than 35 days` */
export function freshnessMessage(ageDays: number, staleAfterDays: number): string {
  return `Stale data: the newest import is ${ageDays} day${ageDays === 1 ? "" : "s"} old, more than ${staleAfterDays} day${staleAfterDays === 1 ? "" : "s"}`;
}

export interface FreshnessResult {
  /** Days since the newest import; null when the portfolio has never had one. */
  ageDays: number | null;
  staleAfterDays: number;
  change: "opened" | "updated" | "resolved" | null;
}

/**
 * Opens, updates or resolves the portfolio's stale-data alert from the age of its newest import.
 * A portfolio that has never imported anything has nothing to go stale. Idempotent: called after
 * each import (which resolves it) and by the scheduler's periodic check (which opens it).
 */
export async function syncFreshness(ctx: PortfolioContext, now = new Date()): Promise<FreshnessResult> {
  const prisma = await getPrisma();
  // Most calls change nothing: look first, and take the portfolio's lock (a write, which bumps
  // its data version) only when the alert must open, change or resolve.
  const { result, state } = await readFreshness(prisma, ctx, now);
  if (result.change === null && state === "unchanged") return result;
  return prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, ctx.portfolio.id);
    return syncFreshnessIn(tx, ctx, now);
  }, LONG_TX);
}

/** What syncFreshnessIn would do, without doing it: "unchanged" when it would write nothing. */
async function readFreshness(
  db: Pick<Tx, "portfolio" | "importBatch" | "alert">,
  ctx: PortfolioContext,
  now: Date,
): Promise<{ result: FreshnessResult; state: "unchanged" | "changes" }> {
  const { staleAfterDays, ageDays, open } = await freshnessFacts(db, ctx.portfolio.id, now);
  const result: FreshnessResult = { ageDays, staleAfterDays, change: null };
  const stale = ageDays !== null && ageDays > staleAfterDays;
  const unchanged = stale
    ? open !== null && open.exposurePct === ageDays && open.thresholdPct === staleAfterDays
    : open === null;
  return { result, state: unchanged ? "unchanged" : "changes" };
}

async function freshnessFacts(db: Pick<Tx, "portfolio" | "importBatch" | "alert">, portfolioId: string, now: Date) {
  const [portfolio, newest, open] = await Promise.all([
    db.portfolio.findUniqueOrThrow({ where: { id: portfolioId }, select: { staleAfterDays: true } }),
    db.importBatch.findFirst({ where: { portfolioId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    db.alert.findFirst({ where: { portfolioId, openKey: FRESHNESS_KEY } }),
  ]);
  const ageDays = newest ? daysBetween(day(newest.createdAt), day(now)) : null;
  return { staleAfterDays: portfolio.staleAfterDays, newest, ageDays, open };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function syncFreshnessIn(tx: Tx, ctx: PortfolioContext, now: Date): Promise<FreshnessResult> {
  const portfolioId = ctx.portfolio.id;
  const { staleAfterDays, newest, ageDays, open } = await freshnessFacts(tx, portfolioId, now);
  if (newest === null || ageDays === null || ageDays <= staleAfterDays) {
    if (!open) return { ageDays, staleAfterDays, change: null };
    const resolved = await tx.alert.update({
      where: { id: open.id },
      include: LIMIT_NOTES,
      data: {
        status: "resolved",
        openKey: null,
        resolvedAt: now,
        resolvedBy: AUTO,
        events: { create: { kind: "resolved", actor: AUTO, comment: "new data imported" } },
      },
    });
    await audit(tx, ctx, "alert.auto_resolved", {
      portfolioId,
      target: open.id,
      details: { message: open.alertMessage },
    });
    await recordAlertEvent(tx, ctx.portfolio, "alert.resolved", toAlertDto(resolved), now);
    return { ageDays, staleAfterDays, change: "resolved" };
  }
  const fields = {
    exposurePct: ageDays,
    thresholdPct: staleAfterDays,
    breachPct: ageDays - staleAfterDays,
    alertMessage: freshnessMessage(ageDays, staleAfterDays),
    lastSeenAt: now,
  };
  if (open) {
    if (open.exposurePct === ageDays && open.thresholdPct === staleAfterDays)
      return { ageDays, staleAfterDays, change: null };
    await tx.alert.update({ where: { id: open.id }, data: fields });
    return { ageDays, staleAfterDays, change: "updated" };
  }
  const created = await tx.alert.create({
    include: LIMIT_NOTES,
    data: {
      ...fields,
      portfolioId,
      openKey: FRESHNESS_KEY,
      dimensionType: "data",
      dimensionValue: "*",
      kind: "data",
      basis: "value",
      severity: "warning",
      status: "active",
      thresholdType: "maximum",
      breachUnit: "days",
      // Stale from the first day past the allowance.
      breachSince: new Date(Date.parse(`${day(newest.createdAt)}T00:00:00Z`) + (staleAfterDays + 1) * 86_400_000),
      events: { create: { kind: "opened", actor: AUTO, exposurePct: ageDays } },
    },
  });
  logger.warn({ event: "alert.opened", alertId: created.id, message: created.alertMessage }, "stale data alert opened");
  await audit(tx, ctx, "alert.opened", { portfolioId, target: created.id, details: { message: created.alertMessage } });
  await recordAlertEvent(tx, ctx.portfolio, "alert.opened", toAlertDto(created), now);
  return { ageDays, staleAfterDays, change: "opened" };
}
