import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import type { ImportResult } from "@/lib/services/positions-import";
import { type Api, newPortfolio, UUID } from "@/tests/support/api-client";
import { multipart, storedBook } from "@/tests/support/api-imports";

// The file formats an import takes; what it does with bad rows and modes: imports-rows.test.ts.

const postForm = (api: Api, form: FormData, query?: Record<string, string>) =>
  api.send<ImportResult>("POST", "/api/positions/import", { body: form, query });

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
    expect(await storedBook(api)).toEqual({ W1: 42 });
  });

  test("multipart field `file` with a .csv", async () => {
    const api = await newPortfolio("multipart csv");
    const form = multipart("position_id,strategy,position_value\nM1,core,100\nM2,core,200\n", "book.csv", "text/csv");
    const reply = await postForm(api, form);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ received: 2, imported: 2, rejected: [] });
    expect(await storedBook(api)).toEqual({ M1: 100, M2: 200 });
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
});
