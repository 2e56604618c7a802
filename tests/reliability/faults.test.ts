import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { startProxy } from "@/tests/support/db-proxy";
import { HttpClient, noReply, type Reply } from "@/tests/support/http-client";
import { type Book, createPortfolio, makeBook, sleep } from "@/tests/support/reliability";
import { DatabaseObserver, expectUnavailable } from "@/tests/support/reliability-faults";

// Every import and run is one transaction: whatever happens in the middle of one (the connection
// dropped, the app killed, the database away) the data afterwards is exactly the data before,
// the API answers 503 while the database is away, and it recovers by itself when it is back.
// Postgres only: PGlite lives inside the app process and has no connection to drop.

const BASE_URL = process.env.DATABASE_URL?.trim() || process.env.AKER_DATABASE_URL?.trim();
if (!BASE_URL)
  console.log("faults: skipped: the fault tests need Postgres (set DATABASE_URL); PGlite has no connection to drop");

const BOOK_ROWS = 40_000;
const BIG_ROWS = 200_000;
const D1 = "2025-01-31";
const D2 = "2025-02-28";

describe.skipIf(!BASE_URL)("faults (Postgres)", () => {
  let scratch: ScratchDatabase;
  let url: string;
  let server: AppServer;
  let api: HttpClient;
  let db: DatabaseObserver;
  let big: Book;
  let faults = 0;

  async function positionTotal(): Promise<number> {
    return (await api.ok(api.get<{ total: number }>("/api/positions", { limit: 1 }), "positions")).total;
  }

  // A restart runs on the same database with the users the first start seeded there.
  const start = (database = scratch.config) =>
    startAppServer("aker_rel_faults", server ? { database, seeded: server.seeded } : { database });

  beforeAll(async () => {
    big = makeBook(BIG_ROWS, 2);
    scratch = await createScratchDatabase("aker_rel_faults");
    if (scratch.config.kind !== "postgres") throw new Error("expected Postgres");
    url = scratch.config.url;
    server = await start();
    const created = await createPortfolio(server, "faults");
    api = created.api;
    db = await DatabaseObserver.connect(url, created.id);
    // The before state: a book, limits, a run with alerts, one of them acknowledged.
    await api.ok(api.importCsv(makeBook(BOOK_ROWS, 1).csv, { mode: "replace" }), "setup import");
    for (const limit of [
      { dimensionType: "strategy", thresholdPct: 25, severityLevel: "warning" },
      { dimensionType: "state", thresholdPct: 2.3, severityLevel: "critical" },
    ]) {
      await api.ok(api.post("/api/thresholds", limit), "setup limit");
    }
    await api.ok(api.post("/api/exposures/runs", { asOfDate: D1 }), "setup run");
    const alerts = await api.ok(api.get<{ items: Array<{ id: string }> }>("/api/alerts", { status: "open" }), "alerts");
    expect(alerts.items.length).toBeGreaterThan(1);
    await api.ok(
      api.post(`/api/alerts/${alerts.items[0]?.id}/acknowledge`, { comment: "watching" }),
      "setup acknowledge",
    );
  });

  afterAll(async () => {
    console.log(`faults: ${faults} faults injected, ${db?.lost ?? 0} rows lost`);
    console.log(`faults: ${db?.stray ?? 0} rows half-written`);
    await server?.stop();
    await db?.end();
    await scratch?.drop();
  });

  test("the connection dropped in the middle of a 200k-row import: 503, nothing written, the next request works", async () => {
    const before = await db.snapshot();
    const blocker = await db.blockImport();
    const importing = api.importCsv(big.csv, { mode: "replace" }).catch(noReply);
    await db.waitForBlocked("%INSERT INTO positions%", importing);
    const rowCount = await db.dropAppConnections();
    faults++;
    await blocker.release();
    expectUnavailable(await importing, "the import whose connection was dropped");
    console.log(
      `faults: dropped ${rowCount} app connections in the middle of a ${BIG_ROWS.toLocaleString("en-US")}-row import; it answered 503`,
    );

    // No restart: the very next requests are served.
    expect(await positionTotal()).toBe(BOOK_ROWS);
    await db.waitForRollback();
    db.compare("connection dropped mid-import", before, await db.snapshot());
    await api.ok(api.post("/api/exposures/runs", { asOfDate: D1 }), "a run after the drop");
  });

  test("the app killed (SIGKILL) in the middle of an import and of a run: after a restart the data is as before", async () => {
    let before = await db.snapshot();
    let blocker = await db.blockImport();
    const importing = api.importCsv(big.csv, { mode: "replace" }).catch(noReply);
    await db.waitForBlocked("%INSERT INTO positions%", importing);
    await server.kill();
    faults++;
    await blocker.release();
    await importing;
    await db.waitForRollback();
    db.compare("killed mid-import", before, await db.snapshot());
    server = await start();
    api = new HttpClient(server, "faults");
    expect(await positionTotal()).toBe(BOOK_ROWS);
    db.compare("restarted after the kill mid-import", before, await db.snapshot());

    before = await db.snapshot();
    blocker = await db.blockRun();
    const running = api.post("/api/exposures/runs", { asOfDate: D2 }).catch(noReply);
    await db.waitForBlocked('%UPDATE%"alerts"%', running);
    await server.kill();
    faults++;
    await blocker.release();
    await running;
    await db.waitForRollback();
    db.compare("killed mid-run", before, await db.snapshot());
    server = await start();
    api = new HttpClient(server, "faults");
    const runs = await api.ok(api.get<{ items: Array<{ asOfDate: string }> }>("/api/exposures/runs"), "runs");
    expect(runs.items.map((r) => r.asOfDate)).toEqual([D1]);
    db.compare("restarted after the kill mid-run", before, await db.snapshot());
  });

  test("the database away: 503 with a message while it is, back by itself within seconds when it returns", async () => {
    const proxy = await startProxy(new URL(url));
    try {
      await server.stop();
      const proxied = new URL(url);
      proxied.port = String(proxy.port);
      server = await start({ kind: "postgres", url: proxied.toString() });
      api = new HttpClient(server, "faults");
      expect(await positionTotal()).toBe(BOOK_ROWS);
      const before = await db.snapshot();

      // A write in flight when the database goes away.
      const blocker = await db.blockImport();
      const importing = api.importCsv(big.csv, { mode: "replace" }).catch(noReply);
      await db.waitForBlocked("%INSERT INTO positions%", importing);
      proxy.cut();
      faults++;
      expectUnavailable(await importing, "the import in flight when the database went away");

      // While it is away: reads, health and writes answer 503, quickly.
      const during: Array<[string, () => Promise<Reply>]> = [
        ["GET /api/health", () => api.get("/api/health")],
        ["GET /api/positions", () => api.get("/api/positions")],
        ["GET /api/alerts", () => api.get("/api/alerts")],
        ["POST /api/thresholds", () => api.post("/api/thresholds", { dimensionType: "msa", thresholdPct: 5 })],
        ["POST /api/exposures/runs", () => api.post("/api/exposures/runs", { asOfDate: D2 })],
      ];
      for (const [what, send] of during) {
        const started = performance.now();
        expectUnavailable(await send(), `${what} while the database is away`);
        expect(performance.now() - started, `${what} answers without hanging`).toBeLessThan(10_000);
      }
      faults++;
      await blocker.release();
      await db.waitForRollback();
      db.compare("database away", before, await db.snapshot());

      // Back: the app recovers by itself, its pool included.
      await proxy.restore();
      const restored = performance.now();
      let health = await api.get("/api/health");
      while (health.status !== 200 && performance.now() - restored < 15_000) {
        await sleep(100);
        health = await api.get("/api/health");
      }
      const recoveryMs = Math.round(performance.now() - restored);
      expect(health.status, health.text).toBe(200);
      console.log(
        `faults: with the database away ${during.length + 1} requests answered 503 (no 500); back in ${recoveryMs} ms without a restart`,
      );
      expect(recoveryMs).toBeLessThan(5_000);
      expect(await positionTotal()).toBe(BOOK_ROWS);
      await api.ok(api.post("/api/thresholds", { dimensionType: "msa", thresholdPct: 5 }), "a write after the outage");
      await api.ok(api.post("/api/exposures/runs", { asOfDate: D1 }), "a run after the outage");
    } finally {
      await server.stop();
      await proxy.close();
      server = await start();
    }
  });
});
