import type { Tx } from "../db/tx";
import type { Breach } from "../engine/types";
import { logger } from "../logger";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";

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

/** Brings the portfolio's open alerts in line with the breaches of its latest run. */
export async function syncAlerts(
  tx: Tx,
  ctx: PortfolioContext,
  runId: string,
  breaches: Breach[],
): Promise<AlertSyncCounts> {
  const portfolioId = ctx.portfolio.id;
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
      await tx.alert.update({
        where: { id: existing.id },
        data: changed
          ? { ...fields, events: { create: { kind: "updated", actor: AUTO, exposurePct: breach.exposurePct } } }
          : fields,
      });
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
    counts.resolved += 1;
  }
  return counts;
}
