import { randomUUID } from "node:crypto";
import type { NotificationChannel, Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import type { BreachUnit } from "../engine/types";
import { publicBaseUrl } from "../notify/config";
import type { NotificationPayload, NotificationType, PayloadAlert } from "../notify/messages";
import type { PortfolioRef } from "./context";
import { wakeNotificationWorker } from "./notify-wake";

// The transactional outbox's writer. An alert change that people should hear of writes its event,
// and one delivery per matching channel, in the same transaction as the change: if the change
// commits the event will be sent (the worker retries until it is), if it rolls back nothing is.

export type AlertEventType = Exclude<NotificationType, "test">;

/** The alert as the REST API gives it (toAlertDto): stored whole in the event's payload. */
export type NotifiedAlert = PayloadAlert & Record<string, unknown>;

const SEVERITY_RANK: Record<string, number> = { warning: 0, critical: 1 };
export const severityRank = (severity: string) => SEVERITY_RANK[severity] ?? 0;

/** A channel hears of an alert of its portfolio (or any), at or above its severity, in its dimensions (empty: all). */
export function channelMatches(
  channel: Pick<NotificationChannel, "portfolioId" | "minSeverity" | "dimensions">,
  portfolioId: string,
  alert: Pick<PayloadAlert, "severity" | "dimensionType">,
): boolean {
  return (
    (channel.portfolioId === null || channel.portfolioId === portfolioId) &&
    severityRank(alert.severity) >= severityRank(channel.minSeverity) &&
    (channel.dimensions.length === 0 || channel.dimensions.includes(alert.dimensionType))
  );
}

/** An `immediate` subscription hears of an alert in its portfolios (empty: all) at or above its severity. */
export function subscriptionMatches(
  subscription: { portfolioIds: readonly string[]; minSeverity: string },
  portfolioId: string,
  alert: Pick<PayloadAlert, "severity">,
): boolean {
  return (
    (subscription.portfolioIds.length === 0 || subscription.portfolioIds.includes(portfolioId)) &&
    severityRank(alert.severity) >= severityRank(subscription.minSeverity)
  );
}

/**
 * Whether a run's breach is an escalation of an open alert: its severity rose, or it is worse than
 * the breach receivers last heard of by a step: 1 pp for shares (pp), else 1 % of the limit's line
 * in its own unit (USD, units, count, HHI).
 */
export function isEscalation(
  before: { severity: string; notifiedBreachPct: number },
  after: { severity: string; breachPct: number; breachUnit: BreachUnit | string; thresholdPct: number },
): boolean {
  if (severityRank(after.severity) > severityRank(before.severity)) return true;
  const step = after.breachUnit === "pp" ? 1 : Math.abs(after.thresholdPct) / 100;
  const worse = after.breachPct - before.notifiedBreachPct;
  return worse > 1e-9 && worse >= step - 1e-9;
}

/** The alert's page, for people reading a message. */
export function alertLink(portfolioSlug: string, alertId: string | null): string {
  const query = new URLSearchParams({ portfolio: portfolioSlug, status: "all" });
  if (alertId) query.set("alert", alertId);
  return `${publicBaseUrl()}/alerts?${query}`;
}

export interface AlertOutbox {
  /** False when no channel or subscriber could hear of this portfolio's alerts: callers skip building messages. */
  readonly active: boolean;
  /** Writes the event and its deliveries; the event id, or null when no channel or subscriber matches. */
  add(type: AlertEventType, alert: NotifiedAlert): Promise<string | null>;
}

/**
 * The outbox of one portfolio within a transaction: its channels and its `immediate` subscribers
 * are read once. A subscriber's delivery has no channel: it goes by email to the user's sign-in
 * address (read when it is sent), with the same retries and event id.
 */
export async function openAlertOutbox(tx: Tx, portfolio: PortfolioRef, occurredAt = new Date()): Promise<AlertOutbox> {
  const channels = await tx.notificationChannel.findMany({
    where: { OR: [{ portfolioId: null }, { portfolioId: portfolio.id }] },
    select: { id: true, portfolioId: true, minSeverity: true, dimensions: true },
  });
  const subscribers = await tx.notificationSubscription.findMany({
    where: { mode: "immediate", OR: [{ portfolioIds: { isEmpty: true } }, { portfolioIds: { has: portfolio.id } }] },
    select: { userId: true, portfolioIds: true, minSeverity: true },
  });
  return {
    active: channels.length > 0 || subscribers.length > 0,
    async add(type, alert) {
      const matching = channels.filter((c) => channelMatches(c, portfolio.id, alert));
      const users = subscribers.filter((s) => subscriptionMatches(s, portfolio.id, alert));
      if (matching.length === 0 && users.length === 0) return null;
      const id = randomUUID();
      const payload: NotificationPayload = {
        id,
        type,
        occurredAt: occurredAt.toISOString(),
        portfolio: { slug: portfolio.slug, name: portfolio.name },
        alert,
        url: alertLink(portfolio.slug, alert.id),
      };
      await tx.notificationEvent.create({
        data: {
          id,
          portfolioId: portfolio.id,
          alertId: alert.id,
          type,
          occurredAt,
          payload: payload as unknown as Prisma.InputJsonObject,
          deliveries: {
            createMany: {
              data: [
                ...matching.map((c) => ({ channelId: c.id, nextAttemptAt: occurredAt })),
                ...users.map((s) => ({ userId: s.userId, nextAttemptAt: occurredAt })),
              ],
            },
          },
        },
      });
      // Sent once the transaction commits: the worker looks now, and again on its next round.
      wakeNotificationWorker();
      return id;
    },
  };
}

/** One alert event in the caller's transaction (the event id, or null when no channel or subscriber hears of it). */
export async function recordAlertEvent(
  tx: Tx,
  portfolio: PortfolioRef,
  type: AlertEventType,
  alert: NotifiedAlert,
  occurredAt = new Date(),
): Promise<string | null> {
  const outbox = await openAlertOutbox(tx, portfolio, occurredAt);
  return outbox.active ? outbox.add(type, alert) : null;
}

/**
 * For the waiver code: call it in the transaction that waives an alert, or that finds its waiver
 * expired, with the alert as toAlertDto gives it afterwards.
 */
export function notifyWaiverEvent(
  tx: Tx,
  portfolio: PortfolioRef,
  type: "alert.waived" | "alert.waiver_expired",
  alert: NotifiedAlert,
  occurredAt = new Date(),
): Promise<string | null> {
  return recordAlertEvent(tx, portfolio, type, alert, occurredAt);
}
