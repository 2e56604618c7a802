import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { type AppServer, type Seeded, startAppServer } from "../tests/support/app-server";
import { audit } from "../tests/support/e2e-axe";
import { expect, test, USERS } from "../tests/support/e2e-fixtures";

// Issue 12, part 4: axe-core on every page, empty and loaded, and with each dialog open: no
// serious or critical finding. Each test audits all its pages before it fails, so the log holds
// one line per page (the figures the README quotes).

test.use({ role: "admin", reducedMotion: "reduce" });
test.describe.configure({ timeout: 300_000 });

type Api = (path: string, init?: RequestInit) => Promise<Response>;

// A $40M book across every dimension: value_add 37.5 % (over its 30 % maximum), TX 42.5 %
// (near its 45 % maximum), one row rejected in the upload preview below.
const BOOK = [
  "position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value",
  "P1,Riverside Flats,31080,value_add,CA,1987,garden,class b,6000000",
  "P2,Lakeshore Tower,16980,core,IL,2016,high-rise,class a,5000000",
  "P3,Alamo Court,41700,value_add,TX,1979,garden,class c,5000000",
  "P4,Bayou Lofts,26420,core_plus,TX,2004,mid-rise,class b,7000000",
  "P5,Peachtree Commons,12060,core,GA,2012,mid-rise,class a,4000000",
  "P6,Desert Bloom,38060,development,AZ,2024,garden,class a,3000000",
  "P7,Harbor View,33100,value_add,FL,1991,mid-rise,class b,4000000",
  "P8,Lone Star Yards,19100,core,TX,2008,garden,class b,5000000",
  "P9,Copley Row,14460,core_plus,MA,1999,high-rise,class a,1000000",
].join("\n");

const LIMITS = [
  { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30, severityLevel: "critical" },
  { dimensionType: "state", dimensionValue: "TX", thresholdPct: 45, severityLevel: "warning" },
  { dimensionType: "state", thresholdPct: 20, severityLevel: "warning", note: "No state above a fifth" },
  { dimensionType: "construction_type", dimensionValue: "garden", thresholdPct: 60, severityLevel: "warning" },
];

async function seed(api: Api): Promise<void> {
  const post = (path: string, body: unknown) =>
    api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const imported = await api("/api/positions/import", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: BOOK,
  });
  expect(imported.status).toBe(201);
  for (const limit of LIMITS) expect((await post("/api/thresholds", limit)).status).toBe(201);
  // A few as-of dates, so trends and the report's previous quarter have something to draw.
  for (const asOfDate of ["2025-03-31", "2025-06-30", "2025-09-30"])
    expect((await post("/api/exposures/runs", { asOfDate })).status).toBe(201);
  const alerts = (await (await api("/api/alerts?status=active")).json()) as { items: Array<{ id: string }> };
  expect(alerts.items.length).toBeGreaterThan(1);
  // One acknowledged, so the inbox shows both states and a history.
  const first = alerts.items[0]?.id ?? "";
  expect((await post(`/api/alerts/${first}/acknowledge`, { comment: "Selling P3 in Q4" })).status).toBe(200);
}

const DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band", "region"];

/** Every page of the app a signed-in admin reaches (sign-in and the API reference are below). */
const PAGES = [
  "/",
  ...DIMENSIONS.map((d) => `/exposures/${d}`),
  "/firm/strategy",
  "/firm/state",
  "/trends",
  "/limits",
  "/scenarios",
  "/alerts",
  "/positions",
  "/report",
  "/admin",
  "/admin/notifications",
  "/profile",
];

async function auditPages(page: Page, state: string, paths: readonly string[]): Promise<string[]> {
  const findings: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    findings.push(...(await audit(page, `${state} ${path}`)));
  }
  return findings;
}

test("every page, empty: a fresh portfolio with no positions or runs", async ({ page }) => {
  const findings = await auditPages(page, "empty", PAGES);
  expect(findings, findings.join("\n")).toEqual([]);
});

test("every page, loaded: positions, runs, limits in breach, alerts", async ({ page, api, consoleErrors }) => {
  await seed(api);
  const findings = await auditPages(page, "loaded", PAGES);

  // The map's tooltip, shown on hover.
  await page.goto("/exposures/state");
  await page.locator('[data-testid="state-map"] [data-state="TX"]').hover();
  findings.push(...(await audit(page, "loaded /exposures/state map hover")));

  // A trend with several values picked, and the alert history unfolded.
  await page.goto("/alerts");
  await page
    .getByTestId("alert-row")
    .first()
    .getByRole("button", { name: /history/i })
    .click();
  await expect(page.getByTestId("alert-history").first()).toBeVisible();
  findings.push(...(await audit(page, "loaded /alerts history open")));

  // A missing page.
  consoleErrors.expect(/status of 404/);
  await page.goto("/no-such-page");
  findings.push(...(await audit(page, "loaded 404")));
  expect(findings, findings.join("\n")).toEqual([]);
});

