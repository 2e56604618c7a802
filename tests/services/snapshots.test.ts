import { describe, expect, test } from "vitest";
import { resolveAlert } from "@/lib/services/alerts";
import { getDashboard, getDashboardSnapshot, getGeographic, getTrend } from "@/lib/services/analysis";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit, deleteLimit } from "@/lib/services/limits";
import { readOnlyPortfolioContext } from "@/lib/services/portfolios";
import { listPositionFacets } from "@/lib/services/positions-facets";
import { importPositions } from "@/lib/services/positions-import";
import { findRun, getRunOrThrow, getRunSnapshot } from "@/lib/services/runs";
import { computeRun } from "@/lib/services/runs-compute";
import { exportExposures } from "@/lib/services/runs-export";
import { dataVersion, snapshotCacheStats } from "@/lib/services/snapshots";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio, limitOf } from "../support/fixtures";

withTestDatabase();

// The snapshot cache: reads of stored runs (and what is built from them, limits and alerts) come
// from memory until a write to the portfolio commits, and never a moment after.

const BOOK_A = csvOf([
  { position_id: "A1", strategy: "value_add", state: "CA", position_value: "1000000" },
  { position_id: "A2", strategy: "value_add", state: "TX", position_value: "1500000" },
  { position_id: "A3", strategy: "core_plus", state: "CA", position_value: "2000000" },
]);
const BOOK_B = csvOf([
  { position_id: "B1", strategy: "core", state: "NY", position_value: "3000000" },
  { position_id: "B2", strategy: "core_plus", state: "TX", position_value: "1000000" },
]);

async function load(ctx: PortfolioContext, csv: string) {
  await importPositions(ctx, { format: "csv", data: csv }, { mode: "replace", onError: "reject" });
}

const pct = (
  run: { exposures: ReadonlyArray<{ dimensionType: string; dimensionValue: string; exposurePct: number }> },
  dim: string,
  value: string,
) => run.exposures.find((e) => e.dimensionType === dim && e.dimensionValue === value)?.exposurePct;

describe("the snapshot cache", () => {
  test("a second read of an unchanged run is a hit: the same frozen object, no second load", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const first = await getRunOrThrow(ctx);
    const before = snapshotCacheStats();
    const second = await getRunOrThrow(ctx);
    expect(second).toBe(first);
    expect(snapshotCacheStats().hits).toBe(before.hits + 1);
    expect(snapshotCacheStats().misses).toBe(before.misses);
    expect(Object.isFrozen(second.exposures[0])).toBe(true);
    expect(() => (second.exposures as unknown[]).push({})).toThrow(TypeError);
  });

  test("a recompute is seen by the very next read, with a new ETag", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const before = await getRunSnapshot(ctx);
    expect(pct(before.value, "state", "CA")).toBeCloseTo(66.67, 2);
    await load(ctx, BOOK_B);
    const afterImport = await getRunSnapshot(ctx);
    // An import does not change the stored run's numbers, but it is a write: a new version.
    expect(afterImport.value.exposures).toEqual(before.value.exposures);
    expect(afterImport.etag).not.toBe(before.etag);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const after = await getRunSnapshot(ctx);
    expect(after.value.totalPortfolioValue).toBe(4_000_000);
    expect(pct(after.value, "state", "NY")).toBe(75);
    expect(pct(after.value, "state", "CA")).toBeUndefined();
    expect(after.etag).not.toBe(afterImport.etag);
    expect((await getGeographic(ctx)).state.top10.map((s) => s.dimensionValue)).toEqual(["NY", "TX"]);
    expect((await getTrend(ctx, { dimensionType: "state", dimensionValue: "NY" })).points).toEqual([
      expect.objectContaining({ asOfDate: "2025-06-30", exposurePct: 75 }),
    ]);
  });

  test("a limit added or deleted is on the dashboard's dials at once", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const dialOf = async () => (await getDashboard(ctx)).dials.find((d) => d.dimensionType === "state");
    expect((await dialOf())?.limitPct ?? null).toBeNull();
    const limit = await createLimit(ctx, limitOf({ dimensionType: "state", thresholdPct: 50 }));
    expect((await dialOf())?.limitPct).toBe(50);
    expect((await getDashboard(ctx)).alerts.open.total).toBe(1);
    await deleteLimit(ctx, limit.id);
    expect((await dialOf())?.limitPct ?? null).toBeNull();
  });

  test("an alert resolved by hand leaves the dashboard's open alerts at once", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    await createLimit(ctx, limitOf({ dimensionType: "state", thresholdPct: 50 }));
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const open = await getDashboard(ctx);
    expect(open.alerts.open.total).toBe(1);
    const [alert] = open.alerts.newest;
    await resolveAlert(ctx, alert?.id ?? "", { comment: "sold down" });
    expect((await getDashboard(ctx)).alerts.open.total).toBe(0);
  });

  test("the positions' filter choices follow an import", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    expect((await listPositionFacets(ctx)).state.map((f) => f.value)).toEqual(["CA", "TX"]);
    await load(ctx, BOOK_B);
    expect((await listPositionFacets(ctx)).state.map((f) => f.value)).toEqual(["NY", "TX"]);
  });

  test("a write that fails (rolled back) leaves the version and the ETag as they were", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const version = await dataVersion(ctx.portfolio.id);
    const etag = (await getDashboardSnapshot(ctx)).etag;
    const bad = csvOf([{ position_id: "X", strategy: "core", position_value: "-5" }]);
    await expect(load(ctx, bad)).rejects.toMatchObject({ code: "invalid_data" });
    expect(await dataVersion(ctx.portfolio.id)).toBe(version);
    expect((await getDashboardSnapshot(ctx)).etag).toBe(etag);
  });

  test("every write bumps the version by one; the ETag names it and the read", async () => {
    const ctx = await freshPortfolio();
    expect(await dataVersion(ctx.portfolio.id)).toBe(0);
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    expect(await dataVersion(ctx.portfolio.id)).toBe(2);
    const run = await getRunSnapshot(ctx);
    const csv = await exportExposures(ctx, undefined, "csv");
    expect(run.etag).toMatch(/^"v2-[\w-]{16}"$/);
    expect(csv.etag).toMatch(/^"v2-/);
    expect(csv.etag).not.toBe(run.etag);
    expect(String(csv.value.body)).toContain("dimension_type");
  });

  test("a read-only request's context carries the version, and it is the one in the database", async () => {
    const ctx = await freshPortfolio();
    await load(ctx, BOOK_A);
    const readOnly = await readOnlyPortfolioContext(ctx.portfolio.slug);
    expect(readOnly.portfolio).toEqual(ctx.portfolio);
    expect(readOnly.readVersion).toBe(await dataVersion(ctx.portfolio.id));
  });

  test("no run yet: null, and a 404 naming the portfolio; a run afterwards is found", async () => {
    const ctx = await freshPortfolio();
    expect(await findRun(ctx)).toBeNull();
    await expect(getRunOrThrow(ctx)).rejects.toMatchObject({ code: "not_found" });
    await load(ctx, BOOK_A);
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    expect((await findRun(ctx))?.positionCount).toBe(3);
  });
});
