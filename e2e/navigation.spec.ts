import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

test("every page answers in the nav, and an unknown address is a friendly 404", async ({
  page,
  portfolio,
  consoleErrors,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByTestId("nav-as-of")).toContainText("no run yet");
  await snapshot(page, testInfo, "overview-empty");
  expect(portfolio).toMatch(/^e2e-/);

  consoleErrors.expect(/status of 404/);
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
