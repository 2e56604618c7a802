import { expect, snapshot, test, USERS } from "./fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in; a wrong password is refused; sign-in and sign-out work", async ({
    page,
  }, testInfo) => {
    // Sign-in is rate-limited (3 tries per 10 s per client); global setup has just used three.
    await page.waitForTimeout(10_000);
    await page.goto("/alerts");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel("Email").fill(USERS.viewer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await snapshot(page, testInfo, "sign-in");

    await page.getByLabel("Password").fill(USERS.viewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("nav-user")).toContainText("viewer");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("reads everything, changes nothing, and has no admin page", async ({ page }) => {
    await page.goto("/limits");
    const form = page.getByTestId("limit-form");
    await form.getByLabel("Dimension").selectOption("state");
    await form.getByLabel(/^Threshold/).fill("35");
    await form.getByRole("button", { name: "Create limit" }).click();
    await expect(page.getByTestId("limit-form-message")).toContainText("needs the manager role");
    await expect(page.getByTestId("limit-row")).toHaveCount(0);

    const admin = await page.goto("/admin");
    expect(admin?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});

test.describe("as an admin", () => {
  test.use({ role: "admin" });

  test("creates an API token that is shown once and works, and sees it in the audit log", async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.goto("/admin");
    await expect(page.getByTestId("users-table")).toContainText("manager@aker.test");
    const form = page.getByTestId("new-token-form");
    await form.getByLabel(/token name/i).fill("e2e script");
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token-value");
    await expect(shown).toContainText("aker_");
    const token = ((await shown.textContent()) ?? "").trim();
    const res = await fetch(`${baseURL}/api/alerts`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await snapshot(page, testInfo, "admin");

    await page.reload();
    await expect(page.getByTestId("new-token-value")).toHaveCount(0);
    await expect(page.getByTestId("token-row").filter({ hasText: "e2e script" })).toHaveCount(1);
    await expect(page.getByTestId("audit-row").filter({ hasText: "token.created" }).first()).toBeVisible();
  });
});
