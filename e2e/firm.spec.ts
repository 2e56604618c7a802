import { randomBytes } from "node:crypto";
import { expect, snapshot, test } from "../tests/support/e2e-fixtures";

// Several funds in the browser (issue 12): an admin creates a second portfolio on the Admin page,
// picks it in the nav, uploads its positions, and the Firm page adds both funds up. Other specs'
// portfolios are in the firm too, so the check is on a strategy only this spec uses.

test.use({ role: "admin" });

const tag = randomBytes(3).toString("hex");
const probe = `firm_probe_${tag}`;
const secondSlug = `e2e-second-${tag}`;
const secondName = `Second Fund ${tag}`;

test("a second portfolio created in the browser joins the firm roll-up", async ({ page, api, portfolio }, testInfo) => {
  // The spec's own portfolio: 1,000,000 in the probe strategy, by the API, with a run.
  const firstCsv = `position_id,strategy,state,position_value\nF1,${probe},TX,1000000\nF2,core,CA,500000\n`;
  const imported = await api("/api/positions/import", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: firstCsv,
  });
  expect(imported.status).toBe(201);
  const run = await api("/api/exposures/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ asOfDate: "2025-06-30" }),
  });
  expect(run.status).toBe(201);

  // The admin creates the second one on the Admin page.
  await page.goto("/admin");
  const form = page.getByTestId("new-portfolio-form");
  await form.getByLabel("Name").fill(secondName);
  await form.getByLabel(/^Slug/).fill(secondSlug);
  await form.getByRole("button", { name: "Create portfolio" }).click();
  await expect(page.getByTestId("new-portfolio-message")).toHaveText(`Created ${secondName} (${secondSlug}).`);
  await expect(page.locator(`[data-testid="portfolio-row"][data-slug="${secondSlug}"]`)).toContainText("Active");

  // Picks it in the nav and uploads its book on /positions (the upload computes today's run).
  // The switch is a server action (it sets the cookie), held back here for a second so that the
  // picker can be seen saying it is on its way.
  const isSwitch = (request: { method(): string; headers(): Record<string, string> }) =>
    request.method() === "POST" && "next-action" in request.headers();
  await page.route(
    () => true,
    async (route) => {
      if (isSwitch(route.request())) await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    },
  );
  await page.locator("#portfolio-select").selectOption(secondSlug);
  await expect(page.locator("#portfolio-select")).toHaveValue(secondSlug);
  await expect(page.getByTestId("portfolio-switching")).toHaveText("Switching…");
  await expect(page.locator("#portfolio-select")).toHaveAttribute("aria-busy", "true");
  // Its page comes back with the new fund's nav, which has no run yet. Navigating before then
  // would cancel it.
  await expect(page.getByTestId("nav-as-of")).toContainText("no run yet");
  await expect(page.getByTestId("portfolio-switching")).toHaveText("");
  await page.unrouteAll();
  await page.goto("/positions");
  await expect(page.locator("#portfolio-select")).toHaveValue(secondSlug);
  const secondCsv = `position_id,strategy,state,position_value\nS1,${probe},TX,2500000\nS2,${probe},FL,250000.25\n`;
  await page
    .getByTestId("upload-input")
    .setInputFiles({ name: "second.csv", mimeType: "text/csv", buffer: Buffer.from(secondCsv) });
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-outcome")).toContainText(/Imported 2 positions/, { timeout: 60_000 });
  await expect(page.getByTestId("nav-as-of")).not.toContainText("no run yet");

  // The firm adds both: 1,000,000 + 2,750,000.25 in the probe strategy, held by both funds.
  await page.getByRole("link", { name: "Firm" }).click();
  await expect(page).toHaveURL(/\/firm\/strategy$/);
  const funds = page.getByTestId("firm-funds");
  await expect(funds.locator(`tr[data-slug="${portfolio}"]`)).toContainText("Jun 30, 2025");
  await expect(funds.locator(`tr[data-slug="${secondSlug}"]`)).toContainText(secondName);
  await expect(funds.locator(`tr[data-slug="${secondSlug}"]`)).toContainText("$2.8M");
  const row = page.getByTestId("firm-table").locator(`tr[data-value="${probe}"]`);
  await expect(row.getByTestId("firm-row-value")).toHaveText("$3.8M");
  await expect(row.getByTestId("firm-row-value")).toHaveAttribute("title", "$3,750,000.25");
  await expect(row.locator(`li[data-slug="${secondSlug}"]`)).toContainText(`${secondName} $2.8M`);
  await expect(row.locator(`li[data-slug="${portfolio}"]`)).toContainText("$1M");
  await snapshot(page, testInfo, "firm");

  // Its CSV has the same figures, a column per fund.
  const csv = await (await page.request.get("/api/exports/firm?format=csv")).text();
  const [head = "", ...lines] = csv.trimEnd().split("\n");
  const header = head.split(",");
  const cells = lines.find((l) => l.startsWith(`strategy,${probe},`))?.split(",") ?? [];
  expect(cells[3]).toBe("3750000.25");
  expect(cells[header.indexOf(portfolio)]).toBe("1000000");
  expect(cells[header.indexOf(secondSlug)]).toBe("2750000.25");

  // Archived, the second fund leaves the firm and the picker.
  await page.goto("/admin");
  const second = page.locator(`[data-testid="portfolio-row"][data-slug="${secondSlug}"]`);
  await second.getByRole("button", { name: `Archive ${secondName}` }).click();
  await second.getByRole("button", { name: `Confirm archive ${secondName}` }).click();
  await expect(second.getByTestId("portfolio-status")).toContainText("Archived");
  await page.goto("/firm/strategy");
  await expect(page.getByTestId("firm-funds").locator(`tr[data-slug="${secondSlug}"]`)).toHaveCount(0);
  await expect(
    page.getByTestId("firm-table").locator(`tr[data-value="${probe}"]`).getByTestId("firm-row-value"),
  ).toHaveText("$1M");
  await expect(page.locator(`#portfolio-select option[value="${secondSlug}"]`)).toHaveCount(0);
});
