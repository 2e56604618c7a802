import { describe, expect, test } from "vitest";
import { msaName } from "@/lib/reference/cbsa";
import { buildSampleBook, sampleBookAt } from "@/lib/reference/sample-book";
import { listAlerts } from "@/lib/services/alerts";
import { getDashboard, getTrend } from "@/lib/services/analysis";
import { listLimits } from "@/lib/services/limits";
import { listPositions } from "@/lib/services/positions-list";
import { listRuns, todayUtc } from "@/lib/services/runs";
import { loadSamplePortfolio, monthEndBefore, STARTER_LIMITS } from "@/lib/services/sample";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";

withTestDatabase();

describe("sample book", () => {
  test("is deterministic, about 300 positions over many states, real MSAs in their own state", () => {
    const book = sampleBookAt(buildSampleBook(), 0);
    expect(sampleBookAt(buildSampleBook(), 0)).toEqual(book);
    expect(book).toHaveLength(300);
    expect(book[0]?.positionId).toBe("SAMPLE-0001");
    expect(new Set(book.map((p) => p.state)).size).toBeGreaterThanOrEqual(25);
    for (const p of book) {
      expect(p.positionValue).toBeGreaterThanOrEqual(2_000_000);
      expect(p.positionValue).toBeLessThanOrEqual(120_000_000);
      if (p.vintage !== null) expect(p.vintage).toBeGreaterThanOrEqual(1960);
      if (p.msaId !== null) expect(msaName(p.msaId)).toMatch(new RegExp(`, ${p.state}(-[A-Z]{2})*$`));
    }
    expect(book.some((p) => p.msaId === null || p.vintage === null || p.rentBand === null)).toBe(true);
  });

  test.each([
    ["2026-11-23", 1, "2026-10-31"],
    ["2026-11-23", 12, "2025-11-30"],
    ["2024-03-31", 1, "2024-02-29"],
    ["2025-01-15", 1, "2024-12-31"],
  ])("month end before %s, %i back → %s", (today, back, expected) => {
    expect(monthEndBefore(today, back)).toBe(expected);
  });
});

describe("loadSamplePortfolio", () => {
  test("stores the book, a year of month-end history, starter limits and a live alert; idempotent", async () => {
    const ctx = await freshPortfolio();
    const first = await loadSamplePortfolio(ctx);
    expect(first.positionCount).toBe(300);
    expect(first.limitsCreated).toBe(STARTER_LIMITS.length);
    expect(first.asOfDates).toHaveLength(13);
    expect(first.asOfDates.at(-1)).toBe(todayUtc());
    expect(first.openAlerts.critical).toBeGreaterThanOrEqual(1);

    const runs = (await listRuns(ctx, {})).items;
    expect(new Set(runs.map((r) => r.asOfDate)).size).toBe(13);
    expect((await listPositions(ctx, { limit: 1 })).total).toBe(300);

    const dashboard = await getDashboard(ctx);
    expect(dashboard.run.asOfDate).toBe(todayUtc());
    expect(dashboard.dials.find((d) => d.dimensionType === "state")?.concentration.count).toBeGreaterThanOrEqual(25);
    expect(dashboard.dials.find((d) => d.dimensionType === "strategy")?.status).toBe("breach");

    // The history moves: value-add grew into its limit over the year.
    const trend = await getTrend(ctx, { dimensionType: "strategy", dimensionValue: "value_add" });
    expect(trend.points).toHaveLength(13);
    expect(trend.points[0]?.exposurePct).toBeLessThan(30);
    expect(trend.points.at(-1)?.exposurePct).toBeGreaterThan(30);
    const valueOverYear = new Set(trend.points.map((p) => p.totalPortfolioValue));
    expect(valueOverYear.size).toBe(13);

    const again = await loadSamplePortfolio(ctx);
    expect(again.limitsCreated).toBe(0);
    expect((await listLimits(ctx)).items).toHaveLength(STARTER_LIMITS.length);
    expect((await listRuns(ctx, {})).items).toHaveLength(13);
    expect((await listPositions(ctx, { limit: 1 })).total).toBe(300);
    const open = (await listAlerts(ctx, { status: "open", limit: 100 })).items;
    expect(open).toHaveLength(first.openAlerts.total);
    const valueAdd = open.find((a) => a.dimensionType === "strategy" && a.dimensionValue === "value_add");
    expect(valueAdd).toBeDefined();
    // In breach since the month value-add went over its limit, not since the day the sample was
    // loaded: the first month-end of the unbroken stretch over the line that ends today.
    let start = trend.points.length - 1;
    while (start > 0 && (trend.points[start - 1]?.exposurePct ?? 0) > (valueAdd?.thresholdPct ?? 0)) start -= 1;
    expect(valueAdd?.breachSince).toBe(trend.points[start]?.asOfDate);
    expect(valueAdd?.breachSince).not.toBe(todayUtc());
    console.log(`sample: value_add in breach since ${valueAdd?.breachSince}, ${valueAdd?.daysInBreach} days`);
  });
});
