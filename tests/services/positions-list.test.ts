import { beforeAll, describe, expect, test } from "vitest";
import type { PortfolioContext } from "@/lib/services/context";
import { listPositionFacets } from "@/lib/services/positions-facets";
import { importPositions } from "@/lib/services/positions-import";
import { listPositions } from "@/lib/services/positions-list";
import { snapshotCacheStats } from "@/lib/services/snapshots";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

withTestDatabase();

describe("listPositions sorting", () => {
  // Ties (two 300s, two CAs) and missing values (row E has no state or vintage) on purpose.
  const BOOK = csvOf([
    { position_id: "A", state: "TX", vintage: 1995, position_value: 300 },
    { position_id: "B", state: "CA", vintage: 2010, position_value: 100 },
    { position_id: "C", state: "NY", vintage: 1985, position_value: 300 },
    { position_id: "D", state: "CA", vintage: 2001, position_value: 50 },
    { position_id: "E", state: "", vintage: "", position_value: 200 },
  ]);
  let ctx: PortfolioContext;
  beforeAll(async () => {
    ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
  });
  const ids = async (query: Omit<Parameters<typeof listPositions>[1], "limit"> & { limit?: number }) =>
    (await listPositions(ctx, { limit: 10, ...query })).items.map((p) => p.positionId);

  test.each([
    ["value ascending, ties by row id", { sort: "value", dir: "asc" }, ["D", "B", "E", "A", "C"]],
    ["value descending, ties by row id descending", { sort: "value", dir: "desc" }, ["C", "A", "E", "B", "D"]],
    ["state ascending, missing last", { sort: "state", dir: "asc" }, ["B", "D", "C", "A", "E"]],
    ["state descending, missing still last", { sort: "state", dir: "desc" }, ["A", "C", "D", "B", "E"]],
    ["vintage descending", { sort: "vintage", dir: "desc" }, ["B", "D", "A", "C", "E"]],
    ["position id descending", { sort: "position_id", dir: "desc" }, ["E", "D", "C", "B", "A"]],
    ["default: the order of import", {}, ["A", "B", "C", "D", "E"]],
  ] as const)("%s", async (_label, query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  test.each([
    ["value", "asc"],
    ["value", "desc"],
    ["state", "asc"],
    ["state", "desc"],
    ["vintage", "asc"],
    ["id", "desc"],
  ] as const)("paging %s %s by cursor or by offset gives the same order as one page", async (sort, dir) => {
    const whole = await ids({ sort, dir });
    const byCursor: Array<string | null> = [];
    let cursor: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listPositions(ctx, { limit: 2, sort, dir, cursor });
      byCursor.push(...page.items.map((p) => p.positionId));
      if (page.nextCursor === undefined) break;
      cursor = Number(page.nextCursor);
    }
    expect(byCursor).toEqual(whole);
    const byOffset = [0, 2, 4].map((offset) => ids({ sort, dir, offset, limit: 2 }));
    expect((await Promise.all(byOffset)).flat()).toEqual(whole);
  });

  test("sorting combines with filters and the total counts the filtered rows", async () => {
    const page = await listPositions(ctx, { limit: 1, sort: "value", dir: "desc", filters: { state: "ca" } });
    expect(page.items.map((p) => p.positionId)).toEqual(["B"]);
    expect(page.total).toBe(2);
  });

  test("the total is kept per search and filters until the book changes", async () => {
    const other = await freshPortfolio();
    const csv = (rows: string) => ({ format: "csv" as const, data: `position_id,state,position_value\n${rows}` });
    await importPositions(other, csv("X,TX,1\nY,CA,1\n"), { mode: "replace", onError: "reject" });
    const total = async (filters: Record<string, string>) => (await listPositions(other, { limit: 1, filters })).total;
    expect(await total({ state: "TX" })).toBe(1);
    const before = snapshotCacheStats();
    expect(await total({ state: "TX" })).toBe(1);
    expect(snapshotCacheStats().hits).toBe(before.hits + 1);
    expect(await total({})).toBe(2);
    await importPositions(other, csv("Z,TX,1\n"), { mode: "upsert", onError: "reject" });
    expect(await total({ state: "TX" })).toBe(2);
    expect(await total({})).toBe(3);
  });

  test("facets list each dimension's values with counts, unknown included", async () => {
    const facets = await listPositionFacets(ctx);
    expect(facets.state).toEqual([
      { value: "CA", count: 2 },
      { value: "NY", count: 1 },
      { value: "TX", count: 1 },
      { value: "unknown", count: 1 },
    ]);
    expect(facets.vintage.map((f) => f.value)).toEqual(["1980s", "1990s", "2000s", "2010s", "unknown"]);
    expect(facets.strategy).toEqual([{ value: "unknown", count: 5 }]);
  });

  test("facets follow the next import", async () => {
    const other = await freshPortfolio();
    await importPositions(
      other,
      { format: "csv", data: "position_id,state,position_value\nX,TX,1\n" },
      { mode: "replace", onError: "reject" },
    );
    expect((await listPositionFacets(other)).state).toEqual([{ value: "TX", count: 1 }]);
    await importPositions(
      other,
      { format: "csv", data: "position_id,state,position_value\nY,WA,1\n" },
      { mode: "upsert", onError: "reject" },
    );
    expect((await listPositionFacets(other)).state).toEqual([
      { value: "TX", count: 1 },
      { value: "WA", count: 1 },
    ]);
  });
});

describe("listPositions search", () => {
  // Ids with LIKE's special characters: a search for them finds them literally, nothing else.
  const BOOK = csvOf([
    { position_id: "P_1", asset_id: "Oak 50%", position_value: 1 },
    { position_id: "PX1", asset_id: "Oak 500", position_value: 1 },
    { position_id: "Q\\1", asset_id: "elm", position_value: 1 },
    { position_id: "", asset_id: "no id", position_value: 1 },
  ]);
  let ctx: PortfolioContext;
  beforeAll(async () => {
    ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
  });
  const found = async (q: string) =>
    (await listPositions(ctx, { limit: 10, q })).items.map((p) => p.positionId ?? `(asset ${p.assetId})`);

  test.each([
    ["p_1", ["P_1"]],
    ["50%", ["P_1"]],
    ["oak 50", ["P_1", "PX1"]],
    ["q\\", ["Q\\1"]],
    ["NO ID", ["(asset no id)"]],
    ["zzz", []],
  ])("%s finds %j", async (q, expected) => {
    expect(await found(q)).toEqual(expected);
  });
});
