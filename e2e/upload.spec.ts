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
