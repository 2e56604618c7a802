import { describe, expect, test } from "vitest";
import { getTrend } from "@/lib/services/analysis";
import { importPositions } from "@/lib/services/positions-import";
import { listPositions } from "@/lib/services/positions-list";
import { getRunOrThrow, listRuns } from "@/lib/services/runs";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

withTestDatabase();

const EXAMPLE = csvOf([
  { strategy: "value_add", state: "CA", position_value: "1000000" },
  { strategy: "value_add", state: "TX", position_value: "1500000" },
  { strategy: "core_plus", state: "CA", position_value: "2000000" },
]);

const pctOf = (
  run: { exposures: Array<{ dimensionType: string; dimensionValue: string; exposurePct: number }> },
  dim: string,
  value: string,
) => run.exposures.find((e) => e.dimensionType === dim && e.dimensionValue === value)?.exposurePct;

describe("computeRun", () => {
  test("stores the issue's example and reads it back identically", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" });
    const run = await computeRun(ctx, { asOfDate: "2025-06-30" });
    expect(run).toMatchObject({
      asOfDate: "2025-06-30",
      totalPortfolioValue: 4_500_000,
      positionCount: 3,
      source: "stored",
    });
    expect(pctOf(run, "strategy", "value_add")).toBeCloseTo(55.56, 2);
    expect(pctOf(run, "strategy", "core_plus")).toBeCloseTo(44.44, 2);
    expect(pctOf(run, "state", "CA")).toBeCloseTo(66.67, 2);
    expect(pctOf(run, "state", "TX")).toBeCloseTo(33.33, 2);
    expect(pctOf(run, "msa", "unknown")).toBe(100);
    expect(run.concentration.msa.coveragePct).toBe(0);
    const stored = await getRunOrThrow(ctx, run.id);
    expect(stored.exposures).toEqual(run.exposures);
    expect(stored.concentration).toEqual(run.concentration);
  });

  test("an empty portfolio is a 422 with a clear message, never NaN", async () => {
    const ctx = await freshPortfolio();
    await expect(computeRun(ctx, {})).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringContaining("has no positions"),
    });
    expect((await listRuns(ctx, {})).items).toEqual([]);
  });

  test("computing the same date again replaces that date's snapshot", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" });
    const first = await computeRun(ctx, { asOfDate: "2025-06-30" });
    await importPositions(
      ctx,
      { format: "csv", data: csvOf([{ strategy: "core", position_value: 10 }]) },
      { mode: "replace", onError: "reject" },
    );
    const second = await computeRun(ctx, { asOfDate: "2025-06-30" });
    expect(second.id).toBe(first.id);
    const runs = (await listRuns(ctx, {})).items;
    expect(runs.map((r) => [r.asOfDate, r.totalPortfolioValue])).toEqual([["2025-06-30", 10]]);
    expect(
      (await getRunOrThrow(ctx)).exposures.filter((e) => e.dimensionType === "strategy").map((e) => e.dimensionValue),
    ).toEqual(["core"]);
  });

  test("inline positions backfill history without touching the stored book, and trends read it oldest first", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: EXAMPLE }, { mode: "replace", onError: "reject" });
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    await computeRun(ctx, {
      asOfDate: "2025-03-31",
      positions: [
        { strategy: "Value_Add", positionValue: 300 },
        { strategy: "core", position_value: "700" },
      ],
    });
    await computeRun(ctx, { asOfDate: "2024-12-31", positions: [{ strategy: "core", position_value: 1 }] });
    expect((await listPositions(ctx, { limit: 10 })).items).toHaveLength(3);
    const trend = await getTrend(ctx, { dimensionType: "strategy", dimensionValue: "VALUE_ADD" });
    expect(trend.points.map((p) => [p.asOfDate, Math.round(p.exposurePct * 100) / 100])).toEqual([
      ["2024-12-31", 0],
      ["2025-03-31", 30],
      ["2025-06-30", 55.56],
    ]);
    expect(trend.changePp).toBeCloseTo(55.56, 2);
    const narrowed = await getTrend(ctx, {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      from: "2025-01-01",
    });
    expect(narrowed.points.map((p) => p.asOfDate)).toEqual(["2025-03-31", "2025-06-30"]);
    expect(narrowed.changeRelPct).toBeCloseTo(((55.5556 - 30) / 30) * 100, 1);
    expect((await listRuns(ctx, { from: "2025-01-01", to: "2025-04-30" })).items.map((r) => r.asOfDate)).toEqual([
      "2025-03-31",
    ]);
  });

  test("bad inline positions name the position and field, and nothing is stored", async () => {
    const ctx = await freshPortfolio();
    const error = await computeRun(ctx, {
      asOfDate: "2025-01-31",
      positions: [{ position_value: 5 }, { position_value: "-1", state: "XX" }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_data" });
    expect((error as { details: Array<{ field: string }> }).details.map((d) => d.field).sort()).toEqual([
      "positions[1].position_value",
      "positions[1].state",
    ]);
    expect((await listRuns(ctx, {})).items).toEqual([]);
  });
});
