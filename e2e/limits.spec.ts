import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

test("the limit form validates as you type and shows server errors next to the field", async ({
  page,
  api,
}, testInfo) => {
  const csv = "position_id,strategy,state,position_value\nA,value_add,CA,400000\nB,core,TX,600000\n";
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: csv })).status,
  ).toBe(201);
  expect(
    (await api("/api/exposures/runs", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }))
      .status,
  ).toBe(201);

  await page.goto("/limits");
  const form = page.getByTestId("limit-form");
  await form.getByLabel("Dimension").selectOption("state");
  await form.getByLabel(/^Value/).fill("zz");
  await expect(form.getByText(/not a US state/i)).toBeVisible();
  await form.getByLabel(/^Threshold/).fill("130");
  await expect(form.getByText("must be between 0 and 100")).toBeVisible();
  await snapshot(page, testInfo, "limits-invalid");

  await form.getByLabel(/^Value/).fill("tx");
  await form.getByLabel(/^Threshold/).fill("35");
  await form.getByRole("button", { name: "Create limit" }).click();
  await expect(page.getByTestId("limit-row").filter({ hasText: "TX" })).toHaveCount(1);
  // TX is 60 % against a 35 % maximum: the comparison lists it as a breach, first.
  await expect(page.getByTestId("utilization-row").first()).toHaveAttribute("data-status", "breach");

  // The same limit again: the server's 409 is shown in the form, next to the value.
  await form.getByLabel("Dimension").selectOption("state");
  await form.getByLabel(/^Value/).fill("TX");
  await form.getByLabel(/^Threshold/).fill("35");
  await form.getByRole("button", { name: "Create limit" }).click();
  await expect(page.getByTestId("limit-form-message")).toContainText(/already exists/);
  await expect(form.getByText("duplicate limit")).toBeVisible();
  await expect(page.getByTestId("limit-row")).toHaveCount(1);
  await snapshot(page, testInfo, "limits");
});
