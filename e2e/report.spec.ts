import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

// The committee report (issue 12, part 6): printed to PDF on A4 and on Letter, each section starts a
// page, every section is in the document and the site's navigation is not.

const SECTIONS = [
  "Summary",
  "Exposure by dimension",
  "Breaches",
  "Largest changes since the previous quarter",
  "Trend of the largest values",
];
const NAV_ONLY = ["Scenarios", "Sign out", "Skip to content", "Show report", "Print / Save as PDF"];

const book = (ca: number, tx: number) =>
  `position_id,strategy,state,position_value\nA,value_add,CA,${ca}\nB,core,TX,${tx}\n`;

/** The PDF's page count and its text, one string per page (pdf.js, as a PDF viewer reads it). */
async function readPdf(pdf: Buffer): Promise<{ pages: number; text: string[] }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const loading = getDocument({ data: new Uint8Array(pdf) });
  const document = await loading.promise;
  const text: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const items = content.items.map((item) => ("str" in item ? item.str : ""));
    text.push(items.join(" ").replace(/\s+/g, " "));
  }
  await loading.destroy();
  return { pages: document.numPages, text };
}

test("the report prints to a clean PDF on A4 and Letter: a page per section, no navigation", async ({
  page,
  api,
  portfolio,
}, testInfo) => {
  const post = async (path: string, type: string, body: string) =>
    expect((await api(path, { method: "POST", headers: { "content-type": type }, body })).status).toBe(201);
  await post(
    "/api/thresholds",
    "application/json",
    JSON.stringify({
      dimensionType: "state",
      dimensionValue: "CA",
      thresholdPct: 45,
      thresholdType: "maximum",
      severityLevel: "critical",
      reference: "IPS 4.2",
      note: "Board allows up to 45 % in California",
    }),
  );
  // California's share by quarter: 40 %, 50 %, 55 %, then 70 % in mid-November.
  for (const [asOfDate, ca] of [
    ["2026-03-31", 400_000],
    ["2026-06-30", 500_000],
    ["2026-09-30", 550_000],
    ["2026-11-15", 700_000],
  ] as const) {
    await post("/api/positions/import?mode=replace", "text/csv", book(ca, 1_000_000 - ca));
    await post("/api/exposures/runs", "application/json", JSON.stringify({ asOfDate }));
  }

  await page.goto("/report");
  await expect(page.getByTestId("report-as-of")).toHaveText("Nov 15, 2026");
  await expect(page.getByTestId("report-portfolio")).toHaveText(`E2E ${portfolio}`);
  await expect(page.getByTestId("report-breach-row")).toHaveCount(1);
  await expect(page.getByTestId("report-breach-days")).toContainText("138 days");
  await expect(page.getByTestId("report-change-row")).toHaveCount(6);
  await expect(page.getByTestId("report-changes-table")).toContainText("CA55.0 %$550K70.0 %$700K+15.0 pp+$150K");
  await expect(page.getByTestId("report-trend-chart")).toHaveCount(3);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await snapshot(page, testInfo, "report");

  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format });
    await testInfo.attach(`report-${format}.pdf`, { body: pdf, contentType: "application/pdf" });
    const { pages, text } = await readPdf(pdf);
    // Each section starts a page; the dials take one or two. Anything far beyond means a broken layout.
    expect(pages, format).toBeGreaterThanOrEqual(SECTIONS.length);
    expect(pages, format).toBeLessThanOrEqual(SECTIONS.length + 3);
    const all = text.join("\n");
    for (const heading of SECTIONS) expect(all, `${format}: ${heading}`).toContain(heading);
    // A section's heading opens its page.
    for (const heading of SECTIONS.slice(1))
      expect(
        text.some((p) => p.trimStart().startsWith(heading)),
        `${format}: a page opens with ${heading}`,
      ).toBe(true);
    expect(text[0]).toContain("Investment committee report");
    expect(text[0]).toContain(`E2E ${portfolio}`);
    expect(all).toContain("Board allows up to 45 % in California");
    for (const chrome of NAV_ONLY) expect(all, `${format}: ${chrome}`).not.toContain(chrome);
  }

  // An earlier date from the select: nothing from the quarter before it.
  await page.getByLabel("As of").selectOption("2026-03-31");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/asOf=2026-03-31/);
  await expect(page.getByTestId("report-as-of")).toHaveText("Mar 31, 2026");
  await expect(page.getByTestId("report-no-previous")).toHaveText(
    "No run from the previous quarter (on or before Dec 31, 2025).",
  );
});
