import { describe, expect, test } from "vitest";
import type { ImportPreview, ImportResult } from "@/lib/services/positions-import";
import { expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";
import { multipart, storedBook } from "@/tests/support/api-imports";
import { fixture } from "@/tests/support/import-fixtures";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_FILE = () => multipart(fixture("libreoffice-unusual-headers.csv"), "unusual.csv", "text/csv");
const XLSX_FILE = () => multipart(fixture("unusual-headers.xlsx"), "unusual.xlsx", XLSX);
const DEAL_CODES = {
  "D-101": 12_500_000,
  "D-102": 48_250_000.5,
  "D-103": 9_800_000,
  "D-104": 21_000_000,
  "D-105": 7_350_000,
};

const columnsOf = (body: { columns: ImportPreview["columns"] }) =>
  body.columns.map((c) => [c.header, c.column, c.source]);

describe("column mapping: synonyms, ?mapping= and the portfolio's remembered mapping", () => {
  test("Market Value, Metro, Year Built and Unit Count import without a mapping; the preview says how each column was read", async () => {
    const api = await newPortfolio("synonyms");
    const preview = await api.send<ImportPreview>("POST", "/api/positions/preview", { body: XLSX_FILE() });
    expect(preview.status, preview.text).toBe(200);
    expect(columnsOf(preview.body)).toEqual([
      ["Deal Code", null, null],
      ["Property Name", "asset_id", "synonym"],
      ["Metro", "msa_id", "synonym"],
      ["Strategy", "strategy", "name"],
      ["State", "state", "name"],
      ["Year Built", "vintage", "synonym"],
      ["Unit Count", "units", "synonym"],
      ["Market Value", "position_value", "synonym"],
      ["Rent Band", "rent_band", "name"],
      ["Comments", null, null],
    ]);
    expect(preview.body).toMatchObject({ received: 5, valid: 5, ignoredColumns: ["Deal Code", "Comments"] });
    const imported = await api.send<ImportResult>("POST", "/api/positions/import", { body: CSV_FILE() });
    expect(imported.status, imported.text).toBe(201);
    expect((await api.positions()).map((p) => [p.assetId, p.msaId, p.vintage, p.units])).toEqual([
      ["Riverside Flats", "19100", 1987, 240],
      ["Lakeshore Tower", "16980", 2016, 312],
      ["Cedar Commons", "12420", 2025, 180],
      ["Harbor Point", "33100", 1999, 96],
      ["Mesa Verde", "38060", 1972, 150],
    ]);
  });

  test("a mapping sent on import is remembered: the next upload of the portfolio applies it without one", async () => {
    const api = await newPortfolio("remembered");
    const mapping = JSON.stringify({ "Deal Code": "position_id", Comments: null });
    const preview = await api.send<ImportPreview>("POST", "/api/positions/preview", {
      body: CSV_FILE(),
      query: { mapping },
    });
    expect(columnsOf(preview.body)[0]).toEqual(["Deal Code", "position_id", "mapping"]);
    const first = await api.send<ImportResult>("POST", "/api/positions/import", {
      body: CSV_FILE(),
      query: { mapping },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.columns.at(-1)).toEqual({ header: "Comments", column: null, source: "mapping" });
    expect(await storedBook(api)).toEqual(DEAL_CODES);

    // The second upload, a workbook this time, sends no mapping.
    const again = await api.send<ImportPreview>("POST", "/api/positions/preview", { body: XLSX_FILE() });
    expect(columnsOf(again.body)[0]).toEqual(["Deal Code", "position_id", "remembered"]);
    expect(columnsOf(again.body).at(-1)).toEqual(["Comments", null, "remembered"]);
    expect(again.body.ignoredColumns).toEqual(["Comments"]);
    const second = await api.send<ImportResult>("POST", "/api/positions/import", {
      body: XLSX_FILE(),
      query: { mode: "upsert" },
    });
    expect(second.status, second.text).toBe(201);
    expect(await storedBook(api)).toEqual(DEAL_CODES);

    // Another portfolio has its own memory.
    const other = await newPortfolio("not remembered");
    const elsewhere = await other.send<ImportPreview>("POST", "/api/positions/preview", { body: XLSX_FILE() });
    expect(columnsOf(elsewhere.body)[0]).toEqual(["Deal Code", null, null]);
  });

  test("JSON: keys are mapped like headers", async () => {
    const api = await newPortfolio("json mapping");
    const reply = await api.send<ImportResult>("POST", "/api/positions/import", {
      json: [{ ref: "J1", gross: 100, Metro: "Dallas, TX" }],
      query: { mapping: JSON.stringify({ ref: "position_id", gross: "position_value" }) },
    });
    expect(reply.status, reply.text).toBe(201);
    expect((await api.positions()).map((p) => [p.positionId, p.positionValue, p.msaId])).toEqual([
      ["J1", 100, "19100"],
    ]);
  });

  test("a file without a position_value column: the 422 carries its columns, and a mapping makes it import", async () => {
    const api = await newPortfolio("unmapped");
    const csv = "Ref,Gross,Metro\nR1,100,19100\n";
    const refused = await api.send("POST", "/api/positions/preview", { body: csv, contentType: "text/csv" });
    const error = expectError(refused, 422, "invalid_data");
    expect(error.message).toBe('missing required column "position_value"; found columns: "Ref", "Gross", "Metro"');
    expect(error.columns).toEqual([
      { header: "Ref", column: null, source: null },
      { header: "Gross", column: null, source: null },
      { header: "Metro", column: "msa_id", source: "synonym" },
    ]);
    const mapping = JSON.stringify({ Gross: "position_value" });
    const preview = await api.send<ImportPreview>("POST", "/api/positions/preview", {
      body: csv,
      contentType: "text/csv",
      query: { mapping },
    });
    expect(preview.body).toMatchObject({ received: 1, valid: 1 });
    expect((await api.importCsv(csv, { mapping })).status).toBe(201);
    expect((await api.positions()).map((p) => [p.positionId, p.positionValue, p.msaId])).toEqual([
      [null, 100, "19100"],
    ]);
  });

  test.each([
    {
      label: "not JSON",
      mapping: "Gross=position_value",
      message: 'mapping: must be a JSON object of file header → column, e.g. {"Market Value":"position_value"}',
    },
    {
      label: "an unknown column",
      mapping: '{"Gross":"value"}',
      message: 'mapping: header "Gross": "value" is not a column; use position_id',
    },
    {
      label: "two headers to one column",
      mapping: '{"Gross":"position_value","Net":"position_value"}',
      message: 'mapping: headers "Gross" and "Net" both map to position_value',
    },
  ])("400 for a bad mapping ($label), on the preview and the import alike", async ({ mapping, message }) => {
    const api = await newPortfolio("bad mapping");
    for (const path of ["/api/positions/preview", "/api/positions/import"]) {
      const reply = await api.send("POST", path, {
        body: "Gross,Net\n1,2\n",
        contentType: "text/csv",
        query: { mapping },
      });
      const error = expectError(reply, 400, "invalid_input");
      expect(error.message).toContain(message);
      expect(fieldsOf(error)).toEqual(["mapping"]);
    }
    expect(await api.positions()).toEqual([]);
  });

  test("a mapping header the file does not have is a 422 naming it; nothing is stored or remembered", async () => {
    const api = await newPortfolio("absent header");
    const mapping = JSON.stringify({ "Market Value": "position_value", Fund: null });
    const reply = await api.send("POST", "/api/positions/import", { body: CSV_FILE(), query: { mapping } });
    const error = expectError(reply, 422, "invalid_data");
    expect(error.message).toContain(
      'mapping: header "Fund" is not a column of the file; the file\'s columns: "Deal Code"',
    );
    expect(fieldsOf(error)).toEqual(["mapping.Fund"]);
    expect(await api.positions()).toEqual([]);
    const preview = await api.send<ImportPreview>("POST", "/api/positions/preview", { body: CSV_FILE() });
    expect(columnsOf(preview.body).every(([, , source]) => source !== "remembered")).toBe(true);
  });
});
