import { beforeAll, describe, expect, test } from "vitest";
import { type Api, expectError, ISSUE_EXAMPLE_CSV, newPortfolio } from "@/tests/support/api-client";

// Snapshot reads answer with an ETag; a client that sends it back gets 304 and no body until a
// write to the portfolio (a recompute, an import, a limit change, an alert transition) commits.

const SNAPSHOT_READS = [
  "/api/exposures/latest",
  "/api/geographic",
  "/api/dashboard",
  "/api/exposures/trend?dimensionType=state&dimensionValue=CA",
  "/api/exports/exposures?format=csv",
  "/api/exports/exposures?format=xlsx",
  "/api/alerts?status=open",
  "/api/alerts/summary",
  "/api/thresholds",
];

async function conditional(api: Api, path: string, etag: string) {
  const response = await fetch(api.url(path), {
    headers: { ...api.server.headers("viewer"), "if-none-match": etag },
  });
  return { status: response.status, etag: response.headers.get("etag"), text: await response.text(), response };
}

describe("ETag and 304 on snapshot reads", () => {
  let api: Api;
  let runId: string;
  beforeAll(async () => {
    api = await newPortfolio("snapshot etags");
    expect((await api.importCsv(ISSUE_EXAMPLE_CSV)).status).toBe(201);
    runId = (await api.run({ asOfDate: "2025-06-30" })).id;
  });

  test.each([...SNAPSHOT_READS, "/api/exposures/runs/{runId}"])(
    "GET %s: an ETag, then 304 without a body",
    async (template) => {
      const path = template.replace("{runId}", runId);
      const first = await api.as("viewer").raw("GET", path);
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"v\d+-[\w-]{16}"$/);
      expect(first.headers.get("cache-control")).toBe("private, no-cache");
      await first.arrayBuffer();
      const again = await conditional(api, path, etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
      expect(again.etag).toBe(etag);
      // A weak validator and a list naming it match too; another tag does not.
      expect((await conditional(api, path, `"other", W/${etag}`)).status).toBe(304);
      expect((await conditional(api, path, '"v0-aaaaaaaaaaaaaaaa"')).status).toBe(200);
    },
  );

  test("each read has its own ETag", async () => {
    const tags = await Promise.all(
      SNAPSHOT_READS.map(async (path) => (await api.as("viewer").raw("GET", path)).headers.get("etag")),
    );
    expect(new Set(tags).size).toBe(SNAPSHOT_READS.length);
  });

  test("a recompute changes every ETag, and the old one gets the new body", async () => {
    const before = await api.get<{ computedAt: string }>("/api/exposures/latest");
    const etag = before.headers.get("etag") ?? "";
    await api.run({ asOfDate: "2025-06-30" });
    const after = await conditional(api, "/api/exposures/latest", etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(etag);
    expect((JSON.parse(after.text) as { computedAt: string }).computedAt > before.body.computedAt).toBe(true);
  });

  test("a limit change and an alert transition change the dashboard's ETag and body", async () => {
    const read = () =>
      api.get<{ alerts: { open: { total: number }; newest: Array<{ id: string }> } }>("/api/dashboard");
    const start = await read();
    expect(start.body.alerts.open.total).toBe(0);
    const limit = await api.post("/api/thresholds", { dimensionType: "state", thresholdPct: 50 });
    expect(limit.status, limit.text).toBe(201);
    const breached = await conditional(api, "/api/dashboard", start.headers.get("etag") ?? "");
    expect(breached.status).toBe(200);
    const body = JSON.parse(breached.text) as { alerts: { open: { total: number }; newest: Array<{ id: string }> } };
    expect(body.alerts.open.total).toBe(1);
    const resolved = await api.post(`/api/alerts/${body.alerts.newest[0]?.id}/resolve`, { comment: "sold" });
    expect(resolved.status, resolved.text).toBe(200);
    const after = await conditional(api, "/api/dashboard", breached.etag ?? "");
    expect(after.status).toBe(200);
    expect((JSON.parse(after.text) as typeof body).alerts.open.total).toBe(0);
  });

  test("errors carry no ETag: an unknown run is a 404", async () => {
    const reply = await api.get("/api/exposures/runs/00000000-0000-4000-8000-000000000000");
    expectError(reply, 404, "not_found");
    expect(reply.headers.get("etag")).toBeNull();
  });
});
