import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";
import { PAGE_CACHE_HEADER } from "@/lib/http/page-cache";
import type { RunDetail } from "@/lib/services/runs";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { HttpClient } from "@/tests/support/http-client";
import { createPortfolio, makeBook } from "@/tests/support/reliability";

// Two app instances on one Postgres, as behind any load balancer: each keeps its own snapshot
// cache, yet a write through one is seen on the very next read through the other (the cache is
// keyed by the portfolio's data version, read from the database on every request), an ETag from
// one is good at the other, a kept overview page is rendered afresh, and writers through both still
// serialise on the portfolio's lock.
// Postgres only: the embedded database belongs to one process.

const BASE_URL = process.env.DATABASE_URL?.trim() || process.env.AKER_DATABASE_URL?.trim();
if (!BASE_URL) console.log("instances: skipped: two app instances need Postgres (set DATABASE_URL)");

const D1 = "2025-03-31";

interface Dashboard {
  run: { id: string; computedAt: string };
  dials: Array<{ dimensionType: string; limitPct: number | null }>;
  alerts: { open: { total: number }; newest: Array<{ id: string }> };
}

describe.skipIf(!BASE_URL)("two app instances on one Postgres", () => {
  let scratch: ScratchDatabase;
  let a: AppServer;
  let b: AppServer;
  let viaA: HttpClient;
  let viaB: HttpClient;
  let portfolioId: string;
  let db: pg.Client;

  const version = async () =>
    Number((await db.query("SELECT data_version FROM portfolios WHERE id = $1", [portfolioId])).rows[0].data_version);

  beforeAll(async () => {
    scratch = await createScratchDatabase("aker_rel_instances");
    if (scratch.config.kind !== "postgres") throw new Error("expected Postgres");
    a = await startAppServer("aker_rel_instances", { database: scratch.config });
    b = await startAppServer("aker_rel_instances", { database: scratch.config, seeded: a.seeded });
    const created = await createPortfolio(a, "instances");
    portfolioId = created.id;
    viaA = created.api;
    viaB = new HttpClient(b, "instances");
    db = new pg.Client({ connectionString: scratch.config.url });
    await db.connect();
    await viaA.ok(viaA.importCsv(makeBook(2_000, 1).csv), "import via A");
    await viaA.ok(viaA.post("/api/exposures/runs", { asOfDate: D1 }), "run via A");
  });

  afterAll(async () => {
    await db?.end();
    await a?.stop();
    await b?.stop();
    await scratch?.drop();
  });

  test("a run computed through A is what B answers, with the same ETag; each answers the other's ETag with 304", async () => {
    const [fromA, fromB] = await Promise.all([
      viaA.get<RunDetail>("/api/exposures/latest"),
      viaB.get<RunDetail>("/api/exposures/latest"),
    ]);
    expect(fromB.status, fromB.text).toBe(200);
    expect(fromB.body).toEqual(fromA.body);
    const etag = fromA.headers.get("etag") ?? "";
    expect(fromB.headers.get("etag")).toBe(etag);
    const conditional = await fetch(viaB.url("/api/exposures/latest"), {
      headers: { ...b.headers("viewer"), "if-none-match": etag },
    });
    expect(conditional.status).toBe(304);
  });

  test("a limit added through B is on A's next dashboard, though A had the dashboard cached", async () => {
    const before = await viaA.ok(viaA.get<Dashboard>("/api/dashboard"), "dashboard via A");
    await viaA.ok(viaA.get<Dashboard>("/api/dashboard"), "dashboard via A, cached");
    expect(before.dials.find((d) => d.dimensionType === "strategy")?.limitPct).toBeNull();
    expect(before.alerts.open.total).toBe(0);
    await viaB.ok(viaB.post("/api/thresholds", { dimensionType: "strategy", thresholdPct: 10 }), "limit via B");
    const after = await viaA.ok(viaA.get<Dashboard>("/api/dashboard"), "dashboard via A after");
    expect(after.dials.find((d) => d.dimensionType === "strategy")?.limitPct).toBe(10);
    expect(after.alerts.open.total).toBeGreaterThan(0);
  });

  test("an alert resolved through A leaves B's open alerts at once; a recompute through B is A's latest at once", async () => {
    const open = await viaB.ok(viaB.get<Dashboard>("/api/dashboard"), "dashboard via B");
    const total = open.alerts.open.total;
    expect(total).toBeGreaterThan(0);
    const id = open.alerts.newest[0]?.id;
    await viaA.ok(viaA.post(`/api/alerts/${id}/resolve`, { comment: "sold down" }), "resolve via A");
    const summary = await viaB.ok(viaB.get<{ total: number }>("/api/alerts/summary"), "summary via B");
    expect(summary.total).toBe(total - 1);

    const cached = await viaA.ok(viaA.get<RunDetail>("/api/exposures/latest"), "latest via A");
    const rerun = await viaB.ok(viaB.post<RunDetail>("/api/exposures/runs", { asOfDate: D1 }), "run via B");
    const latest = await viaA.ok(viaA.get<RunDetail>("/api/exposures/latest"), "latest via A after");
    expect(latest.computedAt).toBe(rerun.computedAt);
    expect(latest.computedAt > cached.computedAt).toBe(true);
  });

  test("A's kept overview page is rendered afresh after a limit added through B", async () => {
    const rentBandDial = async (server: AppServer) => {
      const response = await fetch(`${server.baseUrl}/`, {
        headers: { ...server.headers("viewer"), cookie: "aker-portfolio=instances" },
      });
      const html = await response.text();
      return {
        cache: response.headers.get(PAGE_CACHE_HEADER),
        status: /data-testid="dial-rent_band" data-status="([a-z]+)"/.exec(html)?.[1],
      };
    };
    await rentBandDial(a);
    expect(await rentBandDial(a)).toEqual({ cache: "hit", status: "none" });
    await viaB.ok(viaB.post("/api/thresholds", { dimensionType: "rent_band", thresholdPct: 90 }), "limit via B");
    expect(await rentBandDial(a)).toEqual({ cache: "miss", status: "within" });
  });

  test("writers through both instances at once serialise: each write bumps the version once, one run per date", async () => {
    const start = await version();
    const writes = Array.from({ length: 8 }, (_, i) => {
      const api = i % 2 === 0 ? viaA : viaB;
      return i % 4 === 3
        ? api.post("/api/thresholds", {
            dimensionType: "state",
            dimensionValue: i === 3 ? "TX" : "CA",
            thresholdPct: 30,
          })
        : api.post("/api/exposures/runs", { asOfDate: D1 });
    });
    const replies = await Promise.all(writes);
    for (const reply of replies) expect(reply.status, reply.text).toBe(201);
    // Each write took the lock once and bumped the version once, in its own transaction.
    expect(await version()).toBe(start + writes.length);
    const runs = await db.query("SELECT count(*)::int AS n FROM exposure_runs WHERE portfolio_id = $1", [portfolioId]);
    expect(runs.rows[0].n).toBe(1);
    // And both instances now answer the same, current state.
    const [fromA, fromB] = await Promise.all([
      viaA.ok(viaA.get<RunDetail>("/api/exposures/latest"), "latest via A"),
      viaB.ok(viaB.get<RunDetail>("/api/exposures/latest"), "latest via B"),
    ]);
    expect(fromB).toEqual(fromA);
    const newest = await db.query(
      "SELECT computed_at FROM exposure_runs WHERE portfolio_id = $1 ORDER BY computed_at DESC LIMIT 1",
      [portfolioId],
    );
    expect(fromA.computedAt).toBe((newest.rows[0].computed_at as Date).toISOString());
  });
});
