import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { importPositions, listImportBatches, listPositions } from "@/lib/positions";
import { useTestDatabase } from "./support/db";
import { csvOf, freshPortfolio } from "./support/fixtures";

useTestDatabase();

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

const all = async (slug: string) => (await listPositions({ limit: 1000 }, slug)).items;

describe("importPositions", () => {
  test("with onError=reject, any bad row refuses the file, lists every bad row and writes nothing", async () => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: GOOD }, { mode: "replace", onError: "reject" }, slug);
    const error = await importPositions({ format: "csv", data: WITH_BAD_ROWS }, { mode: "replace", onError: "reject" }, slug).catch((e: unknown) => e);
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
    expect((await all(slug)).map((p) => p.positionId)).toEqual(["P1", "P2"]);
    expect(await listImportBatches(slug)).toHaveLength(1);
  });

  test("with onError=skip, the valid rows are stored and the bad ones recorded on the batch", async () => {
    const slug = await freshPortfolio();
    const result = await importPositions({ format: "csv", data: WITH_BAD_ROWS, sourceName: "book.csv" }, { mode: "replace", onError: "skip" }, slug);
    expect(result).toMatchObject({ received: 7, imported: 2 });
    expect(result.rejected).toHaveLength(5);
    expect((await all(slug)).map((p) => [p.positionId, p.positionValue])).toEqual([["A", 100], ["G", 200]]);
    const [batch] = await listImportBatches(slug);
    expect(batch).toMatchObject({ sourceName: "book.csv", received: 7, imported: 2, rejectedCount: 5 });
    expect(batch?.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
  });

  test("upsert matches on position_id and keeps the others; replace replaces the book", async () => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: GOOD }, { mode: "replace", onError: "reject" }, slug);
    const update = csvOf([
      { position_id: "P2", strategy: "Core Plus", position_value: "$2,500,000.00" },
      { position_id: "P3", strategy: "development", position_value: "300000" },
    ]);
    await importPositions({ format: "csv", data: update }, { mode: "upsert", onError: "reject" }, slug);
    expect((await all(slug)).map((p) => [p.positionId, p.strategy, p.positionValue])).toEqual([
      ["P1", "value_add", 1_000_000],
      ["P2", "core plus", 2_500_000],
      ["P3", "development", 300_000],
    ]);
    await importPositions({ format: "csv", data: update }, { mode: "replace", onError: "reject" }, slug);
    expect((await all(slug)).map((p) => p.positionId)).toEqual(["P2", "P3"]);
  });

  test("upsert needs a position_id on every row", async () => {
    const slug = await freshPortfolio();
    const error = await importPositions({ format: "csv", data: "position_value\n100" }, { mode: "upsert", onError: "reject" }, slug).catch((e: unknown) => e);
    expect((error as AppError).details).toEqual([{ row: 2, field: "position_id", message: "position_id is required in upsert mode" }]);
  });

  test("listing pages by cursor and filters by normalised dimension values", async () => {
    const slug = await freshPortfolio();
    const rows = Array.from({ length: 5 }, (_, i) => ({ position_id: `P${i}`, state: i % 2 ? "CA" : "TX", vintage: 1985 + 2 * i, position_value: 100 + i }));
    await importPositions({ format: "csv", data: csvOf(rows) }, { mode: "replace", onError: "reject" }, slug);
    const first = await listPositions({ limit: 2 }, slug);
    expect(first.items.map((p) => p.positionId)).toEqual(["P0", "P1"]);
    const second = await listPositions({ limit: 2, cursor: Number(first.nextCursor) }, slug);
    expect(second.items.map((p) => p.positionId)).toEqual(["P2", "P3"]);
    expect((await listPositions({ limit: 10, filters: { state: " ca " } }, slug)).items.map((p) => p.positionId)).toEqual(["P1", "P3"]);
    expect((await listPositions({ limit: 10, filters: { vintage: "1980s" } }, slug)).items.map((p) => p.positionId)).toEqual(["P0", "P1", "P2"]);
  });
});

describe("importPositions never empties the book by accident", () => {
  test.each([
    ["a header-only file", "position_id,position_value\n", "skip" as const],
    ["a file whose every row is bad", "position_id,position_value\nA,-1\nB,zero\n", "skip" as const],
  ])("%s is refused and the stored positions stay", async (_label, data, onError) => {
    const slug = await freshPortfolio();
    await importPositions({ format: "csv", data: GOOD }, { mode: "replace", onError: "reject" }, slug);
    await expect(importPositions({ format: "csv", data }, { mode: "replace", onError }, slug)).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringContaining("no valid data rows"),
    });
    expect((await all(slug)).map((p) => p.positionId)).toEqual(["P1", "P2"]);
  });
});
