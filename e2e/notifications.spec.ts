import { expect, snapshot, test } from "../tests/support/e2e-fixtures";
import { type HttpReceiver, startHttpReceiver } from "../tests/support/receivers";

// An admin sets up a webhook to a receiver on loopback (the e2e server runs with
// AKER_WEBHOOK_ALLOW_PRIVATE=1), tests it, watches a breach's delivery fail and retries it. The
// channel is for this spec's portfolio only and is deleted at the end, so other specs send nothing.

test.use({ role: "admin" });

let receiver: HttpReceiver;
test.beforeEach(async () => {
  receiver = await startHttpReceiver();
});
test.afterEach(async () => {
  await receiver.close();
});

const book = "position_id,strategy,state,position_value\nA,value_add,CA,400000\nB,core,TX,600000\n";
const limit = {
  dimensionType: "strategy",
  dimensionValue: "value_add",
  thresholdPct: 30,
  thresholdType: "maximum",
  severityLevel: "critical",
};

test("an admin adds a webhook, tests it, sees a breach's delivery fail and retries it", async ({
  page,
  api,
  portfolio,
}, testInfo) => {
  await page.goto("/admin/notifications");
  await expect(page.getByRole("link", { name: "Notifications" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "New channel" }).click();
  const form = page.getByTestId("channel-form");
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByLabel("Recipients")).toHaveCount(0); // a webhook takes a URL and a secret
  await form.getByLabel("Name").fill("Risk desk hook");
  await form.getByLabel("URL").fill(receiver.url("/hook"));
  await form.getByLabel("Secret").fill("short");
  await form.getByLabel("Portfolio").selectOption(portfolio);
  await form.getByRole("checkbox", { name: "Strategy" }).check();
  await form.getByRole("button", { name: "Create channel" }).click();
  await expect(form.getByText("must be at least 16 characters")).toBeVisible();
  await form.getByLabel("Secret").fill("whsec_e2e_0123456789abcdef");
  await form.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByTestId("channels-status")).toHaveText("Channel “Risk desk hook” created.");

  const row = page.getByTestId("channel-row").filter({ hasText: "Risk desk hook" });
  await expect(row).toContainText(`E2E ${portfolio}`);
  await expect(row).toContainText("Strategy");
  await expect(row.getByTestId("channel-destination")).toHaveText(`${receiver.url("/hook")} · secret set`);

  await row.getByRole("button", { name: "Send a test to Risk desk hook" }).click();
  await expect(row.getByTestId("channel-test-result")).toHaveText("✓ Test sent: the receiver answered.");
  expect(receiver.requests.map((r) => JSON.parse(r.body).type)).toEqual(["test"]);
  expect(receiver.requests[0]?.headers["x-aker-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

  // The receiver goes down; a breach's delivery fails (the worker sends within seconds).
  receiver.answer(...Array<number>(20).fill(503));
  const json = { "content-type": "application/json" };
  const imported = await api("/api/positions/import", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: book,
  });
  expect(imported.status).toBe(201);
  expect((await api("/api/thresholds", { method: "POST", headers: json, body: JSON.stringify(limit) })).status).toBe(
    201,
  );
  expect((await api("/api/exposures/runs", { method: "POST", headers: json, body: "{}" })).status).toBe(201);

  const delivery = page.getByTestId("delivery-row").filter({ hasText: "Risk desk hook" }).first();
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(delivery.getByTestId("delivery-status")).toHaveAttribute("data-status", "failed", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(delivery).toContainText("Opened");
  await expect(delivery.getByTestId("delivery-alert")).toContainText(
    "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%",
  );
  await expect(delivery.getByTestId("delivery-status")).toHaveText("↻Failed, will retry");
  await expect(delivery.getByTestId("delivery-error")).toContainText("503");

  // The filter lives in the URL.
  await page.getByLabel("Status", { exact: true }).selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(delivery).toBeVisible();
  await snapshot(page, testInfo, "notifications-failed-delivery");

  // Back up: Retry now sends it at once instead of after the backoff.
  receiver.answer();
  await delivery.getByRole("button", { name: "Retry now: Opened to Risk desk hook" }).click();
  await expect(page.getByTestId("delivery-retry-status")).toHaveText(
    "Delivery to Risk desk hook is due again: it is sent within a few seconds.",
  );
  await page.goto("/admin/notifications?status=sent");
  const sent = page.getByTestId("delivery-row").filter({ hasText: "Risk desk hook" }).first();
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(sent.getByTestId("delivery-status")).toHaveAttribute("data-status", "sent", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(sent.getByRole("button", { name: /Retry now/ })).toHaveCount(0);
  expect(receiver.requests.some((r) => JSON.parse(r.body).type === "alert.opened")).toBe(true);

  // Delete asks first; the confirmation takes the focus.
  await row.getByRole("button", { name: "Delete Risk desk hook" }).click();
  await expect(row.getByRole("button", { name: "Confirm delete Risk desk hook" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("channels-status")).toHaveText("Channel “Risk desk hook” deleted.");
  await expect(row).toHaveCount(0);
});

test.describe("as a manager", () => {
  test.use({ role: "manager" });

  test("the page is not offered, and refused", async ({ page, consoleErrors }) => {
    consoleErrors.expect(/status of 403/);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Notifications" })).toHaveCount(0);
    const response = await page.goto("/admin/notifications");
    expect(response?.status()).toBe(403);
  });
});
