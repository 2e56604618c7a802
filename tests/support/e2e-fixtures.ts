import { randomBytes } from "node:crypto";
import path from "node:path";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import type { Role } from "./app-server";

export { expect };

interface SeededUser {
  email: string;
  password: string;
  headers: Record<string, string>;
}
export const USERS = JSON.parse(process.env.E2E_USERS ?? "{}") as Record<Role, SeededUser>;

interface Fixtures {
  /** The role the browser signs in as (override with test.use({ role: "viewer" })). */
  role: Role;
  /** A fresh portfolio the browser works on (the UI follows the portfolio cookie). */
  portfolio: string;
  /** Calls the REST API for this spec's portfolio. */
  api: (path: string, init?: RequestInit) => Promise<Response>;
  /**
   * Automatic: fails the test if the browser logged an error to the console (a CSP violation, a
   * missing favicon, an uncaught exception). A test that provokes one on purpose lists it first:
   * `consoleErrors.expect(/status of 404/)`.
   */
  consoleErrors: { expect(pattern: RegExp): void };
}

export const test = base.extend<Fixtures>({
  // proxy.ts sets a nonce-based CSP on every page; Chromium logs what it blocks as a console error,
  // as it does a failed request (a missing /favicon.ico) and an uncaught exception.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const expected: RegExp[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      await use({ expect: (pattern) => expected.push(pattern) });
      const unexpected = errors.filter((e) => !expected.some((p) => p.test(e)));
      expect(unexpected, unexpected.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
  role: ["manager", { option: true }],
  // The session e2e-global-setup.ts signed in for this role.
  storageState: async ({ role }, use) => use(path.resolve("test-results", ".auth", `${role}.json`)),
  // Automatic, so every spec works on its own portfolio even when it never names it.
  portfolio: [
    async ({ context, baseURL }, use) => {
      const slug = `e2e-${randomBytes(4).toString("hex")}`;
      const res = await fetch(`${baseURL}/api/portfolios`, {
        method: "POST",
        headers: { ...USERS.manager.headers, "content-type": "application/json" },
        body: JSON.stringify({ slug, name: `E2E ${slug}` }),
      });
      if (res.status !== 201) throw new Error(`could not create portfolio: ${res.status} ${await res.text()}`);
      await context.addCookies([{ name: "aker-portfolio", value: slug, url: baseURL ?? "" }]);
      await use(slug);
    },
    { auto: true },
  ],
  api: async ({ baseURL, portfolio }, use) => {
    await use((path, init) => {
      const url = new URL(path, baseURL);
      url.searchParams.set("portfolio", portfolio);
      return fetch(url, {
        ...init,
        headers: { ...USERS.manager.headers, ...(init?.headers as Record<string, string> | undefined) },
      });
    });
  },
});

/** Saves a full-page screenshot as a test artifact (test-results/<test>/attachments and the HTML report). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}