test("every chart has a text alternative: a summary as its name, or a caption pointing at its table", async ({
  page,
  api,
}) => {
  await seed(api);
  const named = async (charts: Locator, atLeast = 1) => {
    expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
    for (const chart of await charts.all()) await expect(chart).toHaveAccessibleName(/\w{3,}/);
  };

  // Overview: one dial per dimension, each an image named with its value, limit and status.
  await page.goto("/");
  await named(page.locator('[data-testid^="dial-"] svg[role="img"]'), DIMENSIONS.length);
  await expect(page.locator('[data-testid="dial-strategy"] svg[role="img"]')).toHaveAccessibleName(/Value add.*%/);

  // Exposures: the bar chart's name lists the largest values with their status; the map is a
  // labelled group of states, each named with its share.
  await page.goto("/exposures/strategy");
  await expect(page.getByTestId("exposure-bar-chart")).toHaveAccessibleName(
    /share of portfolio value by Strategy: Value add 37\.5 % \(breach\)/,
  );
  await page.goto("/exposures/state");
  await named(page.getByTestId("exposure-bar-chart"));
  await named(page.getByTestId("state-map"));
  await expect(page.locator('[data-testid="state-map"] [data-state="TX"]')).toHaveAccessibleName(/Texas.*42\.5 %/);

  // Trends: the line chart's caption names its series and points at the change table.
  await page.goto("/trends");
  await expect(page.getByTestId("trend-chart")).toHaveAccessibleName(/Line chart of exposure %.*change table/);

  // The report: dials and one sparkline per dimension, each named, beside their table.
  await page.goto("/report");
  await named(page.locator('[data-testid^="dial-"] svg[role="img"]'), DIMENSIONS.length);
  await named(page.locator('[data-testid="report-trend-chart"] svg[role="img"]'), 1);
  await expect(page.locator('[data-testid="report-trend-chart"] svg[role="img"]').first()).toHaveAccessibleName(
    /share of portfolio value over time: [\d.]+ % on .* to [\d.]+ % on /,
  );
});

