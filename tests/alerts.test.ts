import { describe, expect, test } from "vitest";
import { acknowledgeAlert, getAlertOrThrow, listAlerts, resolveAlert } from "@/lib/alerts";
import { AppError } from "@/lib/errors";
import { importPositions } from "@/lib/positions";
import { computeRun } from "@/lib/runs";
import { createThreshold, deleteThreshold, updateThreshold } from "@/lib/thresholds";
import { useTestDatabase } from "./support/db";
import { csvOf, freshPortfolio } from "./support/fixtures";

useTestDatabase();

const book = (valueAdd: number, corePlus: number) =>
  csvOf([
    { position_id: "P1", strategy: "value_add", state: "CA", position_value: valueAdd },
    { position_id: "P2", strategy: "core_plus", state: "TX", position_value: corePlus },
  ]);

async function load(slug: string, valueAdd: number, corePlus: number, asOfDate = "2025-06-30") {
  await importPositions({ format: "csv", data: book(valueAdd, corePlus) }, { mode: "replace", onError: "reject" }, slug);
  return computeRun({ asOfDate }, slug);
}

const openAlerts = async (slug: string) => (await listAlerts({ status: "open", limit: 100 }, slug)).items;

describe("alert lifecycle", () => {
  test("open → dedup on re-run → acknowledge → auto-resolve → re-open as a new alert", async () => {
    const slug = await freshPortfolio();
    await createThreshold({ dimensionType: "strategy", dimensionValue: "Value_Add", thresholdPct: 30, thresholdType: "maximum", severityLevel: "critical" }, slug);

    const first = await load(slug, 400_000, 600_000);
    expect(first.alerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const [alert] = await openAlerts(slug);
    expect(alert).toMatchObject({
      status: "active",
      severity: "critical",
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      alertMessage: "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%",
    });
    expect(alert?.breachPct).toBeCloseTo(10, 9);

    const again = await load(slug, 450_000, 550_000);
    expect(again.alerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const afterRerun = await openAlerts(slug);
    expect(afterRerun.map((a) => a.id)).toEqual([alert?.id]);
    expect(afterRerun[0]?.exposurePct).toBeCloseTo(45, 9);

    const acked = await acknowledgeAlert(alert?.id ?? "", { by: "ana", comment: "selling two assets in Q3" }, slug);
    expect(acked).toMatchObject({ status: "acknowledged", acknowledgedBy: "ana", comment: "selling two assets in Q3" });
    expect(acked.acknowledgedAt).not.toBeNull();

    const cleared = await load(slug, 200_000, 800_000);
    expect(cleared.alerts).toEqual({ opened: 0, updated: 0, resolved: 1 });
    const resolved = await getAlertOrThrow(alert?.id ?? "", slug);
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "auto" });
    expect(resolved.history.map((e) => e.kind)).toEqual(["opened", "updated", "acknowledged", "resolved"]);
    expect(resolved.history[2]).toMatchObject({ actor: "ana", comment: "selling two assets in Q3" });

    await expect(acknowledgeAlert(resolved.id, { by: "ana" }, slug)).rejects.toMatchObject({ code: "conflict" });

    await load(slug, 500_000, 500_000);
    const reopened = await openAlerts(slug);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]?.id).not.toBe(alert?.id);
    expect(reopened[0]?.status).toBe("active");
  });

  test("a minimum limit breaches below, names it so, and a manual resolve records who", async () => {
    const slug = await freshPortfolio();
    await createThreshold({ dimensionType: "state", dimensionValue: "ny", thresholdPct: 10, thresholdType: "minimum", severityLevel: "warning" }, slug);
    await load(slug, 400_000, 600_000);
    const [alert] = await openAlerts(slug);
    // NY has no positions: it counts as 0 % and so breaches its minimum.
    expect(alert?.alertMessage).toBe("Exposure threshold breached: state='NY' at 0.0% below minimum of 10.0%");
    const resolved = await resolveAlert(alert?.id ?? "", { by: "ben", comment: "mandate changed" }, slug);
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "ben", comment: "mandate changed" });
    await expect(resolveAlert(resolved.id, {}, slug)).rejects.toBeInstanceOf(AppError);
  });

  test("changing, deactivating or deleting a limit re-evaluates the latest run", async () => {
    const slug = await freshPortfolio();
    await load(slug, 400_000, 600_000);
    const limit = await createThreshold({ dimensionType: "strategy", thresholdPct: 50, thresholdType: "maximum" }, slug);
    expect((await openAlerts(slug)).map((a) => a.dimensionValue)).toEqual(["core_plus"]);

    await updateThreshold(limit.id, { thresholdPct: 35 }, slug);
    expect((await openAlerts(slug)).map((a) => a.dimensionValue).sort()).toEqual(["core_plus", "value_add"]);

    await updateThreshold(limit.id, { isActive: false }, slug);
    expect(await openAlerts(slug)).toEqual([]);

    await updateThreshold(limit.id, { isActive: true }, slug);
    expect(await openAlerts(slug)).toHaveLength(2);
    await deleteThreshold(limit.id, slug);
    expect(await openAlerts(slug)).toEqual([]);
    const all = (await listAlerts({ limit: 100 }, slug)).items;
    expect(all.every((a) => a.status === "resolved" && a.resolvedBy === "auto")).toBe(true);
  });

  test("a backfill of an older date stores its snapshot but leaves alerts alone", async () => {
    const slug = await freshPortfolio();
    await createThreshold({ dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 }, slug);
    await load(slug, 200_000, 800_000, "2025-06-30");
    const backfill = await computeRun(
      { asOfDate: "2025-03-31", positions: [{ strategy: "value_add", position_value: 900 }, { strategy: "core", position_value: 100 }] },
      slug,
    );
    expect(backfill.alertsEvaluated).toBe(false);
    expect(await openAlerts(slug)).toEqual([]);
  });
});
