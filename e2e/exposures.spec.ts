import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

const CSV = [
  "position_id,strategy,state,msa_id,position_value",
  "A,value_add,TX,19100,500000",
  "B,core,TX,26420,300000",
  "C,core,CA,31080,200000",
].join("\n");

test("a dimension's chart, table, map and cross-tab show the computed exposures", async ({ page, api }, testInfo) => {
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: CSV })).status,
  ).toBe(201);
  expect(
    (await api("/api/exposures/runs", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }))
      .status,
  ).toBe(201);

  await page.goto("/exposures/state");
  await expect(page.getByTestId("exposure-bar-chart")).toBeVisible();
  const table = page.getByTestId("exposure-table");
  await expect(table.locator('tr[data-value="TX"]')).toContainText("80.0 %");
  await expect(table.locator('tr[data-value="CA"]')).toContainText("20.0 %");
  await expect(page.getByTestId("concentration")).toContainText("80.0 %");
  await expect(page.getByTestId("state-map").locator('path[data-state="TX"]')).toHaveAttribute(
    "aria-label",
    /Texas \(TX\): 80\.0 %/,
  );
  await snapshot(page, testInfo, "exposures-state");

  await page.getByTestId("dimension-tab-msa").click();
  await expect(page).toHaveURL(/\/exposures\/msa/);
  await expect(page.getByTestId("exposure-table").locator('tr[data-value="19100"]')).toContainText(
    "Dallas-Fort Worth-Arlington, TX",
  );
  await snapshot(page, testInfo, "exposures-msa");

  await page.goto("/exposures/state?rows=state&cols=strategy");
  const crosstab = page.getByTestId("crosstab-table");
  await expect(crosstab).toContainText("Value add");
  await expect(crosstab).toContainText("50.0 %");
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, testInfo, "exposures-narrow");
});

test("the table shows the dollars each value can still take, and a minimum's shortfall", async ({
  page,
  api,
}, testInfo) => {
  const post = (path: string, body: unknown) =>
    api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: CSV })).status,
  ).toBe(201);
  expect((await post("/api/thresholds", { dimensionType: "state", thresholdPct: 85 })).status).toBe(201);
  expect(
    (
      await post("/api/thresholds", {
        dimensionType: "state",
        dimensionValue: "CA",
        thresholdPct: 25,
        thresholdType: "minimum",
      })
    ).status,
  ).toBe(201);
  expect((await post("/api/exposures/runs", {})).status).toBe(201);

  await page.goto("/exposures/state");
  const table = page.getByTestId("exposure-table");
  // TX: (0.85 × 1,000,000 − 800,000) / 0.15; CA: (850,000 − 200,000) / 0.15, and (250,000 − 200,000) / 0.75 short.
  await expect(table.locator('tr[data-value="TX"] [data-testid="capacity-cell"]')).toHaveText("$333.3K");
  await expect(table.locator('tr[data-value="CA"] [data-testid="capacity-cell"]')).toHaveText(
    "$4.3Mneeds +$66.7K for its minimum",
  );
  await table.getByRole("link", { name: /Capacity \$/ }).click();
  await expect(page).toHaveURL(/sort=capacity&dir=asc/);
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-value", "TX");
  await snapshot(page, testInfo, "exposures-capacity");
});

test("an unknown dimension is a 404 with the not-found page", async ({ page, consoleErrors }) => {
  consoleErrors.expect(/status of 404/);
  const response = await page.goto("/exposures/city");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
