import { describe, expect, test } from "vitest";
import { getTrend } from "@/lib/analysis";
import { importPositions, listPositions } from "@/lib/positions";
import { computeRun, getRunOrThrow, listRuns } from "@/lib/runs";
import { useTestDatabase } from "./support/db";
import { csvOf, freshPortfolio } from "./support/fixtures";

useTestDatabase();

const EXAMPLE = csvOf([
  { strategy: "value_add", state: "CA", position_value: "1000000" },
  { strategy: "value_add", state: "TX", position_value: "1500000" },
  { strategy: "core_plus", state: "CA", position_value: "2000000" },
]);

const pctOf = (run: { exposures: Array<{ dimensionType: string; dimensionValue: string; exposurePct: number }> }, dim: string, value: string) =>
  run.exposures.find((e) => e.dimensionType === dim && e.dimensionValue === value)?.exposurePct;

describe("computeRun", () => {
  test("stores the issue's example and reads it back identically", async () => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" }, slug);
    const run = await computeRun({ asOfDate: "2025-06-30" }, slug);
    expect(run).toMatchObject({ asOfDate: "2025-06-30", totalPortfolioValue: 4_500_000, positionCount: 3, source: "stored" });
    expect(pctOf(run, "strategy", "value_add")).toBeCloseTo(55.56, 2);
    expect(pctOf(run, "strategy", "core_plus")).toBeCloseTo(44.44, 2);
    expect(pctOf(run, "state", "CA")).toBeCloseTo(66.67, 2);
    expect(pctOf(run, "state", "TX")).toBeCloseTo(33.33, 2);
    expect(pctOf(run, "msa", "unknown")).toBe(100);
    expect(run.concentration.msa.coveragePct).toBe(0);
    const stored = await getRunOrThrow(run.id, slug);
    expect(stored.exposures).toEqual(run.exposures);
    expect(stored.concentration).toEqual(run.concentration);
  });

  test("an empty portfolio is a 422 with a clear message, never NaN", async () => {
    const slug = await freshPortfolio();
    await expect(computeRun({}, slug)).rejects.toMatchObject({ code: "invalid_data", message: expect.stringContaining("has no positions") });
    expect((await listRuns({}, slug)).items).toEqual([]);
  });

  test("computing the same date again replaces that date's snapshot", async () => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" }, slug);
    const first = await computeRun({ asOfDate: "2025-06-30" }, slug);
    await importPositions({ format: "csv", data: csvOf([{ strategy: "core", position_value: 10 }]) }, { mode: "replace", onError: "reject" }, slug);
    const second = await computeRun({ asOfDate: "2025-06-30" }, slug);
    expect(second.id).toBe(first.id);
    const runs = (await listRuns({}, slug)).items;
    expect(runs.map((r) => [r.asOfDate, r.totalPortfolioValue])).toEqual([["2025-06-30", 10]]);
    expect((await getRunOrThrow(undefined, slug)).exposures.filter((e) => e.dimensionType === "strategy").map((e) => e.dimensionValue)).toEqual(["core"]);
  });

  test("inline positions backfill history without touching the stored book, and trends read it oldest first", async () => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" }, slug);
    await computeRun({ asOfDate: "2025-06-30" }, slug);
    await computeRun({ asOfDate: "2025-03-31", positions: [{ strategy: "Value_Add", positionValue: 300 }, { strategy: "core", position_value: "700" }] }, slug);
    await computeRun({ asOfDate: "2024-12-31", positions: [{ strategy: "core", position_value: 1 }] }, slug);
    expect((await listPositions({ limit: 10 }, slug)).items).toHaveLength(3);
    const trend = await getTrend({ dimensionType: "strategy", dimensionValue: "VALUE_ADD" }, slug);
    expect(trend.points.map((p) => [p.asOfDate, Math.round(p.exposurePct * 100) / 100])).toEqual([
      ["2024-12-31", 0],
      ["2025-03-31", 30],
      ["2025-06-30", 55.56],
    ]);
    expect(trend.changePp).toBeCloseTo(55.56, 2);
    const narrowed = await getTrend({ dimensionType: "strategy", dimensionValue: "value_add", from: "2025-01-01" }, slug);
    expect(narrowed.points.map((p) => p.asOfDate)).toEqual(["2025-03-31", "2025-06-30"]);
    expect(narrowed.changeRelPct).toBeCloseTo(((55.5556 - 30) / 30) * 100, 1);
    expect((await listRuns({ from: "2025-01-01", to: "2025-04-30" }, slug)).items.map((r) => r.asOfDate)).toEqual(["2025-03-31"]);
  });

  test("bad inline positions name the position and field, and nothing is stored", async () => {
    const slug = await freshPortfolio();
    const error = await computeRun({ asOfDate: "2025-01-31", positions: [{ position_value: 5 }, { position_value: "-1", state: "XX" }] }, slug).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_data" });
    expect((error as { details: Array<{ field: string }> }).details.map((d) => d.field).sort()).toEqual(["positions[1].position_value", "positions[1].state"]);
    expect((await listRuns({}, slug)).items).toEqual([]);
  });
});
