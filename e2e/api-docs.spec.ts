import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

// The interactive reference at /docs/api: Scalar's, bundled with the app, drawing
// /api/openapi.json under the pages' nonce-based Content-Security-Policy. The consoleErrors
// fixture fails the test on any CSP violation or uncaught error the browser logs.

const TAGS = ["Positions", "Exposures", "Limits", "Alerts", "What-if", "Portfolios", "Notifications", "Admin"];

test("the API reference renders the operations under the strict CSP", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);

  const response = await page.request.get("/docs/api");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");

  // Scalar is a few MB of script, parsed on first visit: on a busy machine that takes a while.
  const sidebar = page.getByRole("complementary", { name: "Sidebar for aker-portfolio REST API" });
  await expect(sidebar).toBeVisible({ timeout: 60_000 });
  for (const tag of TAGS) await expect(sidebar.getByRole("link", { name: tag, exact: true })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: /^Import positions HTTP Method: POST/ })).toBeVisible();
  await sidebar.getByRole("button", { name: "Open Group - Alerts" }).click();
  await sidebar.getByRole("link", { name: /^Acknowledge an alert HTTP Method: POST/ }).click();
  await expect(page.getByText("Needs the manager role or above.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document (JSON)" })).toHaveAttribute(
    "href",
    "/api/openapi.json",
  );
  await snapshot(page, testInfo, "api-reference");
});

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the reference is open to all, as the document is", async ({ page }) => {
    await page.goto("/docs/api");
    await expect(page).toHaveURL(/\/docs\/api$/);
    const sidebar = page.getByRole("complementary", { name: "Sidebar for aker-portfolio REST API" });
    await expect(sidebar).toBeVisible({ timeout: 60_000 });
    await sidebar.getByRole("button", { name: "Open Group - Limits" }).click();
    await expect(sidebar.getByRole("link", { name: /^Create a limit HTTP Method: POST/ })).toBeVisible();
  });
});
