import { describe, expect, test } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { withTestDatabase } from "../support/db";

// The limit kinds migration (issue 10) keeps every existing limit what it was: a share of value,
// with its percentage and side, and every existing alert a breach in percentage points. Checked by
// running the real migration files, in order, into a scratch schema holding data written before
// it, inside a transaction that is rolled back.

const database = withTestDatabase();
const KINDS = "20261205000000_limit_kinds";

type Exec = (sql: string) => Promise<void>;
type Query = (sql: string) => Promise<unknown[]>;

/** Runs `work` on the driver's own connection (migrations are multi-statement SQL), then rolls back. */
async function inRolledBackTransaction(work: (exec: Exec, query: Query) => Promise<void>): Promise<void> {
  const { driver } = database();
  if (driver.kind === "postgres") {
    const client = await driver.pool.connect();
    try {
      await client.query("BEGIN");
      await work(
        async (sql) => void (await client.query(sql)),
        async (sql) => (await client.query(sql)).rows,
      );
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    return;
  }
  await driver.lite.transaction(async (tx) => {
    await work(
      async (sql) => void (await tx.exec(sql)),
      async (sql) => (await tx.query(sql)).rows,
    );
    await tx.rollback();
  });
}

describe(`migration ${KINDS}`, () => {
  test("keeps existing limits as kind share, basis value, and their alerts in pp", async () => {
    const migrations = await readMigrations();
    const at = migrations.findIndex((m) => m.name === KINDS);
    expect(at).toBeGreaterThan(0);
    let seen: { limits: unknown[]; alerts: unknown[] } | undefined;
    await inRolledBackTransaction(async (exec, query) => {
      await exec("CREATE SCHEMA before_kinds");
      await exec("SET LOCAL search_path TO before_kinds");
      for (const m of migrations.slice(0, at)) await exec(m.sql);
      await exec(
        `INSERT INTO thresholds (portfolio_id, dimension_type, dimension_value, threshold_pct, threshold_type, severity_level)
         SELECT id, 'strategy', 'value_add', 30, 'maximum', 'critical' FROM portfolios WHERE slug = 'default'`,
      );
      await exec(
        `INSERT INTO alerts (portfolio_id, threshold_id, open_key, dimension_type, dimension_value, severity, status,
           threshold_type, exposure_pct, threshold_pct, breach_pct, alert_message)
         SELECT portfolio_id, id, id || '|value_add', 'strategy', 'value_add', 'critical', 'active', 'maximum', 40, 30, 10, 'm'
           FROM thresholds`,
      );
      await exec(migrations[at]?.sql ?? "");
      seen = {
        limits: await query(
          `SELECT kind, basis, threshold_pct, threshold_type, threshold_amount, threshold_count, top_n, threshold_hhi,
                  target_pct, band_pp FROM thresholds`,
        ),
        alerts: await query("SELECT kind, basis, breach_unit, exposure_pct, threshold_pct FROM alerts"),
      };
    });
    expect(seen).toEqual({
      limits: [
        {
          kind: "share",
          basis: "value",
          threshold_pct: 30,
          threshold_type: "maximum",
          threshold_amount: null,
          threshold_count: null,
          top_n: null,
          threshold_hhi: null,
          target_pct: null,
          band_pp: null,
        },
      ],
      alerts: [{ kind: "share", basis: "value", breach_unit: "pp", exposure_pct: 40, threshold_pct: 30 }],
    });
    const leftover = await database().prisma.$queryRawUnsafe<unknown[]>(
      "SELECT 1 FROM pg_namespace WHERE nspname = 'before_kinds'",
    );
    expect(leftover).toEqual([]);
  });
});