test("every dialog, confirmation and drawer open", async ({ page, api, portfolio }) => {
  await seed(api);
  const findings: string[] = [];
  const check = async (name: string) => findings.push(...(await audit(page, name)));

  // Alerts: acknowledge, resolve, waive, and the bulk dialog (native <dialog>s).
  await page.goto("/alerts");
  const row = page.getByTestId("alert-row").last();
  const dialog = page.getByTestId("alert-action-dialog");
  for (const action of ["ack", "resolve", "waive"]) {
    await row.getByTestId(`${action}-button`).click();
    await expect(dialog).toBeVisible();
    await check(`dialog /alerts ${action}`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
  await page.getByTestId("select-all").check();
  await page.getByTestId("bulk-ack-button").click();
  await expect(dialog).toBeVisible();
  await check("dialog /alerts bulk acknowledge");
  await page.keyboard.press("Escape");

  // Limits: editing one, and the delete confirmation.
  await page.goto("/limits");
  await page
    .getByRole("button", { name: /^Edit / })
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await check("form /limits editing a limit");
  await page.goto("/limits");
  await page
    .getByRole("button", { name: /^Delete / })
    .first()
    .click();
  await expect(page.getByRole("button", { name: /^Confirm delete / })).toBeFocused();
  await check("confirm /limits delete");

  // Positions: the upload preview with a rejected row, and the "how it was read" panel open.
  await page.goto("/positions");
  const withBadRow = `${BOOK}\nP10,Nowhere,,core,ZZ,2000,garden,class a,100`;
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: Buffer.from(withBadRow) });
  await expect(page.getByTestId("preview-rejected")).toHaveCount(1);
  await check("preview /positions upload preview");
  await page.getByRole("button", { name: "Change" }).click();
  await check("preview /positions reading options");

  // Scenarios: a purchase that breaches, the save dialog, then its own page and the commit dialog.
  await page.goto("/scenarios");
  const form = page.getByTestId("purchase-form");
  await form.getByLabel("Position id").fill("PHX-2");
  await form.getByLabel("Strategy").fill("value_add");
  await form.getByLabel("State").fill("AZ");
  await form.getByLabel("Purchase value ($)").fill("5000000");
  await form.getByRole("button", { name: "Add purchase" }).click();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "critical");
  await check("loaded /scenarios evaluated");
  await page.getByRole("button", { name: "Save…" }).click();
  const save = page.getByRole("dialog", { name: "Save the scenario" });
  await expect(save).toBeVisible();
  await check("dialog /scenarios save");
  await save.getByLabel("Name").fill("Phoenix value-add");
  await save.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
  await check("loaded /scenarios/[id]");
  await page.getByRole("button", { name: "Commit…" }).click();
  await expect(page.getByRole("dialog", { name: /Commit/ })).toBeVisible();
  await check("dialog /scenarios/[id] commit");
  await page.keyboard.press("Escape");

  // Admin: archive and revoke confirmations, a new token shown once.
  await page.goto("/admin");
  await page
    .getByRole("button", { name: /^Archive / })
    .first()
    .click();
  await check("confirm /admin archive portfolio");
  await page.goto("/admin");
  await page.getByTestId("new-token-form").getByLabel("Name").fill("a11y script");
  await page.getByTestId("new-token-form").getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token-box")).toBeVisible();
  await check("admin /admin new token shown");
  await page.goto("/admin");
  await page.getByRole("button", { name: "Revoke a11y script" }).click();
  await check("confirm /admin revoke token");

  // Notifications: the channel form, a channel listed with a failing delivery, its delete confirmation.
  await page.goto("/admin/notifications");
  await page.getByRole("button", { name: "New channel" }).click();
  await expect(page.getByTestId("channel-form")).toBeVisible();
  await check("form /admin/notifications new channel");
  const created = await fetch(new URL("/api/notifications/channels", page.url()), {
    method: "POST",
    headers: { ...USERS.admin.headers, "content-type": "application/json" },
    body: JSON.stringify({
      kind: "webhook",
      name: "A11y dead hook",
      portfolio,
      url: "http://127.0.0.1:9/hook",
      secret: "whsec_a11y_0123456789abcdef",
    }),
  });
  expect(created.status).toBe(201);
  const channel = (await created.json()) as { id: string };
  try {
    await page.goto("/admin/notifications");
    await page.getByRole("button", { name: "Delete A11y dead hook" }).click();
    await check("confirm /admin/notifications delete channel");
  } finally {
    await fetch(new URL(`/api/notifications/channels/${channel.id}`, page.url()), {
      method: "DELETE",
      headers: USERS.admin.headers,
    });
  }
  expect(findings, findings.join("\n")).toEqual([]);
});

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in, its error, and the API reference", async ({ page, consoleErrors }) => {
    const findings: string[] = [];
    await page.goto("/sign-in");
    findings.push(...(await audit(page, "public /sign-in")));
    consoleErrors.expect(/status of 40\d/);
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("wrong-password-1");
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page.getByTestId("sign-in-form").getByRole("alert")).toHaveText(/\w/);
    findings.push(...(await audit(page, "public /sign-in failed")));
    await page.goto("/docs/api");
    await expect(page.getByRole("complementary", { name: /Sidebar for/ })).toBeVisible({ timeout: 60_000 });
    findings.push(...(await audit(page, "public /docs/api")));
    expect(findings, findings.join("\n")).toEqual([]);
  });
});

// /setup shows only while the app has no user, so it gets an app of its own: a new database, no one
// seeded (the shared app's users would send /setup to sign-in).
test.describe("first run", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  let app: AppServer | undefined;
  test.afterAll(async () => {
    await app?.stop();
  });

  test("/setup, empty and with its fields filled", async ({ page }) => {
    test.setTimeout(180_000);
    const nobody = { secret: randomBytes(32).toString("base64url"), users: {} } as unknown as Seeded;
    app = await startAppServer("aker_e2e_setup", { seeded: nobody });
    const findings: string[] = [];
    await page.goto(`${app.baseUrl}/setup`);
    await expect(page.getByTestId("setup-form")).toBeVisible();
    findings.push(...(await audit(page, "first run /setup")));
    await page.getByLabel("Your name").fill("Pat Manager");
    await page.getByLabel("Email").fill("pat@fund.test");
    await page.getByLabel("Password (at least 10 characters)").fill("correct-horse");
    findings.push(...(await audit(page, "first run /setup filled")));
    expect(findings, findings.join("\n")).toEqual([]);
  });
});
