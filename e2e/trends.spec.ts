import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

test("switching the trend range redraws the chart without reloading the page", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByTestId("load-sample").click();
  await expect(page.getByTestId("dial-strategy")).toBeVisible({ timeout: 60_000 });

  await page.goto("/trends");
  const chart = page.getByTestId("trend-chart");
  await expect(chart).toBeVisible();
  const span = page.getByTestId("trend-span");
  const points = async () => Number(await span.getAttribute("data-points"));
  // The series arrive after the first paint: wait for them rather than read a half-loaded chart.
  await expect.poll(points).toBeGreaterThanOrEqual(12);
  const yearPoints = await points();
  await expect(page.getByTestId("trend-change-row")).toHaveCount(3);
  await snapshot(page, testInfo, "trends-1y");

  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  await page.getByLabel("3 months").check();
  await expect.poll(points).toBeGreaterThanOrEqual(3);
  await expect.poll(points).toBeLessThan(yearPoints);
  const quarterPoints = await points();
  expect(quarterPoints).toBeLessThan(yearPoints);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  expect(page.url()).toContain("3m");
  await snapshot(page, testInfo, "trends-3m");

  await page.getByLabel("All").check();
  await expect(page.getByTestId("trend-span")).toHaveAttribute("data-points", /\d+/);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
