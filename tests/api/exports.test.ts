import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";

import type { RunResult } from "@/lib/services/runs-compute";
import { type Api, expectError, fieldsOf, ISSUE_EXAMPLE_CSV, newPortfolio } from "@/tests/support/api-client";

const HEADER = "dimension_type,dimension_value,exposure_pct,exposure_value,total_portfolio_value";
const PATH = "/api/exports/exposures";

interface ExposuresJson {
  as_of_date: string;
  total_portfolio_value: number;
  run_id: string;
  exposures: Array<{ dimension_type: string; dimension_value: string; exposure_pct: number; exposure_value: number }>;
}

let api: Api;
let latest: RunResult;
let older: RunResult;
beforeAll(async () => {
  api = await newPortfolio("exports");
  // Cents and a total above a million: a thousands separator or a rounding would show.
  expect((await api.importCsv(`${ISSUE_EXAMPLE_CSV}\nP4,core,NY,1234567.89\n`)).status).toBe(201);
  latest = await api.run({ asOfDate: "2025-06-30" });
  older = await api.run({
    asOfDate: "2025-03-31",
    positions: [{ strategy: "core", state: "TX", position_value: 250000 }],
  });
});

/** CSV rows as cells; the export never quotes these simple values. */
const rowsOf = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

describe("GET /api/exports/exposures", () => {
  test("format=csv: exact header, LF only, plain numbers, as an attachment", async () => {
    const reply = await api.get<never>(PATH, { format: "csv" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]*2025-06-30[^"]*\.csv"$/);
    expect(reply.text.split("\n")[0]).toBe(HEADER);
    expect(reply.text).not.toContain("\r");
    expect(reply.text.endsWith("\n")).toBe(true);

    const rows = rowsOf(reply.text);
    expect(rows).toHaveLength(latest.exposures.length);
    for (const row of rows) {
      expect(row).toHaveLength(5);
      for (const cell of row.slice(2)) expect(cell).toMatch(/^\d+(\.\d+)?$/);
      expect(row[4]).toBe("5734567.89");
    }
    const valueAdd = rows.find((r) => r[0] === "strategy" && r[1] === "value_add");
    expect(valueAdd?.[3]).toBe("2500000");
    expect(Number(valueAdd?.[2])).toBeCloseTo((2500000 / 5734567.89) * 100, 9);
    expect(rows.find((r) => r[0] === "strategy" && r[1] === "core")?.[3]).toBe("1234567.89");
    expect(rows.map((r) => `${r[0]}:${r[1]}`)).toEqual(
      latest.exposures.map((e) => `${e.dimensionType}:${e.dimensionValue}`),
    );
  });

  test("csv is the default format", async () => {
    const reply = await api.get<never>(PATH);
    expect(reply.status).toBe(200);
    expect(reply.text.split("\n")[0]).toBe(HEADER);
  });

  test("format=json: the same file format in snake_case", async () => {
    const reply = await api.get<ExposuresJson>(PATH, { format: "json" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.json"$/);
    expect(Object.keys(reply.body).sort()).toEqual([
      "as_of_date",
      "basis",
      "exposures",
      "run_id",
      "total_portfolio_value",
    ]);
    expect(reply.body).toMatchObject({
      as_of_date: "2025-06-30",
      total_portfolio_value: 5734567.89,
      run_id: latest.runId,
      basis: "value",
    });
    expect(reply.body.exposures).toHaveLength(latest.exposures.length);
    for (const e of reply.body.exposures) {
      for (const key of Object.keys(e)) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(e).toMatchObject({
        dimension_type: expect.any(String),
        dimension_value: expect.any(String),
        exposure_pct: expect.any(Number),
        exposure_value: expect.any(Number),
      });
    }
    expect(reply.body.exposures).toContainEqual(
      expect.objectContaining({ dimension_type: "state", dimension_value: "CA", exposure_value: 3000000 }),
    );
  });

  test("format=xlsx: a workbook whose numbers are numeric cells", async () => {
    const response = await api.raw("GET", PATH, { query: { format: "xlsx" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("the workbook has no sheet");
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 5)).toEqual(HEADER.split(","));
    expect(sheet.rowCount).toBe(latest.exposures.length + 1);
    const row = sheet.getRow(2);
    expect(typeof row.getCell(1).value).toBe("string");
    for (const column of [3, 4, 5]) expect(typeof row.getCell(column).value).toBe("number");
    expect(row.getCell(5).value).toBe(5734567.89);
    const valueAdd = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find(
      (r) => r.getCell(2).value === "value_add",
    );
    expect(valueAdd?.getCell(4).value).toBe(2500000);
  });

  test("runId selects a run", async () => {
    const csv = await api.get<never>(PATH, { runId: older.runId });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("2025-03-31");
    expect(rowsOf(csv.text).map((r) => r[4])).toEqual(Array(older.exposures.length).fill("250000"));
    const json = await api.get<ExposuresJson>(PATH, { runId: older.runId, format: "json" });
    expect(json.body).toMatchObject({ as_of_date: "2025-03-31", run_id: older.runId, total_portfolio_value: 250000 });
  });

  test.each([
    [{ format: "pdf" }, 400, "format"],
    [{ runId: "latest" }, 400, "runId"],
  ])("a bad query %o is a %i naming the field", async (query, status, field) => {
    expect(fieldsOf(expectError(await api.get(PATH, query), status, "invalid_input"))).toEqual([field]);
  });

  test("an unknown run, or a portfolio without runs, is a 404", async () => {
    expectError(await api.get(PATH, { runId: "00000000-0000-4000-8000-000000000000" }), 404, "not_found");
    const empty = await newPortfolio("exports empty");
    expectError(await empty.get(PATH), 404, "not_found");
  });

  test("basis=positions: counts, their shares and the number of positions, named in the file", async () => {
    const reply = await api.get<ExposuresJson & { basis: string }>(PATH, { format: "json", basis: "positions" });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get("content-disposition")).toMatch(/-positions\.json"$/);
    expect(reply.body).toMatchObject({ basis: "positions", total_portfolio_value: 4 });
    // Of four positions, CA holds two.
    expect(reply.body.exposures).toContainEqual(
      expect.objectContaining({ dimension_type: "state", dimension_value: "CA", exposure_value: 2, exposure_pct: 50 }),
    );
    const csv = await api.get<never>(PATH, { basis: "positions" });
    expect(csv.text.split("\n")[0]).toBe(HEADER);
    expect(csv.text).toContain("state,CA,50,2,4");
    expect(fieldsOf(expectError(await api.get(PATH, { basis: "doors" }), 400, "invalid_input"))).toEqual(["basis"]);
  });
});
