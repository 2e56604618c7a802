import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

const book = (valueAdd: number, core: number) =>
  `position_id,strategy,state,position_value\nA,value_add,CA,${valueAdd}\nB,core,TX,${core}\n`;

test("a breach appears in the inbox without reload, is acknowledged, then auto-resolves", async ({
  page,
  api,
}, testInfo) => {
  const load = async (valueAdd: number, core: number) => {
    expect(
      (
        await api("/api/positions/import", {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body: book(valueAdd, core),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api("/api/exposures/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(201);
  };
  await load(400_000, 600_000);
  await page.goto("/alerts");
  await expect(page.getByTestId("alerts-empty")).toBeVisible();

  // A limit the data breaches, created while the inbox is open: the alert arrives by polling.
  const limit = {
    dimensionType: "strategy",
    dimensionValue: "value_add",
    thresholdPct: 30,
    thresholdType: "maximum",
    severityLevel: "critical",
  };
  expect(
    (
      await api("/api/thresholds", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(limit),
      })
    ).status,
  ).toBe(201);
  const row = page.getByTestId("alert-row").first();
  await expect(row).toContainText(
    "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%",
    { timeout: 20_000 },
  );
  await expect(page.getByTestId("open-alert-count")).toHaveText("1");

  await row.getByTestId("ack-button").click();
  const dialog = page.getByTestId("alert-action-dialog");
  await dialog.getByTestId("action-comment").fill("Selling two assets in Q3");
  await dialog.getByTestId("action-submit").click();
  await expect(row.getByTestId("alert-status")).toHaveAttribute("data-status", "acknowledged");
  await row.getByRole("button", { name: /history/i }).click();
  const history = row.getByTestId("alert-history");
  // Who acknowledged is the signed-in user, not something typed.
  await expect(history).toContainText("Test manager");
  await expect(history).toContainText("Selling two assets in Q3");
  await snapshot(page, testInfo, "alerts-acknowledged");

  // The data changes so the breach clears: the next run resolves it by itself.
  await load(200_000, 800_000);
  await expect(page.getByTestId("alerts-empty")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("open-alert-count")).toHaveText("0");
  await page.getByTestId("status-filter-resolved").click();
  const resolved = page.getByTestId("alert-row").first();
  await expect(resolved).toContainText("Resolved automatically");
  await expect(resolved.getByTestId("alert-status")).toHaveAttribute("data-status", "auto");
  await snapshot(page, testInfo, "alerts-resolved");
});

test("a breach the committee accepted is waived with a reason and a date, then taken back", async ({ page, api }) => {
  const post = (path: string, type: string, body: string) =>
    api(path, { method: "POST", headers: { "content-type": type }, body });
  expect((await post("/api/positions/import", "text/csv", book(400_000, 600_000))).status).toBe(201);
  const limit = { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 };
  expect((await post("/api/thresholds", "application/json", JSON.stringify(limit))).status).toBe(201);
  expect((await post("/api/exposures/runs", "application/json", "{}")).status).toBe(201);

  await page.goto("/alerts");
  const row = page.getByTestId("alert-row").first();
  await expect(row).toContainText("strategy='value_add'");
  await row.getByTestId("waive-button").click();
  const dialog = page.getByTestId("alert-action-dialog");
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByTestId("action-until").fill(until);
  await dialog.getByTestId("action-comment").fill("IC approved through the quarter");
  await dialog.getByTestId("action-submit").click();

  // Out of the open list and the badge; on the Waived tab with who, until and why.
  await expect(page.getByTestId("alerts-empty")).toBeVisible();
  await expect(page.getByTestId("open-alert-count")).toHaveText("0");
  await page.getByTestId("status-filter-waived").click();
  const waived = page.getByTestId("alert-row").first();
  await expect(waived.getByTestId("alert-status")).toHaveAttribute("data-status", "waived");
  await expect(waived.getByTestId("alert-waiver")).toContainText("Test manager");
  await expect(waived.getByTestId("alert-waiver")).toContainText("IC approved through the quarter");

  await waived.getByTestId("unwaive-button").click();
  await dialog.getByTestId("action-submit").click();
  await expect(page.getByTestId("alerts-empty")).toBeVisible();
  await page.getByTestId("status-filter-open").click();
  await expect(page.getByTestId("alert-row").first().getByTestId("alert-status")).toHaveAttribute(
    "data-status",
    "active",
  );
});

test("a notification's link opens the inbox at its alert, and says when it is about another portfolio", async ({
  page,
  api,
}) => {
  const post = (path: string, type: string, body: string) =>
    api(path, { method: "POST", headers: { "content-type": type }, body });
  expect((await post("/api/positions/import", "text/csv", book(400_000, 600_000))).status).toBe(201);
  const limit = { dimensionType: "strategy", thresholdPct: 30 };
  expect((await post("/api/thresholds", "application/json", JSON.stringify(limit))).status).toBe(201);
  expect((await post("/api/exposures/runs", "application/json", "{}")).status).toBe(201);
  const alerts = (await (await api("/api/alerts?status=open")).json()) as { items: Array<{ id: string }> };
  const last = alerts.items.at(-1)?.id ?? "";

  await page.goto(`/alerts?status=all&alert=${last}&portfolio=some-other-fund`);
  const row = page.locator(`[data-alert-id="${last}"]`);
  await expect(row).toHaveAttribute("data-linked", "true");
  await expect(row).toBeFocused();
  await expect(page.getByTestId("other-portfolio-note")).toContainText("some-other-fund");
});
