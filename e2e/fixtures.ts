import { randomBytes } from "node:crypto";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

export { expect };

interface Fixtures {
  /** A fresh portfolio the browser works on (the UI follows the portfolio cookie). */
  portfolio: string;
  /** Calls the REST API for this spec's portfolio. */
  api: (path: string, init?: RequestInit) => Promise<Response>;
}

export const test = base.extend<Fixtures>({
  // Automatic, so every spec works on its own portfolio even when it never names it.
  portfolio: [
    async ({ context, baseURL }, use) => {
      const slug = `e2e-${randomBytes(4).toString("hex")}`;
      const res = await fetch(`${baseURL}/api/portfolios`, {
        method: "POST",
        headers: { "content-type": "application/json" },
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
      return fetch(url, init);
    });
  },
});

/** Saves a full-page screenshot as a test artifact (test-results/<test>/attachments and the HTML report). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}
