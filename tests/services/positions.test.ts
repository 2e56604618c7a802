import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import type { PortfolioContext } from "@/lib/services/context";
import { importPositions, previewImport } from "@/lib/services/positions-import";
import { listImportBatches, listPositions } from "@/lib/services/positions-list";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

withTestDatabase();

const GOOD = csvOf([
  { position_id: "P1", strategy: "value_add", state: "CA", position_value: "1000000" },
  { position_id: "P2", strategy: "core", state: "TX", position_value: "2000000" },
]);

const WITH_BAD_ROWS = [
  "position_id,state,vintage,position_value,units",
  "A,CA,1990,100,1",
  "B,ZZ,1990,100,1", // bad state
  "C,CA,1700,100,1", // bad vintage
  "D,CA,1990,-5,1", // negative value
  "E,CA,1990,NaN,1", // NaN
  "F,CA,1990,100,2.5", // fractional units
  "G,TX,2001,200,3",
].join("\n");

const all = async (ctx: PortfolioContext) => (await listPositions(ctx, { limit: 1000 })).items;

describe("importPositions", () => {
  test("with onError=reject, any bad row refuses the file, lists every bad row and writes nothing", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: GOOD }, { mode: "replace", onError: "reject" });
    const error = await importPositions(
      ctx,
      { format: "csv", data: WITH_BAD_ROWS },
      { mode: "replace", onError: "reject" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_data", status: 422 });
    const details = (error as AppError).details ?? [];
    expect(details.map((d) => [d.row, d.field])).toEqual([
      [3, "state"],
      [4, "vintage"],
      [5, "position_value"],
      [6, "position_value"],
      [7, "units"],
    ]);
    expect((await all(ctx)).map((p) => p.positionId)).toEqual(["P1", "P2"]);
    expect(await listImportBatches(ctx)).toHaveLength(1);
  });

  test("with onError=skip, the valid rows are stored and the bad ones recorded on the batch", async () => {
    const ctx = await freshPortfolio();
    const result = await importPositions(
      ctx,
      { format: "csv", data: WITH_BAD_ROWS, sourceName: "book.csv" },
      { mode: "replace", onError: "skip" },
    );
    expect(result).toMatchObject({ received: 7, imported: 2 });
    expect(result.rejected).toHaveLength(5);
    expect((await all(ctx)).map((p) => [p.positionId, p.positionValue])).toEqual([
      ["A", 100],
      ["G", 200],
    ]);
    const [batch] = await listImportBatches(ctx);
    expect(batch).toMatchObject({ sourceName: "book.csv", received: 7, imported: 2, rejectedCount: 5 });
    expect(batch?.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
  });

  test("upsert matches on position_id and keeps the others; replace replaces the book", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: GOOD }, { mode: "replace", onError: "reject" });
    const update = csvOf([
      { position_id: "P2", strategy: "Core Plus", position_value: "$2,500,000.00" },
      { position_id: "P3", strategy: "development", position_value: "300000" },
    ]);
    await importPositions(ctx, { format: "csv", data: update }, { mode: "upsert", onError: "reject" });
    expect((await all(ctx)).map((p) => [p.positionId, p.strategy, p.positionValue])).toEqual([
      ["P1", "value_add", 1_000_000],
      ["P2", "core plus", 2_500_000],
      ["P3", "development", 300_000],
    ]);
    await importPositions(ctx, { format: "csv", data: update }, { mode: "replace", onError: "reject" });
    expect((await all(ctx)).map((p) => p.positionId)).toEqual(["P2", "P3"]);
  });

  test("upsert needs a position_id on every row", async () => {
    const ctx = await freshPortfolio();
    const error = await importPositions(
      ctx,
      { format: "csv", data: "position_value\n100" },
      { mode: "upsert", onError: "reject" },
    ).catch((e: unknown) => e);
    expect((error as AppError).details).toEqual([
      { row: 2, field: "position_id", message: "position_id is required in upsert mode" },
    ]);
  });

  test("listing pages by cursor and filters by normalised dimension values", async () => {
    const ctx = await freshPortfolio();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      position_id: `P${i}`,
      state: i % 2 ? "CA" : "TX",
      vintage: 1985 + 2 * i,
      position_value: 100 + i,
    }));
    await importPositions(ctx, { format: "csv", data: csvOf(rows) }, { mode: "replace", onError: "reject" });
    const first = await listPositions(ctx, { limit: 2 });
    expect(first.items.map((p) => p.positionId)).toEqual(["P0", "P1"]);
    const second = await listPositions(ctx, { limit: 2, cursor: Number(first.nextCursor) });
    expect(second.items.map((p) => p.positionId)).toEqual(["P2", "P3"]);
    expect(
      (await listPositions(ctx, { limit: 10, filters: { state: " ca " } })).items.map((p) => p.positionId),
    ).toEqual(["P1", "P3"]);
    expect(
      (await listPositions(ctx, { limit: 10, filters: { vintage: "1980s" } })).items.map((p) => p.positionId),
    ).toEqual(["P0", "P1", "P2"]);
  });
});

describe("importPositions never empties the book by accident", () => {
  test.each([
    ["a header-only file", "position_id,position_value\n", "skip" as const],
    ["a file whose every row is bad", "position_id,position_value\nA,-1\nB,zero\n", "skip" as const],
  ])("%s is refused and the stored positions stay", async (_label, data, onError) => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: GOOD }, { mode: "replace", onError: "reject" });
    await expect(importPositions(ctx, { format: "csv", data }, { mode: "replace", onError })).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringContaining("no valid data rows"),
    });
    expect((await all(ctx)).map((p) => p.positionId)).toEqual(["P1", "P2"]);
  });
});

describe("previewImport", () => {
  test("reports what an import would do, every bad row included, and writes nothing", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: GOOD }, { mode: "replace", onError: "reject" });
    const preview = await previewImport(
      ctx,
      { format: "csv", data: `${WITH_BAD_ROWS.replace("units", "units,note")}` },
      { mode: "replace" },
    );
    expect(preview).toMatchObject({ received: 7, valid: 2, rejectedRows: 5, ignoredColumns: ["note"], stored: 2 });
    expect(preview.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, "state"],
      [4, "vintage"],
      [5, "position_value"],
      [6, "position_value"],
      [7, "units"],
    ]);
    expect(preview.sample).toEqual([
      expect.objectContaining({ row: 2, positionId: "A", state: "CA", vintage: 1990, positionValue: 100, units: 1 }),
      expect.objectContaining({ row: 8, positionId: "G", state: "TX", vintage: 2001, positionValue: 200, units: 3 }),
    ]);
    expect((await all(ctx)).map((p) => p.positionId)).toEqual(["P1", "P2"]);
    expect(await listImportBatches(ctx)).toHaveLength(1);
  });

  test("applies the mode's rules as the import does: upsert needs position_id", async () => {
    const ctx = await freshPortfolio();
    const data = "position_id,position_value\nA,100\n,200\n";
    const preview = await previewImport(ctx, { format: "csv", data }, { mode: "upsert" });
    expect(preview).toMatchObject({
      received: 2,
      valid: 1,
      rejectedRows: 1,
      rejected: [{ row: 3, field: "position_id" }],
    });
    const error = await importPositions(ctx, { format: "csv", data }, { mode: "upsert", onError: "reject" }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).details).toEqual(preview.rejected);
    expect(await previewImport(ctx, { format: "csv", data }, { mode: "replace" })).toMatchObject({
      valid: 2,
      rejectedRows: 0,
    });
  });
});
