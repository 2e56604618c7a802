import { describe, expect, test } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { withTestDatabase } from "../support/db";

// Issue 10's migrations keep stored data meaning what it did. The limit kinds migration keeps every
// existing limit what it was: a share of value, with its percentage and side, and every existing
// alert a breach in percentage points. The region migration gives stored runs their region
// buckets from their state buckets. Checked by
// running the real migration files, in order, into a scratch schema holding data written before
// it, inside a transaction that is rolled back.

const database = withTestDatabase();
const KINDS = "20261205000000_limit_kinds";
const REGION = "20261207000000_region";

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

describe(`migration ${REGION}`, () => {
  test("gives runs stored before it their region buckets, summed from their state buckets", async () => {
    const migrations = await readMigrations();
    const at = migrations.findIndex((m) => m.name === REGION);
    expect(at).toBeGreaterThan(0);
    let rows: unknown[] = [];
    await inRolledBackTransaction(async (exec, query) => {
      await exec("CREATE SCHEMA before_region");
      await exec("SET LOCAL search_path TO before_region");
      for (const m of migrations.slice(0, at)) await exec(m.sql);
      await exec(
        `INSERT INTO exposure_runs (id, portfolio_id, as_of_date, source, total_portfolio_value, position_count, concentration)
         SELECT '00000000-0000-4000-8000-000000000001', id, '2025-06-30', 'stored', 800, 6, '{}' FROM portfolios
          WHERE slug = 'default'`,
      );
      // TX 300 + GA 100 (south), CA 200 (west), PR 120 and unknown 80 (unknown region), and a
      // strategy row the migration must leave alone.
      await exec(
        `INSERT INTO exposures (run_id, dimension_type, dimension_value, exposure_value, exposure_pct, position_count,
           exposure_units, units_count)
         SELECT '00000000-0000-4000-8000-000000000001', d, v, x, x / 8, n, u, nu
           FROM (VALUES ('state', 'TX', 300, 2, 10.5, 2), ('state', 'GA', 100, 1, 4, 1), ('state', 'CA', 200, 1, 0, 0),
                        ('state', 'PR', 120, 1, 3, 1), ('state', 'unknown', 80, 1, 2, 1),
                        ('strategy', 'core', 800, 6, 19.5, 5)) AS t(d, v, x, n, u, nu)`,
      );
      await exec(migrations[at]?.sql ?? "");
      rows = await query(
        `SELECT dimension_value, exposure_value::text AS value, exposure_pct, position_count, exposure_units::text AS units,
                units_count FROM exposures WHERE dimension_type = 'region' ORDER BY exposure_value DESC, dimension_value`,
      );
    });
    expect(rows).toEqual([
      {
        dimension_value: "south",
        value: "400.00",
        exposure_pct: 50,
        position_count: 3,
        units: "14.50",
        units_count: 3,
      },
      {
        dimension_value: "unknown",
        value: "200.00",
        exposure_pct: 25,
        position_count: 2,
        units: "5.00",
        units_count: 2,
      },
      { dimension_value: "west", value: "200.00", exposure_pct: 25, position_count: 1, units: "0.00", units_count: 0 },
    ]);
  });
});
