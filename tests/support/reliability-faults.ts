import pg from "pg";
import { expect } from "vitest";
import type { Reply } from "./http-client";
import { sleep } from "./reliability";

// The instruments of tests/reliability/faults.test.ts: sessions of the test's own on the app's
// Postgres database that block an import or a run at a known point, see what the app's backends
// are doing, and compare every row before and after a fault (db-proxy.ts takes the database away).

// A row of the big book past several insert chunks (20k each): blocking it stops an import
// deterministically in the middle, with 140k rows written and the old book deleted.
const BLOCKED_POSITION = "P150000";
// Every table of portfolio data, and the portfolio's audit trail (written in the same transactions).
const TABLES = [
  "portfolios",
  "positions",
  "import_batches",
  "import_row_errors",
  "exposure_runs",
  "exposures",
  "thresholds",
  "alerts",
  "alert_events",
  "audit_events",
];

export type Snapshot = Map<string, string[]>;

/** Sessions of the test's own on the database, told apart from the app's by their backend pids. */
export class DatabaseObserver {
  /** Rows lost or changed, and rows written, over every compare(). */
  lost = 0;
  stray = 0;
  private readonly mine: number[] = [];
  private observer: pg.Client | undefined;

  private constructor(
    readonly url: string,
    readonly portfolioId: string,
  ) {}

  static async connect(url: string, portfolioId: string): Promise<DatabaseObserver> {
    const observer = new DatabaseObserver(url, portfolioId);
    observer.observer = await observer.session();
    return observer;
  }

  private get db(): pg.Client {
    if (!this.observer) throw new Error("the observer is connected in connect()");
    return this.observer;
  }

  async session(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("error", () => {}); // a session of ours may be terminated along with the app's
    await client.connect();
    this.mine.push(
      ((await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid,
    );
    return client;
  }

  /** Every row of every table, as a hash of its text. */
  async snapshot(): Promise<Snapshot> {
    const result: Snapshot = new Map();
    for (const table of TABLES) {
      const only = table === "audit_events" ? "WHERE portfolio_id = $1" : "WHERE $1::uuid IS NOT NULL";
      const { rows } = await this.db.query<{ h: string }>(
        `SELECT md5(t::text) AS h FROM "${table}" t ${only} ORDER BY 1`,
        [this.portfolioId],
      );
      result.set(
        table,
        rows.map((r) => r.h),
      );
    }
    return result;
  }

  /** Rows of `before` missing afterwards (lost or changed) and rows that were not there before. */
  compare(label: string, before: Snapshot, after: Snapshot): void {
    const changes: string[] = [];
    for (const table of TABLES) {
      const remaining = new Map<string, number>();
      for (const h of after.get(table) ?? []) remaining.set(h, (remaining.get(h) ?? 0) + 1);
      let missing = 0;
      for (const h of before.get(table) ?? []) {
        const n = remaining.get(h) ?? 0;
        if (n === 0) missing++;
        else remaining.set(h, n - 1);
      }
      const added = [...remaining.values()].reduce((sum, n) => sum + n, 0);
      this.lost += missing;
      this.stray += added;
      if (missing || added) changes.push(`${table}: ${missing} rows lost or changed, ${added} rows written`);
    }
    const counts = TABLES.map((t) => `${t} ${before.get(t)?.length ?? 0}`).join(", ");
    console.log(`faults: ${label}: ${changes.length ? changes.join("; ") : `data exactly as before (${counts})`}`);
    expect(changes, label).toEqual([]);
  }

  /** The app's backends waiting for a lock in a query like `pattern`; fails if `request` settles first. */
  async waitForBlocked(pattern: string, request: Promise<Reply>): Promise<number[]> {
    let settled: Reply | undefined;
    void request.then((reply) => (settled = reply));
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await this.db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> ALL($1::int[]) AND wait_event_type = 'Lock' AND query ILIKE $2`,
        [this.mine, pattern],
      );
      if (rows.length) return rows.map((r) => r.pid);
      if (settled)
        throw new Error(
          `the request finished (${settled.status} ${settled.text.slice(0, 300)}) before it reached ${pattern}`,
        );
      if (Date.now() > deadline) throw new Error(`no backend blocked on ${pattern} within 120 s`);
      await sleep(20);
    }
  }

  /** Drops every connection of the app (not ours) from the database side; returns how many. */
  async dropAppConnections(): Promise<number | null> {
    const { rowCount } = await this.db.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> ALL($1::int[])",
      [this.mine],
    );
    return rowCount;
  }

  /** Waits until the app has no backend left in a transaction (a killed or cut one has rolled back). */
  async waitForRollback(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> ALL($1::int[]) AND xact_start IS NOT NULL`,
        [this.mine],
      );
      if (rows[0]?.n === 0) return;
      if (Date.now() > deadline) throw new Error("an app transaction is still open 60 s after the fault");
      await sleep(50);
    }
  }

  /** An uncommitted row holding BLOCKED_POSITION: the import's insert of that id waits for it. */
  async blockImport(): Promise<{ release(): Promise<void> }> {
    const blocker = await this.session();
    await blocker.query("BEGIN");
    await blocker.query("INSERT INTO positions (portfolio_id, position_id, position_value) VALUES ($1, $2, 1)", [
      this.portfolioId,
      BLOCKED_POSITION,
    ]);
    return { release: () => blocker.query("ROLLBACK").then(() => blocker.end()) };
  }

  /** An open alert locked for update: a run writes its snapshot, then waits to update that alert. */
  async blockRun(): Promise<{ release(): Promise<void> }> {
    const blocker = await this.session();
    await blocker.query("BEGIN");
    const locked = await blocker.query(
      "SELECT id FROM alerts WHERE portfolio_id = $1 AND open_key IS NOT NULL LIMIT 1 FOR UPDATE",
      [this.portfolioId],
    );
    expect(locked.rowCount, "an open alert to hold").toBe(1);
    return { release: () => blocker.query("ROLLBACK").then(() => blocker.end()) };
  }

  async end(): Promise<void> {
    await this.observer?.end();
  }
}

export function expectUnavailable(reply: Reply, what: string): void {
  const body = reply.body as { error?: { code?: string; message?: string } } | undefined;
  expect(reply.status, `${what}: ${reply.text.slice(0, 300)}`).toBe(503);
  expect(body?.error?.code, what).toBe("unavailable");
  expect(body?.error?.message?.length, what).toBeGreaterThan(10);
}
