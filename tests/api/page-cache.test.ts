import { beforeAll, describe, expect, test } from "vitest";
import { PAGE_CACHE_HEADER } from "@/lib/http/page-cache";
import { type Api, authHeaders, base, ISSUE_EXAMPLE_CSV, newPortfolio } from "@/tests/support/api-client";

// The overview page is kept once rendered (lib/http/page-cache.ts) and answered from memory
// until what it shows changes: a write to its portfolio, another reader, another portfolio, the
// nav's list of portfolios. Each answer has its own Content-Security-Policy nonce.

type Role = keyof typeof authHeaders;

interface Page {
  status: number;
  cache: string | null;
  nonce: string;
  link: string;
  html: string;
}

async function overview(slug: string, role: Role = "manager", extra: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(`${base}/`, {
    headers: { ...authHeaders[role], cookie: `aker-portfolio=${slug}`, ...extra },
    redirect: "manual",
  });
  const policy = response.headers.get("content-security-policy") ?? "";
  return {
    status: response.status,
    cache: response.headers.get(PAGE_CACHE_HEADER),
    nonce: /'nonce-([^']+)'/.exec(policy)?.[1] ?? "",
    link: response.headers.get("link") ?? "",
    html: await response.text(),
  };
}

/** The page with its nonce blanked: what two answers of one kept page share. */
const withoutNonce = (page: Page) => page.html.replaceAll(page.nonce, "NONCE");

describe("the overview page cache", () => {
  let api: Api;
  let slug: string;
  beforeAll(async () => {
    api = await newPortfolio("page cache");
    slug = api.portfolio ?? "";
    expect((await api.importCsv(ISSUE_EXAMPLE_CSV)).status).toBe(201);
  });

  test("rendered once, then answered from memory with a new nonce everywhere the old one was", async () => {
    const first = await overview(slug);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    const second = await overview(slug);
    expect(second.cache).toBe("hit");
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.html).not.toContain(first.nonce);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    // Every script, the RSC payload and a preload in the Link header carry this answer's nonce.
    const scripts = second.html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${second.nonce}"`);
    expect(second.link).not.toContain(first.nonce);
    for (const nonce of second.link.matchAll(/nonce="([^"]+)"/g)) expect(nonce[1]).toBe(second.nonce);
  });

  test("a write to the portfolio shows on the next load: a run, then a limit it breaches", async () => {
    const empty = await overview(slug);
    expect(empty.html).not.toContain('data-testid="exposure-dials"');
    await api.run({ asOfDate: "2025-06-30" });
    const computed = await overview(slug);
    expect(computed.cache).toBe("miss");
    expect(computed.html).toContain('data-testid="exposure-dials"');
    expect(computed.html).not.toContain('data-status="breach"');
    expect((await overview(slug)).cache).toBe("hit");

    const limit = await api.post("/api/thresholds", { dimensionType: "state", thresholdPct: 10 });
    expect(limit.status, limit.text).toBe(201);
    await api.run({ asOfDate: "2025-06-30" });
    const breached = await overview(slug);
    expect(breached.cache).toBe("miss");
    expect(breached.html).toContain('data-status="breach"');
  });

  test("each reader has a page of their own: a viewer is not shown a manager's buttons", async () => {
    const manager = await overview(slug, "manager");
    const viewer = await overview(slug, "viewer");
    expect(viewer.status).toBe(200);
    expect(withoutNonce(viewer)).not.toBe(withoutNonce(manager));
    expect(manager.html).toContain('data-testid="recompute-form"');
    expect(viewer.html).not.toContain('data-testid="recompute-form"');
    expect((await overview(slug, "viewer")).html).not.toContain('data-testid="recompute-form"');
  });

  test("another portfolio, and a change to the nav's list, each render afresh", async () => {
    const other = await newPortfolio("page cache other");
    const before = await overview(slug);
    const elsewhere = await overview(other.portfolio ?? "");
    expect(elsewhere.cache).toBe("miss");
    expect(elsewhere.html).toContain("page cache other");
    // Creating `other` put it in every page's portfolio picker: this page was rendered after that.
    expect(before.html).toContain("page cache other");
    const renamed = await api.as("admin").patch(`/api/portfolios/${other.portfolio}`, { name: "page cache renamed" });
    expect(renamed.status, renamed.text).toBe(200);
    const after = await overview(slug);
    expect(after.cache).toBe("miss");
    expect(after.html).toContain("page cache renamed");
  });

  test("not kept: navigations (RSC), a query string, nobody signed in; a client cannot pick the nonce", async () => {
    const navigation = await overview(slug, "manager", { rsc: "1" });
    expect(navigation.cache).toBeNull();
    const query = await fetch(`${base}/?tab=1`, {
      headers: { ...authHeaders.manager, cookie: `aker-portfolio=${slug}` },
    });
    expect(query.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    await query.arrayBuffer();
    const anonymous = await fetch(`${base}/`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
    expect(anonymous.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    await anonymous.arrayBuffer();
    const forged = await overview(slug, "manager", {
      "x-aker-page-fill": "a guess",
      "x-aker-page-nonce": "chosen-by-the-client",
    });
    expect(forged.status).toBe(200);
    expect(forged.nonce).not.toBe("chosen-by-the-client");
    expect(forged.html).not.toContain("chosen-by-the-client");
  });
});
