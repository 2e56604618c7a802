import { describe, expect, test } from "vitest";
import type { LimitDto } from "@/lib/services/limits";
import { alertOf, alertsOf, BREACH_MESSAGE, bookCsv, createLimit } from "@/tests/support/api-alerts";
import { newPortfolio } from "@/tests/support/api-client";

describe("alerts: wording, re-evaluation when limits change, backfills", () => {
  test("a minimum limit says `below minimum`, and a value with no positions breaches it at 0 %", async () => {
    const api = await newPortfolio("alerts minimum");
    expect((await api.importCsv("strategy,position_value\ncore,50000\nvalue_add,950000\n")).status).toBe(201);
    await createLimit(api, {
      dimensionType: "strategy",
      dimensionValue: "core",
      thresholdPct: 10,
      thresholdType: "minimum",
      severityLevel: "warning",
    });
    await createLimit(api, {
      dimensionType: "strategy",
      dimensionValue: "development",
      thresholdPct: 2.5,
      thresholdType: "minimum",
      severityLevel: "warning",
    });
    const run = await api.run({ asOfDate: "2025-06-30" });
    expect(run.alerts.opened).toBe(2);
    const messages = (await alertsOf(api)).map((a) => [a.alertMessage, a.breachPct]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["Exposure threshold breached: strategy='core' at 5.0% below minimum of 10.0%", expect.closeTo(5, 9)],
        ["Exposure threshold breached: strategy='development' at 0.0% below minimum of 2.5%", expect.closeTo(2.5, 9)],
      ]),
    );
    expect(messages).toHaveLength(2);
  });

  test("a limit without a value alerts on every breaching value but not on `unknown`", async () => {
    const api = await newPortfolio("alerts whole dimension");
    expect((await api.importCsv("state,position_value\nCA,400000\nTX,350000\nNY,50000\n,200000\n")).status).toBe(201);
    await createLimit(api, { dimensionType: "state", thresholdPct: 15, severityLevel: "warning" });
    await api.run({ asOfDate: "2025-06-30" });
    const alerts = await alertsOf(api, { dimensionType: "state" });
    expect(alerts.map((a) => a.dimensionValue).sort()).toEqual(["CA", "TX"]);
    expect(alerts.every((a) => a.severity === "warning" && a.status === "active")).toBe(true);
  });

  test("creating a limit after a run re-evaluates it; editing updates; deactivating resolves", async () => {
    const api = await newPortfolio("alerts re-evaluate");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    await api.run({ asOfDate: "2025-06-30" });
    expect(await alertsOf(api)).toEqual([]);

    const limit = await createLimit(api, {
      dimensionType: "strategy",
      dimensionValue: "Value_Add",
      thresholdPct: 30,
      severityLevel: "critical",
    });
    const opened = await alertsOf(api);
    expect(opened).toEqual([
      expect.objectContaining({ thresholdId: limit.id, status: "active", alertMessage: BREACH_MESSAGE }),
    ]);
    const id = opened[0]?.id ?? "";

    const tightened = await api.patch<LimitDto>(`/api/thresholds/${limit.id}`, { thresholdPct: 25 });
    expect(tightened.status, tightened.text).toBe(200);
    expect(await alertsOf(api)).toEqual([
      expect.objectContaining({
        id,
        status: "active",
        thresholdPct: 25,
        breachPct: expect.closeTo(15, 9),
        alertMessage: "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 25.0%",
      }),
    ]);

    const off = await api.patch<LimitDto>(`/api/thresholds/${limit.id}`, { isActive: false });
    expect(off.status, off.text).toBe(200);
    const resolved = await alertOf(api, id);
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "auto" });
    expect(resolved.history.map((e) => e.kind)).toEqual(["opened", "updated", "resolved"]);
    expect(await alertsOf(api, { status: "active" })).toEqual([]);
  });

  test("deleting a limit resolves its alert and keeps the alert as history", async () => {
    const api = await newPortfolio("alerts delete limit");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    const limit = await createLimit(api, { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 });
    await api.run({ asOfDate: "2025-06-30" });
    const [alert] = await alertsOf(api);
    expect(alert?.status).toBe("active");
    expect((await api.delete(`/api/thresholds/${limit.id}`)).status).toBe(204);
    expect(await alertOf(api, alert?.id ?? "")).toMatchObject({ status: "resolved", resolvedBy: "auto" });
  });

  test("a backfill of an older date leaves the current alerts alone", async () => {
    const api = await newPortfolio("alerts backfill");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    await createLimit(api, { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 });
    await api.run({ asOfDate: "2025-06-30" });
    const backfill = await api.run({ asOfDate: "2025-03-31", positions: [{ strategy: "core", position_value: 100 }] });
    expect(backfill.alerts).toEqual({ opened: 0, updated: 0, resolved: 0 });
    expect((await alertsOf(api)).map((a) => a.status)).toEqual(["active"]);
  });

  test("includeAlerts=false computes without touching alerts", async () => {
    const api = await newPortfolio("alerts off");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    await createLimit(api, { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 });
    const run = await api.run({ asOfDate: "2025-06-30", includeAlerts: false });
    expect(run.alerts).toEqual({ opened: 0, updated: 0, resolved: 0 });
    expect(await alertsOf(api)).toEqual([]);
  });
});
