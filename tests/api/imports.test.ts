import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { type Api, expectError, fieldsOf, type ImportBody, newPortfolio, type PositionDto, UUID } from "./support";

/** The stored book as (positionId → value), which is what a manager checks after an import. */
async function book(api: Api): Promise<Record<string, number>> {
  const positions = await api.positions();
  return Object.fromEntries(positions.map((p) => [p.positionId ?? `#${p.id}`, p.positionValue]));
}

function multipart(bytes: Uint8Array | string, filename: string, type: string): FormData {
  const form = new FormData();
  const part = typeof bytes === "string" ? bytes : new Uint8Array(bytes);
  form.append("file", new Blob([part], { type }), filename);
  return form;
}

interface PreviewBody {
  received: number;
  valid: number;
  rejectedRows: number;
  rejected: Array<{ row: number; field: string; message: string }>;
  ignoredColumns: string[];
  sample: Array<Omit<PositionDto, "id"> & { row: number }>;
  stored: number;
}

const postForm = (api: Api, form: FormData, query?: Record<string, string>) =>
  api.send<ImportBody>("POST", "/api/positions/import", { body: form, query });

// Two good rows and five bad ones, each bad in exactly one field (rows are spreadsheet rows: the
// header is row 1).
const MIXED_CSV = [
  "position_id,strategy,state,vintage,msa_id,position_value,units",
  "G1,core,TX,1995,12420,100000,10",
  "B1,core,TX,1995,12420,-5,10",
  "B2,core,ZZ,1995,12420,100000,10",
  "G2,value_add,CA,2001,31080,300000,20",
  "B3,core,TX,1700,12420,100000,10",
  "B4,core,TX,1995,123,100000,10",
  "B5,core,TX,1995,12420,abc,10",
].join("\n");
const BAD_ROWS = [
  { row: 3, field: "position_value" },
  { row: 4, field: "state" },
  { row: 6, field: "vintage" },
  { row: 7, field: "msa_id" },
  { row: 8, field: "position_value" },
];

describe("POST /api/positions/preview", () => {
  test("answers what the import would do, with every bad row, and stores nothing", async () => {
    const api = await newPortfolio("preview");
    const reply = await api.send<PreviewBody>("POST", "/api/positions/preview", {
      body: multipart(`${MIXED_CSV}\n`, "book.csv", "text/csv"),
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ received: 7, valid: 2, rejectedRows: 5, ignoredColumns: [], stored: 0 });
    expect(reply.body.rejected.map(({ row, field }) => ({ row, field }))).toEqual(BAD_ROWS);
    expect(reply.body.sample.map((p) => [p.row, p.positionId, p.positionValue])).toEqual([
      [2, "G1", 100000],
      [5, "G2", 300000],
    ]);
    expect(await api.positions()).toEqual([]);
    expect((await api.get<{ items: unknown[] }>("/api/positions/batches")).body.items).toEqual([]);
  });

  test("takes the same bodies and mode as the import: text/csv, upsert needs position_id", async () => {
    const api = await newPortfolio("preview modes");
    const csv = "position_id,position_value\nA,100\n,200\n";
    const upsert = await api.send<PreviewBody>("POST", "/api/positions/preview", {
      body: csv,
      contentType: "text/csv",
      query: { mode: "upsert" },
    });
    expect(upsert.body).toMatchObject({
      received: 2,
      valid: 1,
      rejectedRows: 1,
      rejected: [{ row: 3, field: "position_id" }],
    });
    const replace = await api.send<PreviewBody>("POST", "/api/positions/preview", {
      body: csv,
      contentType: "text/csv",
    });
    expect(replace.body).toMatchObject({ received: 2, valid: 2, rejectedRows: 0 });
  });

  test("a file it cannot read is the same 422 as the import's", async () => {
    const api = await newPortfolio("preview unreadable");
    const reply = await api.send<unknown>("POST", "/api/positions/preview", {
      body: "position_id,value\nP1,100\n",
      contentType: "text/csv",
    });
    expect(expectError(reply, 422, "invalid_data").message).toContain("position_value");
  });
});

