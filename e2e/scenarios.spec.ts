import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

// A $1,000,000 book: value_add 40 % (P2, P3), TX 50 % (P1, P2).
const BOOK = [
  "position_id,strategy,state,msa_id,vintage,position_value",
  "P1,core,TX,19100,1975,400000",
  "P2,value_add,TX,19100,1985,100000",
  "P3,value_add,CA,31080,,300000",
  "P4,core_plus,NY,35620,2005,200000",
].join("\n");

type Api = (path: string, init?: RequestInit) => Promise<Response>;

async function seed(api: Api) {
  const post = (path: string, body: unknown) =>
    api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(
    (await api("/api/positions/import", { method: "POST", headers: { "content-type": "text/csv" }, body: BOOK }))
      .status,
  ).toBe(201);
  const limits = [
    { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 50, severityLevel: "critical" },
    { dimensionType: "state", dimensionValue: "TX", thresholdPct: 45, severityLevel: "warning" },
  ];
  for (const limit of limits) expect((await post("/api/thresholds", limit)).status).toBe(201);
}

test("a purchase that breaches a limit: critical verdict, the breach listed as new, the largest purchase that fits", async ({
  page,
  api,
  consoleErrors,
}, testInfo) => {
  await seed(api);
  await page.goto("/scenarios");
  await expect(page.getByRole("link", { name: "Scenarios" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("scenario-empty")).toBeVisible();
  await snapshot(page, testInfo, "scenarios-empty");

  const form = page.getByTestId("purchase-form");
  await form.getByLabel("Position id").fill("PHX-1");
  await form.getByLabel("Strategy").fill("value_add");
  await form.getByLabel("State").fill("az");
  await form.getByLabel(/^MSA/).fill("phoenix");
  await page.getByRole("option", { name: /Phoenix-Mesa-Scottsdale, AZ/ }).click();
  await expect(form.getByLabel(/^MSA/)).toHaveValue("Phoenix-Mesa-Scottsdale, AZ (38060)");
  await expect(form.getByText("Stored as 38060.")).toBeVisible();
  // value_add holds 400,000 of 1,000,000 under a 50 % maximum: (0.5 × 1,000,000 − 400,000) / 0.5.
  await expect(form.getByTestId("largest-acquisition")).toContainText(
    "Up to $200K fits; binding: Strategy Value add at most 50.0 %.",
  );

  // A bad amount is named beside its field and adds nothing.
  await form.getByLabel("Purchase value ($)").fill("lots");
  await form.getByRole("button", { name: "Add purchase" }).click();
  await expect(form.getByText('position_value must be a number greater than 0 (got "lots")')).toBeVisible();
  await expect(page.getByTestId("trade-entry")).toHaveCount(0);

  await form.getByLabel("Purchase value ($)").fill("500,000");
  await form.getByRole("button", { name: "Add purchase" }).click();
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "critical");
  await expect(page.getByTestId("verdict-region")).toContainText("Verdict: Critical");
  await expect(verdict).toContainText("1 new breach.");
  const first = page.getByTestId("breach-row").first();
  await expect(first).toHaveAttribute("data-change", "new");
  await expect(first).toContainText("Value add");
  await expect(first).toContainText("60.0 %");
  // TX falls from 50 % to 33.3 %: its breach clears.
  await expect(page.locator('[data-testid="breach-row"][data-change="cleared"]')).toContainText("TX");
  await expect(page.locator('[data-testid="affected-row"][data-value="value_add"]')).toHaveAttribute(
    "data-status",
    "breach",
  );
  await expect(page.getByTestId("trade-entry").first().getByTestId("largest-acquisition")).toContainText(
    "Up to $200K fits",
  );
  await snapshot(page, testInfo, "scenarios-breach");

  // A position the book already holds: the server's 422 is shown beside that trade, naming the field.
  consoleErrors.expect(/status of 422/);
  await form.getByLabel("Position id").fill("P1");
  await form.getByLabel("Purchase value ($)").fill("1000");
  await form.getByRole("button", { name: "Add purchase" }).click();
  await expect(page.getByTestId("scenario-refused")).toContainText("Not evaluated");
  const refused = page.getByTestId("trade-entry").nth(1);
  await expect(refused.getByTestId("entry-issues")).toHaveText(
    '✕ position_id: position_id "P1" is already in the book: sell or revalue it instead',
  );
  await snapshot(page, testInfo, "scenarios-refused");

  await refused.getByRole("button", { name: /^Remove trade 2/ }).click();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "critical");
});

