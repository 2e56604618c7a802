import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { acknowledgeAlert, getAlertOrThrow, listAlerts, resolveAlert } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit, deleteLimit, updateLimit } from "@/lib/services/limits";
import { importPositions } from "@/lib/services/positions-import";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { as, csvOf, freshPortfolio, limitOf } from "../support/fixtures";

withTestDatabase();

const book = (valueAdd: number, corePlus: number) =>
  csvOf([
    { position_id: "P1", strategy: "value_add", state: "CA", position_value: valueAdd },
    { position_id: "P2", strategy: "core_plus", state: "TX", position_value: corePlus },
  ]);

async function load(ctx: PortfolioContext, valueAdd: number, corePlus: number, asOfDate = "2025-06-30") {
  await importPositions(ctx, { format: "csv", data: book(valueAdd, corePlus) }, { mode: "replace", onError: "reject" });
  return computeRun(ctx, { asOfDate });
}

const openAlerts = async (ctx: PortfolioContext) => (await listAlerts(ctx, { status: "open", limit: 100 })).items;

describe("alert lifecycle", () => {
  test("open → dedup on re-run → acknowledge → auto-resolve → re-open as a new alert", async () => {
    const ctx = await freshPortfolio();
    await createLimit(
      ctx,
      limitOf({
        dimensionType: "strategy",
        dimensionValue: "Value_Add",
        thresholdPct: 30,
        thresholdType: "maximum",
        severityLevel: "critical",
      }),
    );

    const first = await load(ctx, 400_000, 600_000);
    expect(first.alerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const [alert] = await openAlerts(ctx);
    expect(alert).toMatchObject({
      status: "active",
      severity: "critical",
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      alertMessage: "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%",
    });
    expect(alert?.breachPct).toBeCloseTo(10, 9);

    const again = await load(ctx, 450_000, 550_000);
    expect(again.alerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const afterRerun = await openAlerts(ctx);
    expect(afterRerun.map((a) => a.id)).toEqual([alert?.id]);
    expect(afterRerun[0]?.exposurePct).toBeCloseTo(45, 9);

    const acked = await acknowledgeAlert(as(ctx, "ana"), alert?.id ?? "", { comment: "selling two assets in Q3" });
    expect(acked).toMatchObject({ status: "acknowledged", acknowledgedBy: "ana", comment: "selling two assets in Q3" });
    expect(acked.acknowledgedAt).not.toBeNull();

    const cleared = await load(ctx, 200_000, 800_000);
    expect(cleared.alerts).toEqual({ opened: 0, updated: 0, resolved: 1 });
    const resolved = await getAlertOrThrow(ctx, alert?.id ?? "");
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "auto" });
    expect(resolved.history.map((e) => e.kind)).toEqual(["opened", "updated", "acknowledged", "resolved"]);
    expect(resolved.history[2]).toMatchObject({ actor: "ana", comment: "selling two assets in Q3" });

    await expect(acknowledgeAlert(as(ctx, "ana"), resolved.id, {})).rejects.toMatchObject({ code: "conflict" });

    await load(ctx, 500_000, 500_000);
    const reopened = await openAlerts(ctx);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]?.id).not.toBe(alert?.id);
    expect(reopened[0]?.status).toBe("active");
  });

  test("a minimum limit breaches below, names it so, and a manual resolve records who", async () => {
    const ctx = await freshPortfolio();
    await createLimit(
      ctx,
      limitOf({
        dimensionType: "state",
        dimensionValue: "ny",
        thresholdPct: 10,
        thresholdType: "minimum",
        severityLevel: "warning",
      }),
    );
    await load(ctx, 400_000, 600_000);
    const [alert] = await openAlerts(ctx);
    // NY has no positions: it counts as 0 % and so breaches its minimum.
    expect(alert?.alertMessage).toBe("Exposure threshold breached: state='NY' at 0.0% below minimum of 10.0%");
    const resolved = await resolveAlert(as(ctx, "ben"), alert?.id ?? "", { comment: "mandate changed" });
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "ben", comment: "mandate changed" });
    await expect(resolveAlert(ctx, resolved.id, {})).rejects.toBeInstanceOf(AppError);
  });

  test("changing, deactivating or deleting a limit re-evaluates the latest run", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, 400_000, 600_000);
    const limit = await createLimit(
      ctx,
      limitOf({ dimensionType: "strategy", thresholdPct: 50, thresholdType: "maximum" }),
    );
    expect((await openAlerts(ctx)).map((a) => a.dimensionValue)).toEqual(["core_plus"]);

    await updateLimit(ctx, limit.id, { thresholdPct: 35 });
    expect((await openAlerts(ctx)).map((a) => a.dimensionValue).sort()).toEqual(["core_plus", "value_add"]);

    await updateLimit(ctx, limit.id, { isActive: false });
    expect(await openAlerts(ctx)).toEqual([]);

    await updateLimit(ctx, limit.id, { isActive: true });
    expect(await openAlerts(ctx)).toHaveLength(2);
    await deleteLimit(ctx, limit.id);
    expect(await openAlerts(ctx)).toEqual([]);
    const all = (await listAlerts(ctx, { limit: 100 })).items;
    expect(all.every((a) => a.status === "resolved" && a.resolvedBy === "auto")).toBe(true);
  });

  test("a backfill of an older date stores its snapshot but leaves alerts alone", async () => {
    const ctx = await freshPortfolio();
    await createLimit(ctx, limitOf({ dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 }));
    await load(ctx, 200_000, 800_000, "2025-06-30");
    const backfill = await computeRun(ctx, {
      asOfDate: "2025-03-31",
      positions: [
        { strategy: "value_add", position_value: 900 },
        { strategy: "core", position_value: 100 },
      ],
    });
    expect(backfill.alertsEvaluated).toBe(false);
    expect(await openAlerts(ctx)).toEqual([]);
  });
});
