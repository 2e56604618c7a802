import { describe, expect, test } from "vitest";
import type { ImportPreview, ImportResult } from "@/lib/services/positions-import";
import { expectError, newPortfolio } from "@/tests/support/api-client";
import { multipart, storedBook } from "@/tests/support/api-imports";
import { FIXTURE_BOOK, fixture } from "@/tests/support/import-fixtures";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("files as they come: encodings, separators, decimal marks, sheets", () => {
  test("Excel's Windows-1252 CSV with Café Lofts imports, and the answer says how it was read", async () => {
    const api = await newPortfolio("windows-1252");
    const reply = await api.send<ImportResult>("POST", "/api/positions/import", {
      body: multipart(fixture("excel-windows-1252-comma.csv"), "book.csv", "text/csv"),
      query: { onError: "skip" },
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      imported: 4,
      rejected: FIXTURE_BOOK.rejected,
      interpretation: {
        encoding: "windows-1252",
        delimiter: ",",
        decimal: ".",
        sheet: null,
        sheets: [],
        description: "comma-separated, decimal point, Windows-1252",
      },
    });
    expect((await api.positions()).map((p) => p.assetId)).toEqual(FIXTURE_BOOK.assets);
  });

  test("a semicolon file with decimal commas: previewed as such, imported at its values", async () => {
    const api = await newPortfolio("semicolon");
    const body = () => multipart(fixture("excel-windows-1252-semicolon.csv"), "book.csv", "text/csv");
    const preview = await api.send<ImportPreview>("POST", "/api/positions/preview", { body: body() });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({
      received: 5,
      valid: 4,
      rejectedRows: 1,
      interpretation: { description: "semicolon-separated, decimal comma, Windows-1252" },
    });
    expect(preview.body.sample.map((p) => p.positionValue)).toEqual(FIXTURE_BOOK.values);
    const imported = await api.send<ImportResult>("POST", "/api/positions/import", {
      body: body(),
      query: { onError: "skip" },
    });
    expect(imported.status, imported.text).toBe(201);
    expect(await storedBook(api)).toEqual({ P1: 1_000_000.5, P2: 2_500_000, P3: 750_000.25, P5: 12_345_678.9 });
  });

  test("a Latin-1 body is read as Windows-1252: café, never a replacement character", async () => {
    const api = await newPortfolio("latin-1 body");
    const reply = await api.send<ImportResult>("POST", "/api/positions/import", {
      body: new Uint8Array(Buffer.from("position_value,asset_id\n5,caf\u00e9\n", "latin1")),
      contentType: "text/csv",
    });
    expect(reply.status, reply.text).toBe(201);
    expect((await api.positions()).map((p) => p.assetId)).toEqual(["café"]);
  });

  test("delimiter and decimal overrides: a tab file written with decimal points", async () => {
    const api = await newPortfolio("overrides");
    const send = (query: Record<string, string>) =>
      api.send<ImportPreview>("POST", "/api/positions/preview", {
        body: multipart(fixture("libreoffice-tab-point.txt"), "book.txt", "text/plain"),
        query,
      });
    expect((await send({})).body).toMatchObject({
      valid: 0,
      interpretation: { description: "tab-separated, decimal comma, UTF-8" },
    });
    for (const delimiter of ["tab", "\t"]) {
      const told = await send({ delimiter, decimal: "." });
      expect(told.body).toMatchObject({
        valid: 4,
        interpretation: { delimiter: "\t", decimal: ".", description: "tab-separated, decimal point, UTF-8" },
      });
    }
  });

  test("a workbook's sheet by name or position; the preview lists the sheets", async () => {
    const api = await newPortfolio("sheets");
    const send = (query: Record<string, string>) =>
      api.send<ImportPreview>("POST", "/api/positions/preview", {
        body: multipart(fixture("two-sheets.xlsx"), "funds.xlsx", XLSX),
        query,
      });
    expect((await send({})).body.interpretation).toEqual({
      encoding: null,
      delimiter: null,
      decimal: ".",
      sheet: "Fund II",
      sheets: ["Fund II", "Fund III"],
      description: 'sheet "Fund II" (1 of 2)',
    });
    for (const sheet of ["Fund III", "2"]) {
      const reply = await send({ sheet });
      expect(reply.body).toMatchObject({ valid: 2, interpretation: { sheet: "Fund III" } });
      expect(reply.body.sample.map((p) => [p.positionId, p.vintage, p.positionValue])).toEqual([
        ["Q1", 1975, 1_234_567.5],
        ["Q2", 1987, 2_000_000],
      ]);
    }
    const missing = expectError(await send({ sheet: "Fund IV" }), 400, "invalid_input");
    expect(missing.details).toEqual([
      {
        field: "sheet",
        message: `no sheet "Fund IV" in the workbook: give a sheet's name or its position from 1 to 2 ("Fund II", "Fund III")`,
      },
    ]);
  });

  test.each([
    { field: "delimiter", value: "comma", message: 'must be one of ",", ";", "tab" or "|"' },
    { field: "decimal", value: "point", message: 'must be "." or ","' },
  ])("a bad $field is a 400 naming it", async ({ field, value, message }) => {
    const api = await newPortfolio(`bad ${field}`);
    for (const path of ["/api/positions/preview", "/api/positions/import"]) {
      const reply = await api.send<unknown>("POST", path, {
        body: "position_value\n1\n",
        contentType: "text/csv",
        query: { [field]: value },
      });
      expect(expectError(reply, 400, "invalid_input").details).toEqual([{ field, message }]);
    }
    expect(await api.positions()).toEqual([]);
  });
});
