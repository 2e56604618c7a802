import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../tests/support/e2e-fixtures";

// Issue 12, part 4: upload → limits → acknowledge with the keyboard alone (Tab, Shift+Tab, Enter,
// typing), and at every stop of the focus a visible indicator. The one exception is the operating
// system's file chooser, which a browser test cannot drive: the file input is reached by Tab and
// given its file with setInputFiles.

test.use({ reducedMotion: "reduce" });

const BOOK = "position_id,strategy,state,position_value\nK1,value_add,CA,400000\nK2,core,TX,600000\n";

/**
 * Why the focused element shows no focus indicator, or null when it does: an outline or a ring on
 * the element itself or, for a control drawn invisible inside a visible one (the file input in its
 * drop zone, a radio inside its chip), on the nearest ancestor that draws it.
 */
function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing is focused";
    const shows = (n: Element) => {
      const s = getComputedStyle(n);
      const r = n.getBoundingClientRect();
      const outline = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0;
      const colour = s.outlineColor !== "rgba(0, 0, 0, 0)" && s.outlineColor !== "transparent";
      return r.width > 2 && r.height > 2 && ((outline && colour) || s.boxShadow !== "none");
    };
    const rect = el.getBoundingClientRect();
    const hidden = rect.width <= 2 || rect.height <= 2 || getComputedStyle(el).opacity === "0";
    if (shows(el)) return null;
    if (hidden) for (let n = el.parentElement, d = 0; n && d < 3; n = n.parentElement, d++) if (shows(n)) return null;
    const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? "";
    return `no visible focus on <${el.tagName.toLowerCase()}> "${name}"`;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the indicator at every stop. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    expect(await focusProblem(page)).toBeNull();
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return presses;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} never reached ${target}`);
}

test("upload, set a limit that breaches and acknowledge its alert, by keyboard alone", async ({ page }) => {
  await page.goto("/positions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Upload: Tab to the file input (its drop zone shows the focus), the file chooser's part by
  // setInputFiles, then Tab to Import and press Enter.
  const input = page.getByTestId("upload-input");
  await tabTo(page, input);
  await input.setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: Buffer.from(BOOK) });
  const importButton = page.getByTestId("import-button");
  await expect(importButton).toBeEnabled();
  await tabTo(page, importButton);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("import-outcome")).toContainText(/Imported 2 positions/, { timeout: 60_000 });
  await expect(page.getByTestId("nav-as-of")).not.toContainText("no run yet");

  // Limits: back up to the nav, then a value-add maximum of 30 % (it holds 40 %).
  const nav = page.getByRole("navigation", { name: "Main" });
  await tabTo(page, nav.getByRole("link", { name: "Limits", exact: true }), { back: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/limits$/);
  const form = page.getByTestId("limit-form");
  await tabTo(page, form.getByLabel("Dimension"));
  await expect(form.getByLabel("Dimension")).toHaveValue("strategy");
  await tabTo(page, form.getByLabel(/^Value/));
  await page.keyboard.type("value_add");
  await tabTo(page, form.getByLabel(/^Threshold/));
  await page.keyboard.type("30");
  await tabTo(page, form.getByRole("button", { name: "Create limit" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("utilization-row").first()).toHaveAttribute("data-status", "breach");

  // Alerts: the breach's alert, acknowledged through its dialog.
  await tabTo(page, nav.getByRole("link", { name: /^Alerts/ }), { back: true, max: 120 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/alerts/);
  const row = page.getByTestId("alert-row").first();
  await expect(row).toContainText("strategy='value_add'", { timeout: 20_000 });
  await tabTo(page, row.getByTestId("ack-button"));
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("alert-action-dialog");
  await expect(dialog).toBeVisible();
  const comment = dialog.getByTestId("action-comment");
  if (!(await comment.evaluate((el) => el === document.activeElement))) await tabTo(page, comment, { max: 10 });
  expect(await focusProblem(page)).toBeNull();
  await page.keyboard.type("Selling K1 next quarter");
  await tabTo(page, dialog.getByTestId("action-submit"), { max: 10 });
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("alert-status")).toHaveAttribute("data-status", "acknowledged");
  // The focus is not lost to the page's start: it lands on the row's Resolve button (moved there in
  // the frame after the row re-renders, so polled rather than read once).
  await expect.poll(() => focusProblem(page), { timeout: 5_000 }).toBeNull();
  await expect(row.getByTestId("resolve-button")).toBeFocused();
});
