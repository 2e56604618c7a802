import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

// Issue 10: a manager writes an amount limit and a target limit in the form, as fund documents
// write them, and sees both breach on the overview and in the alerts.

type Api = (path: string, init?: RequestInit) => Promise<Response>;

/** The book from a CSV, and a run of it today. */
async function importAndRun(api: Api, csv: string): Promise<void> {
  const imported = await api("/api/positions/import", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: csv,
  });
  expect(imported.status).toBe(201);
  const run = await api("/api/exposures/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(run.status).toBe(201);
}

test("an amount limit and a target limit, made in the form, both breach on the overview", async ({
  page,
  api,
}, testInfo) => {
  // Core 60 % in Dallas (19100), value-add 40 % in Los Angeles (31080); $1M in all.
  const csv = "position_id,strategy,state,msa_id,position_value\nA,value_add,CA,31080,400000\nB,core,TX,19100,600000\n";
  await importAndRun(api, csv);

  await page.goto("/limits");
  const form = page.getByTestId("limit-form");

  // At most $500K in any one MSA: the form shows only an amount, in dollars.
  await form.getByLabel("Dimension").selectOption("msa");
  await form.getByLabel("Kind").selectOption("amount");
  await expect(form.getByLabel(/^Threshold/)).toHaveCount(0);
  await form.getByLabel("Amount ($)").fill("500,000");
  // The clause it comes from, shown beside the rule and on its alerts (issue 11).
  await form.getByLabel("Reference").fill("LPA §7.2(b)");
  await form.getByLabel("Note").fill("Agreed with the advisory committee.");
  await form.getByRole("button", { name: "Create limit" }).click();
  const capRow = page.getByTestId("limit-row").filter({ hasText: "at most $500.0K" });
  await expect(capRow).toHaveCount(1);
  await expect(capRow.getByTestId("limit-reference")).toContainText("· LPA §7.2(b)");
  await expect(capRow.getByTestId("limit-note")).toHaveAttribute("title", "Agreed with the advisory committee.");

  // Core 40 % ± 5 pp: a target has no maximum or minimum, only its band.
  await form.getByLabel("Dimension").selectOption("strategy");
  await form.getByLabel("Kind").selectOption("target");
  await expect(form.getByText("Maximum (at most)")).toHaveCount(0);
  await form.getByLabel(/^Value/).fill("core");
  await form.getByLabel(/^Target/).fill("40");
  await expect(form.getByText("Default: ± 8.0 pp.")).toBeVisible();
  await form.getByLabel(/^Band/).fill("5");
  await form.getByRole("button", { name: "Create limit" }).click();
  await expect(page.getByTestId("limit-row").filter({ hasText: "40.0 % ± 5.0 pp" })).toHaveCount(1);
  await expect(page.getByTestId("limit-kind")).toHaveText(["Amount", "Target with band"]);
  await snapshot(page, testInfo, "limit-kinds");

  await page.goto("/");
  const alerts = page.getByTestId("open-alerts");
  await expect(alerts).toContainText("at $600K, above the maximum of $500K · LPA §7.2(b)");
  await expect(alerts).toContainText("Strategy: Core at 60.0 %, off its target of 40.0 %");
  // The strategy dial draws core's target band and says how far past it core is.
  const dial = page.getByTestId("dial-strategy");
  await expect(dial).toHaveAttribute("data-status", "breach");
  await expect(dial.getByTestId("gauge-band")).toHaveCount(1);
  await expect(dial).toContainText("Target 40.0 % ± 5.0 pp · 15.0 pp past its band");
  // The MSA dial draws the $500K cap at the half of the $1M book it is.
  const msa = page.getByTestId("dial-msa");
  await expect(msa.getByTestId("gauge-limit")).toHaveCount(1);
  await expect(msa).toContainText("Limit $500.0K (≈ 50.0 %) · over by $100.0K");
  await snapshot(page, testInfo, "overview-limit-kinds");

  await page.goto("/alerts");
  await expect(
    page.getByText("Exposure threshold breached: msa='19100' at $600.0K exceeds maximum of $500.0K"),
  ).toBeVisible();
  await expect(
    page.getByText("Target drift: strategy='core' at 60.0% is 20.0 pp above target 40.0% (band ±5.0 pp)"),
  ).toBeVisible();
  // Only the cap has a reference and a note.
  await expect(page.getByTestId("alert-reference")).toHaveCount(1);
  await expect(page.getByTestId("alert-limit-note")).toHaveText("Limit note: Agreed with the advisory committee.");
});

