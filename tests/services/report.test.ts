import { describe, expect, test } from "vitest";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit } from "@/lib/services/limits";
import { getReport } from "@/lib/services/report";
import { listRuns } from "@/lib/services/runs";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio, limitOf } from "../support/fixtures";
import { storeBook } from "../support/seed";

// The committee report (issue 12, part 6): a stored run's breaches dated as of that run, the moves
// since the previous quarter's run, and the trend of each dimension's largest value.

withTestDatabase();

const book = (ca: number, tx: number) =>
  csvOf([
    { position_id: "P1", strategy: "value_add", state: "CA", position_value: ca },
    { position_id: "P2", strategy: "core", state: "TX", position_value: tx },
  ]);

/** California's share: 40 % (June), 50 % (August), 55 % (September), 70 % (November 15). */
async function fourRuns(): Promise<PortfolioContext> {
  const ctx = await freshPortfolio();
  await createLimit(
    ctx,
    limitOf({
      dimensionType: "state",
      dimensionValue: "CA",
      thresholdPct: 45,
      severityLevel: "critical",
      reference: "IPS §4.2",
      note: "Board allows up to 45 % in California",
    }),
  );
  await storeBook(ctx, book(400_000, 600_000), "2026-06-30");
  await storeBook(ctx, book(500_000, 500_000), "2026-08-31");
  await storeBook(ctx, book(550_000, 450_000), "2026-09-30");
  await storeBook(ctx, book(700_000, 300_000), "2026-11-15");
  return ctx;
}

const runOf = async (ctx: PortfolioContext, asOfDate: string) => {
  const run = (await listRuns(ctx, {})).items.find((r) => r.asOfDate === asOfDate);
  if (!run) throw new Error(`no run ${asOfDate}`);
  return run.id;
};

describe("getReport", () => {
  test("the latest run: its breach with the limit's reference and note, dated back to August, days to the as-of date", async () => {
    const ctx = await fourRuns();
    const report = await getReport(ctx, await runOf(ctx, "2026-11-15"));
    expect(report.run.asOfDate).toBe("2026-11-15");
    expect(report.breaches).toEqual([
      expect.objectContaining({
        dimensionType: "state",
        dimensionValue: "CA",
        severity: "critical",
        exposurePct: 70,
        thresholdPct: 45,
        limitReference: "IPS §4.2",
        limitNote: "Board allows up to 45 % in California",
        breachSince: "2026-08-31",
        daysInBreach: 76,
      }),
    ]);
  });

  test("the previous quarter's run is the latest on or before the quarter's end; the largest moves since, with amounts", async () => {
    const ctx = await fourRuns();
    const report = await getReport(ctx, await runOf(ctx, "2026-11-15"));
    expect(report.previousQuarterEnd).toBe("2026-09-30");
    expect(report.previous?.asOfDate).toBe("2026-09-30");
    const moves = report.changes.map((c) => [
      `${c.dimensionType}:${c.dimensionValue}`,
      Number(c.deltaPp.toFixed(6)),
      c.afterValue - c.beforeValue,
    ]);
    // 55 % → 70 % in California (state, strategy and region alike), 45 % → 30 % in Texas.
    expect(moves).toHaveLength(6);
    expect(moves).toEqual(
      expect.arrayContaining([
        ["state:CA", 15, 150_000],
        ["state:TX", -15, -150_000],
        ["strategy:value_add", 15, 150_000],
        ["region:south", -15, -150_000],
      ]),
    );
  });

  test("an earlier as-of date: breaches, previous run and trends as of that date", async () => {
    const ctx = await fourRuns();
    const report = await getReport(ctx, await runOf(ctx, "2026-08-31"));
    expect(report.breaches.map((b) => [b.dimensionValue, b.breachSince, b.daysInBreach])).toEqual([
      ["CA", "2026-08-31", 0],
    ]);
    expect(report.previous?.asOfDate).toBe("2026-06-30");
    const state = report.trends.find((t) => t.dimensionType === "state");
    expect(state?.dimensionValue).toBe("CA");
    expect(state?.points.map((p) => [p.asOfDate, p.exposurePct])).toEqual([
      ["2026-06-30", 40],
      ["2026-08-31", 50],
    ]);
    expect(report.trendRunCount).toBe(2);
  });

  test("no run from the previous quarter: no changes; one trend per dimension with a known value", async () => {
    const ctx = await fourRuns();
    const report = await getReport(ctx, await runOf(ctx, "2026-06-30"));
    expect(report.previousQuarterEnd).toBe("2026-03-31");
    expect(report.previous).toBeNull();
    expect(report.changes).toEqual([]);
    expect(report.breaches).toEqual([]);
    expect(report.trends.map((t) => `${t.dimensionType}:${t.dimensionValue}`)).toEqual([
      "strategy:core",
      "state:TX",
      "region:south",
    ]);
  });
});
