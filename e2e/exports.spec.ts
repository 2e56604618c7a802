import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, test } from "../tests/support/e2e-fixtures";

async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return read(file);
}

async function read(file: Download): Promise<{ name: string; body: Buffer }> {
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

test("exposure exports download from the exposures page and parse as CSV, JSON and XLSX", async ({ page, api }) => {
  const csv =
    "position_id,strategy,state,position_value\nA,value_add,CA,1000000\nB,value_add,TX,1500000\nC,core_plus,CA,2000000\n";
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).status,
  ).toBe(201);
  expect(
    (
      await api("/api/exposures/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ asOfDate: "2025-06-30" }),
      })
    ).status,
  ).toBe(201);
  await page.goto("/exposures/strategy");

  const csvFile = await download(page, "export-exposures-csv");
  expect(csvFile.name).toMatch(/2025-06-30\.csv$/);
  const lines = csvFile.body.toString("utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("dimension_type,dimension_value,exposure_pct,exposure_value,total_portfolio_value");
  expect(lines).toContain("strategy,value_add,55.55555555555556,2500000,4500000");

  const jsonFile = await download(page, "export-exposures-json");
  const json = JSON.parse(jsonFile.body.toString("utf8")) as {
    as_of_date: string;
    total_portfolio_value: number;
    exposures: Array<{ dimension_value: string; exposure_pct: number }>;
  };
  expect(json.as_of_date).toBe("2025-06-30");
  expect(json.total_portfolio_value).toBe(4_500_000);
  expect(json.exposures.find((e) => e.dimension_value === "CA")?.exposure_pct).toBeCloseTo(66.67, 2);

  const xlsxFile = await download(page, "export-exposures-xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsxFile.body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Exposures");
  const values = sheet?.getRow(1).values as unknown[];
  expect(values.slice(1, 6)).toEqual([
    "dimension_type",
    "dimension_value",
    "exposure_pct",
    "exposure_value",
    "total_portfolio_value",
  ]);
  const valueAdd = sheet?.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(2).value === "value_add");
  expect(typeof valueAdd?.getCell(3).value).toBe("number");
  expect(valueAdd?.getCell(4).value).toBe(2_500_000);
});

test("position exports download from the positions page and re-import as the same book", async ({ page, api }) => {
  const csv = 'position_id,strategy,state,position_value\nA,value_add,CA,"1,000,000"\nB,core,TX,2500000.5\n';
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).status,
  ).toBe(201);
  await page.goto("/positions");

  const csvFile = await download(page, "export-positions-csv");
  const text = csvFile.body.toString("utf8");
  expect(text.split("\n")[0]).toBe(
    "position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value,units,ownership_pct",
  );
  const reimport = await api("/api/positions/import?mode=replace", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: text,
  });
  expect(await reimport.json()).toMatchObject({ received: 2, imported: 2, rejected: [] });

  const jsonFile = await download(page, "export-positions-json");
  const rows = JSON.parse(jsonFile.body.toString("utf8")) as Array<{ position_id: string; position_value: number }>;
  expect(rows.map((r) => [r.position_id, r.position_value])).toEqual([
    ["A", 1_000_000],
    ["B", 2_500_000.5],
  ]);

  const xlsxFile = await download(page, "export-positions-xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsxFile.body as unknown as ArrayBuffer);
  expect(workbook.worksheets[0]?.getRow(3).getCell(9).value).toBe(2_500_000.5);
});
