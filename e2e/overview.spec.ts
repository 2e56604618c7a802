import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

const DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band"];

test("a new install loads the sample portfolio: a dial per dimension and the totals", async ({
  page,
  portfolio,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("overview-empty")).toBeVisible();
  await snapshot(page, testInfo, "overview-empty");

  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("dial-strategy")).toBeVisible({ timeout: 60_000 });
  for (const dimension of DIMENSIONS) await expect(page.getByTestId(`dial-${dimension}`)).toBeVisible();
  await expect(page.getByTestId("position-count")).toHaveText("300");
  await expect(page.getByTestId("total-value")).toHaveText(/^\$[\d.]+[MB]$/);
  // The sample's starter limits put value-add over its 30 % maximum: one critical alert.
  await expect(page.getByTestId("dial-strategy")).toHaveAttribute("data-status", "breach");
  await expect(page.getByTestId("dial-strategy")).toContainText("Breach");
  await expect(page.getByTestId("open-alerts")).toContainText("Value add");
  await expect(page.getByTestId("open-alert-count")).toHaveText("1");
  await snapshot(page, testInfo, "overview");
  expect(portfolio).toMatch(/^e2e-/);

  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, testInfo, "overview-narrow");
});

test("recompute takes an as-of date and the nav follows it", async ({ page, api }) => {
  const csv = "position_id,strategy,state,position_value\nA,core,TX,600000\nB,value_add,CA,400000\n";
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).status,
  ).toBe(201);
  await page.goto("/");
  const form = page.getByTestId("recompute-form");
  await form.getByLabel(/as-of date/i).fill("2025-06-30");
  await form.getByRole("button", { name: /recompute/i }).click();
  await expect(page.getByTestId("nav-as-of")).toContainText("Jun 30, 2025");
  await expect(page.getByTestId("dial-strategy")).toContainText("60.0 %");
});
