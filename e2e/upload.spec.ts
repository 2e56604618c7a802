import { expect, snapshot, test } from "../tests/support/e2e-fixtures";
import { fixture } from "../tests/support/import-fixtures";

// Five good rows and two bad ones (rows 4 and 7 as a spreadsheet numbers them).
const CSV = [
  "position_id,strategy,state,msa_id,position_value,notes",
  'P1,value_add,TX,19100,"$3,000,000.00",ok',
  "P2,core,TX,26420,2000000,ok",
  "P3,core,ZZ,31080,1000000,bad state",
  "P4,core_plus,CA,31080,2500000,ok",
  "P5,development,CA,41860,1500000,ok",
  "P6,core,NY,35620,-5,bad value",
  "P7,value_add,FL,33100,1000000,ok",
].join("\n");

test("upload a CSV with two bad rows: the preview lists them, valid rows import, exposures match", async ({
  page,
  api,
}, testInfo) => {
  await page.goto("/positions");
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });

  const rejected = page.getByTestId("preview-rejected");
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText("4");
  await expect(rejected.nth(0)).toContainText('state "ZZ"');
  await expect(rejected.nth(1)).toContainText("7");
  await expect(rejected.nth(1)).toContainText("position_value");
  await expect(page.getByTestId("import-button")).toBeDisabled();
  await snapshot(page, testInfo, "positions-preview");

  // Nothing is written before the user chooses.
  expect(((await (await api("/api/positions")).json()) as { items: unknown[] }).items).toHaveLength(0);

  await page
    .getByTestId("import-mode")
    .getByLabel(/import valid rows only/i)
    .check();
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-outcome")).toContainText(/Imported 5 positions/, { timeout: 60_000 });
  await expect(page.getByTestId("positions-count")).toContainText("5");
  await expect(page.getByTestId("import-history")).toContainText("book.csv");
  await snapshot(page, testInfo, "positions");

  // The import recomputed exposures: TX holds 5M of 10M, CA 4M.
  const latest = (await (await api("/api/exposures/latest")).json()) as {
    totalPortfolioValue: number;
    exposures: Array<{ dimensionType: string; dimensionValue: string; exposurePct: number }>;
  };
  expect(latest.totalPortfolioValue).toBe(10_000_000);
  await page.goto("/exposures/state");
  await expect(page.getByTestId("exposure-table").locator('tr[data-value="TX"]')).toContainText("50.0 %");
  await expect(page.getByTestId("exposure-table").locator('tr[data-value="CA"]')).toContainText("40.0 %");
});

test("a semicolon CSV with decimal commas, saved by Excel in Windows-1252: read as such and imported", async ({
  page,
  api,
}) => {
  await page.goto("/positions");
  await page.getByTestId("upload-input").setInputFiles({
    name: "book-de.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(fixture("excel-windows-1252-semicolon.csv")),
  });

  await expect(page.getByTestId("file-interpretation")).toHaveText(
    "Read as semicolon-separated, decimal comma, Windows-1252",
  );
  await expect(page.getByTestId("preview-sample")).toContainText("Café Lofts");
  await expect(page.getByTestId("preview-rejected")).toHaveCount(1);
  await expect(page.getByTestId("preview-rejected")).toContainText('(got "(12)")');

  await page
    .getByTestId("import-mode")
    .getByLabel(/import valid rows only/i)
    .check();
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-outcome")).toContainText(/Imported 4 positions/, { timeout: 60_000 });
  const stored = (await (await api("/api/positions")).json()) as {
    items: Array<{ assetId: string; positionValue: number }>;
  };
  expect(stored.items.map((p) => [p.assetId, p.positionValue])).toEqual([
    ["Café Lofts", 1_000_000.5],
    ["Zürich Court", 2_500_000],
    ["Peña Flats", 750_000.25],
    ["Lake View", 12_345_678.9],
  ]);
});

test("a workbook with other headers: synonyms read, a select maps Deal Code, the next upload remembers it", async ({
  page,
  api,
}, testInfo) => {
  const workbook = {
    name: "unusual.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(fixture("unusual-headers.xlsx")),
  };
  await page.goto("/positions");
  await page.getByTestId("upload-input").setInputFiles(workbook);

  // Market Value, Metro, Year Built and Unit Count were recognised, so the columns are open to check.
  const columns = page.getByTestId("column-mapping");
  await expect(columns.getByLabel("Market Value")).toHaveValue("position_value");
  await expect(columns.getByLabel("Metro")).toHaveValue("msa_id");
  await expect(columns.getByLabel("Year Built")).toHaveValue("vintage");
  await expect(columns.getByLabel("Unit Count")).toHaveValue("units");
  await expect(columns.getByLabel("Deal Code")).toHaveValue("");

  // By keyboard: focus the select and pick position_id.
  await columns.getByLabel("Deal Code").focus();
  await columns.getByLabel("Deal Code").selectOption("position_id");
  await expect(page.getByTestId("preview-sample")).toContainText("D-101");
  await expect(columns.getByTestId("column-row").first()).toContainText("your choice");
  await snapshot(page, testInfo, "positions-columns");

  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-outcome")).toContainText(/Imported 5 positions/, { timeout: 60_000 });
  const stored = (await (await api("/api/positions")).json()) as {
    items: Array<{ positionId: string; msaId: string; positionValue: number }>;
  };
  expect(stored.items.map((p) => [p.positionId, p.msaId, p.positionValue])).toEqual([
    ["D-101", "19100", 12_500_000],
    ["D-102", "16980", 48_250_000.5],
    ["D-103", "12420", 9_800_000],
    ["D-104", "33100", 21_000_000],
    ["D-105", "38060", 7_350_000],
  ]);

  // The next upload: Deal Code is position_id again, remembered for this portfolio.
  await page.getByTestId("upload-input").setInputFiles(workbook);
  await expect(page.getByTestId("column-mapping").getByLabel("Deal Code")).toHaveValue("position_id");
  await expect(page.getByTestId("column-mapping").getByTestId("column-row").first()).toContainText("remembered");
  await expect(page.getByTestId("preview-sample")).toContainText("D-101");
});
