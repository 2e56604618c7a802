import { describe, expect, test } from "vitest";
import type { ImportBatchDto, PositionDto } from "@/lib/services/positions-list";
import { expectError, fieldsOf, newPortfolio, UUID } from "@/tests/support/api-client";
import { BAD_ROWS, MIXED_CSV, storedBook } from "@/tests/support/api-imports";

// What an import does with bad rows (onError), with its modes (replace, upsert), and with options
// and bodies it cannot use. The file formats it takes: imports.test.ts.

describe("POST /api/positions/import", () => {
  test("onError=reject (the default): every bad row is listed in a 422 and nothing is written", async () => {
    const api = await newPortfolio("reject");
    expect((await api.importCsv("position_id,position_value\nKEEP,123\n")).status).toBe(201);
    const before = await api.positions();

    const reply = await api.importCsv(MIXED_CSV);
    const error = expectError(reply, 422, "invalid_data");
    expect(error.message).toMatch(/5 of 7 rows are invalid/);
    expect(error.details?.map(({ row, field }) => ({ row, field }))).toEqual(BAD_ROWS);
    for (const issue of error.details ?? []) expect(issue.message.length).toBeGreaterThan(0);
    expect(error.details?.[1]?.message).toContain("ZZ");

    const explicit = await api.importCsv(MIXED_CSV, { onError: "reject", mode: "upsert" });
    expect(expectError(explicit, 422, "invalid_data").details).toHaveLength(5);
    expect(await api.positions()).toEqual(before);
  });

  test("onError=skip stores the good rows and reports the bad ones", async () => {
    const api = await newPortfolio("skip");
    const reply = await api.importCsv(MIXED_CSV, { onError: "skip" });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ batchId: expect.stringMatching(UUID), received: 7, imported: 2 });
    expect(reply.body.rejected.map(({ row, field }) => ({ row, field }))).toEqual(BAD_ROWS);
    expect(await storedBook(api)).toEqual({ G1: 100000, G2: 300000 });

    const batches = await api.get<{ items: ImportBatchDto[] }>("/api/positions/batches");
    expect(batches.body.items[0]).toMatchObject({ id: reply.body.batchId, received: 7, imported: 2, rejectedCount: 5 });
    expect(batches.body.items[0]?.errors).toHaveLength(5);
  });

  test("a file without a position_value column is a 422 that names it", async () => {
    const api = await newPortfolio("missing column");
    const error = expectError(await api.importCsv("position_id,strategy,amount\nP1,core,100\n"), 422, "invalid_data");
    expect(error.message).toContain("position_value");
    const json = expectError(await api.importJson([{ positionId: "P1", amount: 100 }]), 422, "invalid_data");
    expect(json.message).toContain("position_value");
    expect(await api.positions()).toEqual([]);
  });

  test("mode=upsert updates by position_id and keeps the others; mode=replace replaces", async () => {
    const api = await newPortfolio("modes");
    await api.importCsv("position_id,strategy,position_value\nP1,core,100\nP2,core,200\nP3,core,300\n");
    const before = await api.positions();

    const upsert = await api.importCsv("position_id,strategy,position_value\nP2,value_add,250\nP4,core,400\n", {
      mode: "upsert",
    });
    expect(upsert.status, upsert.text).toBe(201);
    expect(upsert.body).toMatchObject({ received: 2, imported: 2, rejected: [] });
    expect(await storedBook(api)).toEqual({ P1: 100, P2: 250, P3: 300, P4: 400 });
    const after = await api.positions();
    const p2 = after.find((p) => p.positionId === "P2");
    expect(p2).toMatchObject({ id: before.find((p) => p.positionId === "P2")?.id, strategy: "value_add" });

    const replace = await api.importCsv("position_id,position_value\nP9,900\n", { mode: "replace" });
    expect(replace.status, replace.text).toBe(201);
    expect(await storedBook(api)).toEqual({ P9: 900 });
  });

  test("mode=upsert needs a position_id on every row", async () => {
    const api = await newPortfolio("upsert ids");
    const error = expectError(
      await api.importCsv("position_id,position_value\n,100\nP2,200\n", { mode: "upsert" }),
      422,
      "invalid_data",
    );
    expect(error.details).toEqual([{ row: 2, field: "position_id", message: expect.stringContaining("position_id") }]);
  });

  // numeric(20,2) and int4 columns cannot hold these: they are bad rows like any other, not a 500.
  test("a position_value or units too large to store is a row error, not a 500", async () => {
    const api = await newPortfolio("too large");
    const reply = await api.importCsv("position_id,position_value,units\nP1,1e19,1\nP2,100,3000000000\nP3,100,1\n");
    const error = expectError(reply, 422, "invalid_data");
    expect(error.details?.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: "position_value" },
      { row: 3, field: "units" },
    ]);
  });

  test("a JSON body that does not parse is a 422 for the import (the body is the file)", async () => {
    const api = await newPortfolio("broken json file");
    const reply = await api.send<unknown>("POST", "/api/positions/import", {
      body: '[{"position_value": 1',
      contentType: "application/json",
    });
    expect(expectError(reply, 422, "invalid_data").message).toMatch(/invalid JSON/);
  });

  test.each([
    [{ mode: "merge" }, "mode"],
    [{ onError: "ignore" }, "onError"],
    [{ format: "pdf" }, "format"],
  ])("a bad option %o is a 400 naming the field", async (query, field) => {
    const api = await newPortfolio("bad options");
    const error = expectError(await api.importCsv("position_value\n100\n", query), 400, "invalid_input");
    expect(fieldsOf(error)).toEqual([field]);
    expect(error.message).toContain(field);
    expect(await api.positions()).toEqual<PositionDto[]>([]);
  });
});