test("a manager saves a breaching scenario, opens it by its link and commits it to the book", async ({
  page,
  api,
}, testInfo) => {
  await seed(api);
  await page.goto("/scenarios");
  await expect(page.getByText("None yet.")).toBeVisible();
  const form = page.getByTestId("purchase-form");
  await form.getByLabel("Position id").fill("PHX-1");
  await form.getByLabel("Strategy").fill("value_add");
  await form.getByLabel("State").fill("AZ");
  await form.getByLabel("Purchase value ($)").fill("500000");
  await form.getByRole("button", { name: "Add purchase" }).click();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "critical");

  await page.getByRole("button", { name: "Save…" }).click();
  const save = page.getByRole("dialog", { name: "Save the scenario" });
  await save.getByLabel("Name").fill("Phoenix value-add");
  await save.getByLabel("Description (optional)").fill("For the IC on Thursday");
  await save.getByRole("button", { name: "Save" }).click();

  // Its own page, by link: the same trades, evaluated against today's book.
  await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Phoenix value-add" })).toBeVisible();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "critical");
  await expect(page.getByTestId("trade-entry")).toHaveCount(1);
  const link = page.url();

  await page.getByRole("button", { name: "Commit…" }).click();
  const confirm = page.getByRole("dialog", { name: /Commit “Phoenix value-add” to the book/ });
  await expect(confirm.getByTestId("commit-lines")).toHaveText("Buy PHX-1 (value_add, AZ) for $500,000.00");
  await expect(confirm).toContainText("New critical breach: strategy value_add 40.0 % → 60.0 %");
  await snapshot(page, testInfo, "scenarios-commit-confirm");
  await confirm.getByRole("button", { name: "Commit to the book" }).click();
  // The page turns into the record of what was committed; it is not evaluated against the book again.
  const record = page.getByTestId("scenario-committed");
  await expect(record).toContainText("1 purchase, 0 sales and 0 revaluations applied in one transaction");
  await expect(record.getByTestId("committed-lines")).toHaveText("Buy PHX-1 (value_add, AZ) for $500,000.00");
  await expect(page.getByRole("button", { name: "Commit…" })).toHaveCount(0);
  await expect(page.getByTestId("verdict")).toHaveCount(0);

  // The book holds the purchase, and the saved list says so.
  const positions = (await (await api("/api/positions?q=PHX")).json()) as { items: Array<{ positionId: string }> };
  expect(positions.items.map((p) => p.positionId)).toEqual(["PHX-1"]);
  await page.goto("/scenarios");
  const row = page.getByTestId("saved-scenarios").getByRole("row", { name: /Phoenix value-add/ });
  await expect(row).toContainText("committed");
  await page.goto(link);
  await expect(page.getByTestId("scenario-committed")).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("a shock and a partial sale, edited in place, change the verdict as you type", async ({ page, api }) => {
    await seed(api);
    await page.goto("/scenarios");
    await page.getByRole("tab", { name: "Shock" }).click();
    const shock = page.getByTestId("shock-form");
    await shock.getByLabel("Dimension").selectOption("state");
    await shock.getByLabel(/^Value/).fill("tx");
    await expect(shock.getByText("Shocks “TX”.")).toBeVisible();
    await shock.getByLabel("Change in value (%)").fill("-20");
    await shock.getByRole("button", { name: "Add shock" }).click();
    // TX 400,000 of 900,000 (44.4 %): its breach clears, nothing new.
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "pass");
    await expect(page.getByTestId("verdict")).toContainText("No limit newly breached or made worse.");

    await page.getByRole("tab", { name: "Sell or revalue" }).click();
    const trade = page.getByTestId("trade-form");
    await trade.getByLabel(/Find a stored position/).fill("p4");
    await page.getByRole("option", { name: /P4/ }).click();
    await trade.getByLabel("Sell part of it").check();
    await trade.getByLabel("Amount sold ($)").fill("100000");
    await trade.getByRole("button", { name: "Add sale" }).click();
    await expect(page.getByTestId("trade-entry")).toContainText("Sell");

    // Trades apply before shocks: value_add 380,000 of 800,000 (47.5 %) stays within; selling all of P4
    // lifts it to 380,000 of 700,000 (54.3 %), a new critical breach.
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "pass");
    await page.getByLabel(/^Amount sold \(\$\) of trade 1/).fill("200000");
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "critical");
  });
});