describe("POST /api/positions/import", () => {
  test("text/csv with a BOM, money with $ and separators, a quoted comma and mixed-case headers", async () => {
    const api = await newPortfolio("csv import");
    const csv =
      "\uFEFFPosition_ID,Asset_ID,MSA_ID,STRATEGY,State,Vintage,Construction_Type,Rent_Band,Position_Value,Units\r\n" +
      'P1,"Tower, North",31080, Value_Add ,ca,1987," New Construction ",Class A,"$1,250,000.00",120\r\n' +
      "P2,A2,35620,core,NY,2012,garden,class b,750000,80\r\n";
    const reply = await api.importCsv(csv);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ batchId: expect.stringMatching(UUID), received: 2, imported: 2, rejected: [] });

    const stored = await api.positions();
    expect(stored.map(({ id: _id, ...p }) => p)).toEqual([
      expect.objectContaining({
        positionId: "P1",
        assetId: "Tower, North",
        msaId: "31080",
        strategy: "value_add",
        state: "CA",
        vintage: 1987,
        constructionType: "new construction",
        rentBand: "class a",
        positionValue: 1250000,
        units: 120,
      }),
      expect.objectContaining({ positionId: "P2", strategy: "core", state: "NY", positionValue: 750000 }),
    ]);
  });

  test("a JSON array with camelCase keys, and { positions: [...] }", async () => {
    const api = await newPortfolio("json import");
    const array = await api.importJson([
      {
        positionId: "J1",
        msaId: "31080",
        strategy: "Core",
        state: "tx",
        constructionType: "Garden",
        rentBand: "B",
        positionValue: 500000,
        units: 12,
      },
      { position_id: "J2", position_value: "1,000,000" },
    ]);
    expect(array.status, array.text).toBe(201);
    expect(array.body).toMatchObject({ batchId: expect.stringMatching(UUID), received: 2, imported: 2, rejected: [] });
    expect(await api.positions()).toEqual([
      expect.objectContaining({
        positionId: "J1",
        msaId: "31080",
        strategy: "core",
        state: "TX",
        constructionType: "garden",
        rentBand: "b",
        positionValue: 500000,
        units: 12,
      }),
      expect.objectContaining({ positionId: "J2", strategy: null, state: null, positionValue: 1000000 }),
    ]);

    const wrapped = await api.importJson({ positions: [{ positionId: "W1", positionValue: 42 }] });
    expect(wrapped.status, wrapped.text).toBe(201);
    expect(wrapped.body).toMatchObject({ received: 1, imported: 1, rejected: [] });
    expect(await book(api)).toEqual({ W1: 42 });
  });

  test("multipart field `file` with a .csv", async () => {
    const api = await newPortfolio("multipart csv");
    const form = multipart("position_id,strategy,position_value\nM1,core,100\nM2,core,200\n", "book.csv", "text/csv");
    const reply = await postForm(api, form);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ received: 2, imported: 2, rejected: [] });
    expect(await book(api)).toEqual({ M1: 100, M2: 200 });
  });

  test("multipart field `file` with an .xlsx built in a spreadsheet", async () => {
    const api = await newPortfolio("multipart xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Positions");
    sheet.addRow(["Position ID", "MSA ID", "Strategy", "State", "Vintage", "Position Value", "Units"]);
    sheet.addRow(["X1", "31080", "Value Add", "ca", 1987, 1250000.5, 240]);
    sheet.addRow(["X2", 35620, "core", "NY", "2012", { formula: "1000*2", result: 2000 }, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const form = multipart(bytes, "book.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const reply = await postForm(api, form);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ received: 2, imported: 2, rejected: [] });
    const stored = await api.positions();
    expect(stored).toEqual([
      expect.objectContaining({
        positionId: "X1",
        msaId: "31080",
        strategy: "value add",
        state: "CA",
        vintage: 1987,
        positionValue: 1250000.5,
        units: 240,
      }),
      expect.objectContaining({
        positionId: "X2",
        msaId: "35620",
        strategy: "core",
        state: "NY",
        vintage: 2012,
        positionValue: 2000,
        units: null,
      }),
    ]);
  });

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
    expect(await book(api)).toEqual({ G1: 100000, G2: 300000 });

    const batches = await api.get<{
      items: Array<{ id: string; received: number; imported: number; rejectedCount: number; errors: unknown[] }>;
    }>("/api/positions/batches");
    expect(batches.body.items[0]).toMatchObject({ id: reply.body.batchId, received: 7, imported: 2, rejectedCount: 5 });
    expect(batches.body.items[0]?.errors).toHaveLength(5);
  });

  test("a file without a position_value column is a 422 that names it", async () => {
    const api = await newPortfolio("missing column");
    const error = expectError(await api.importCsv("position_id,strategy,value\nP1,core,100\n"), 422, "invalid_data");
    expect(error.message).toContain("position_value");
    const json = expectError(await api.importJson([{ positionId: "P1", value: 100 }]), 422, "invalid_data");
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
    expect(await book(api)).toEqual({ P1: 100, P2: 250, P3: 300, P4: 400 });
    const after = await api.positions();
    const p2 = after.find((p) => p.positionId === "P2");
    expect(p2).toMatchObject({ id: before.find((p) => p.positionId === "P2")?.id, strategy: "value_add" });

    const replace = await api.importCsv("position_id,position_value\nP9,900\n", { mode: "replace" });
    expect(replace.status, replace.text).toBe(201);
    expect(await book(api)).toEqual({ P9: 900 });
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