test("the exposures page counts in value, units or positions, kept in the URL", async ({ page, api }) => {
  // TX: one $900K building of 40 units; CA: two $50K buildings of 30 and 50 units, one with no units.
  const csv =
    "position_id,strategy,state,position_value,units\nA,core,TX,900000,40\nB,core,CA,50000,30\nC,core,CA,50000,\nD,core,CA,1,50\n";
  await importAndRun(api, csv);

  await page.goto("/exposures/state");
  const table = page.getByTestId("exposure-table");
  await expect(table.locator('tr[data-value="TX"] td').first()).toHaveText("90.0 %");
  await expect(table.getByTestId("capacity-cell").first()).toBeVisible();

  await page.getByTestId("basis-switch").getByRole("link", { name: "Positions" }).click();
  await expect(page).toHaveURL(/basis=positions/);
  // CA holds three of the four positions.
  await expect(table.locator('tr[data-value="CA"] td').first()).toHaveText("75.0 %");
  await expect(table.getByTestId("capacity-cell")).toHaveCount(0);

  await page.getByTestId("basis-switch").getByRole("link", { name: "Units" }).click();
  await expect(page).toHaveURL(/basis=units/);
  // 120 units: TX 40 (33.3 %), CA 80 (66.7 %); position C has no units and is counted in Unknown.
  await expect(table.getByRole("columnheader", { name: /^Units/ })).toBeVisible();
  await expect(table.locator('tr[data-value="CA"] td').first()).toHaveText("66.7 %");
  await expect(table.locator('tr[data-value="unknown"]')).toBeVisible();
});

test("the trends page counts in value, units or positions, kept in the URL", async ({ page, api }) => {
  // Two month-ends: value_add is 90 % of the value but half the positions, and a third of the units.
  for (const [asOfDate, coreUnits] of [
    ["2025-01-31", 100],
    ["2025-02-28", 200],
  ] as const) {
    const body = JSON.stringify({
      asOfDate,
      positions: [
        { position_id: "VA", strategy: "value_add", position_value: 900_000, units: 100 },
        { position_id: "CO", strategy: "core", position_value: 100_000, units: coreUnits },
      ],
    });
    const reply = await api("/api/exposures/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(reply.status).toBe(201);
  }

  await page.goto("/trends?dim=strategy&v=value_add&range=all");
  const changes = page.getByTestId("trend-explorer");
  await expect(changes).toContainText("90.0 %");
  await page.getByTestId("trend-basis").getByText("Units").click();
  await expect(page).toHaveURL(/basis=units/);
  // Units: 50 % in January, a third in February.
  await expect(changes).toContainText("33.3 %");
  await page.reload();
  await expect(page.getByTestId("trend-basis").getByRole("radio", { name: "Units" })).toBeChecked();
  await page.getByTestId("trend-basis").getByText("Positions").click();
  await expect(page).toHaveURL(/basis=positions/);
  await expect(changes).toContainText("50.0 %");
});

test("region: an ODCE-style preset breaches, the region page maps states by their region", async ({ page, api }) => {
  // South: TX 500K + GA 200K = 70 %; West: CA 200K; PR 100K is in no NCREIF region (unknown).
  const csv =
    "position_id,strategy,state,position_value\nA,core,TX,500000\nB,core,GA,200000\nC,core,CA,200000\nD,core,PR,100000\n";
  await importAndRun(api, csv);

  await page.goto("/limits");
  await page.getByTestId("preset-region-65").click();
  const form = page.getByTestId("limit-form");
  await expect(form.getByLabel("Dimension")).toHaveValue("region");
  await form.getByRole("button", { name: "Create limit" }).click();
  await expect(page.getByTestId("limit-row").filter({ hasText: "Region" })).toHaveCount(1);

  await page.goto("/");
  await expect(page.getByTestId("dial-region")).toHaveAttribute("data-status", "breach");
  await expect(page.getByTestId("open-alerts")).toContainText("South");

  await page.goto("/exposures/region");
  const table = page.getByTestId("exposure-table");
  await expect(table.locator('tr[data-value="south"] td').first()).toHaveText("70.0 %");
  await expect(table.locator('tr[data-value="unknown"] td').first()).toHaveText("10.0 %");
  const map = page.getByTestId("state-map");
  await expect(map).toHaveAttribute("data-by", "region");
  await expect(map.locator('path[data-state="FL"]')).toHaveAttribute("aria-label", /Florida, South region.*70\.0 %/);
});
