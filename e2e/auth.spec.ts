import { expect, snapshot, test, USERS } from "../tests/support/e2e-fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends you to sign in; a wrong password is refused; sign-in and sign-out work", async ({
    page,
    consoleErrors,
  }, testInfo) => {
    // The wrong password's 401 is the browser's own log line, and expected here.
    consoleErrors.expect(/status of 401 .*\/api\/auth\/sign-in/);
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

  test("reads everything, is offered nothing it may not do, and has no admin page", async ({ page, consoleErrors }) => {
    // Controls a viewer may not use are not there to be refused after a click: a note says why.
    await page.goto("/limits");
    await expect(page.getByTestId("needs-role")).toHaveText(
      /Creating and changing limits needs the manager role; you are signed in as a viewer/,
    );
    await expect(page.getByTestId("limit-form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete|^Edit|^Deactivate/ })).toHaveCount(0);

    await page.goto("/positions");
    await expect(page.getByTestId("needs-role")).toContainText("Uploading positions needs the manager role");
    await expect(page.getByLabel("Positions file (CSV, JSON or XLSX)")).toHaveCount(0);

    await page.goto("/alerts");
    await expect(page.getByTestId("needs-role")).toContainText(
      "Acknowledging and resolving alerts needs the manager role",
    );

    await page.goto("/");
    await expect(page.getByTestId("needs-role")).toBeVisible();
    await expect(page.getByTestId("load-sample")).toHaveCount(0);

    consoleErrors.expect(/status of 403/);
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
