import { afterEach, describe, expect, test, vi } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";
import { logger } from "@/lib/logger";
import type { PortfolioContext } from "@/lib/services/context";
import { importPositions, previewImport } from "@/lib/services/positions-import";
import { listImportBatches, listPositions } from "@/lib/services/positions-list";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

// The import's write path: rows COPYed into a staging table and moved into positions by one
// statement, in one transaction with the lock, the batch, its row errors and the audit record.

withTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const stored = async (ctx: PortfolioContext) => (await listPositions(ctx, { limit: 1000 })).items;

async function dataVersion(ctx: PortfolioContext): Promise<number> {
  const prisma = await getPrisma();
  const row = await prisma.portfolio.findUniqueOrThrow({ where: { id: ctx.portfolio.id } });
  return row.dataVersion;
}

async function auditCount(ctx: PortfolioContext): Promise<number> {
  return (await getPrisma()).auditEvent.count({ where: { portfolioId: ctx.portfolio.id } });
}

/** Runs `sql` statements (one per call: the extended protocol takes one) on the test database. */
async function execute(...statements: string[]): Promise<void> {
  const prisma = await getPrisma();
  for (const sql of statements) await prisma.$executeRawUnsafe(sql);
}

const AWKWARD = [
  "tab\there",
  "back\\slash",
  "new\nline",
  "carriage\rreturn",
  "\\N",
  "\\.",
  'quote " and "" and \'',
  "comma, semicolon; pipe |",
  "Zürich — 東京 🏢 ñ",
  "\\t not a tab",
];

describe("COPY carries every character exactly", () => {
  test.each(["csv", "json"] as const)("awkward ids and attributes round-trip through a %s import", async (format) => {
    const ctx = await freshPortfolio();
    const rows = AWKWARD.map((text, i) => ({
      position_id: `${text}#${i}`,
      asset_id: text,
      strategy: `S ${text}`,
      construction_type: text,
      rent_band: text,
      position_value: `${i + 1}.05`,
    }));
    const data = format === "csv" ? csvOf(rows) : JSON.stringify(rows);
    const result = await importPositions(ctx, { format, data }, { mode: "replace", onError: "reject" });
    expect(result).toMatchObject({ received: AWKWARD.length, imported: AWKWARD.length, rejected: [] });

    const parsed = await parsePositions({ format, data });
    const expected = parsed.rows.map((r) => r.position);
    expect(expected.map((p) => p.assetId)).toEqual(AWKWARD);
    const got = (await stored(ctx)).map(({ id: _, batchId: __, updatedAt: ___, ...position }) => position);
    expect(got).toEqual(expected);
  });

  test("skipped rows' errors, awkward values quoted in them, are stored on the batch as reported", async () => {
    const ctx = await freshPortfolio();
    const data = csvOf([
      { position_id: "ok", state: "CA", position_value: "1" },
      { position_id: "bad\ttab", state: "X\\Y\tZ", position_value: "1" },
      { position_id: "bad2", state: "CA", position_value: "東京" },
    ]);
    const result = await importPositions(ctx, { format: "csv", data }, { mode: "replace", onError: "skip" });
    const [batch] = await listImportBatches(ctx);
    expect(batch?.errors).toEqual(result.rejected);
    expect(result.rejected.map((r) => r.message)).toEqual([
      'state "X\\\\Y\\tZ" is not a US state, DC or PR code',
      'position_value must be a number greater than 0 (got "東京")',
    ]);
  });
});

describe("all or nothing", () => {
  const BOOK = csvOf([
    { position_id: "P1", asset_id: "A1", position_value: "100" },
    { position_id: "P2", asset_id: "A2", position_value: "200" },
  ]);

  async function expectUnchanged(ctx: PortfolioContext, attempt: () => Promise<unknown>, message: RegExp) {
    const before = { positions: await stored(ctx), version: await dataVersion(ctx), audit: await auditCount(ctx) };
    const batches = await listImportBatches(ctx);
    await expect(attempt()).rejects.toThrow(message);
    expect(await stored(ctx)).toEqual(before.positions);
    expect(await dataVersion(ctx)).toBe(before.version);
    expect(await auditCount(ctx)).toBe(before.audit);
    expect(await listImportBatches(ctx)).toEqual(batches);
  }

  test("a row the database refuses while moving rows into positions leaves the book, batches, audit and version as they were", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
    await execute(
      `CREATE OR REPLACE FUNCTION test_refuse_position() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.asset_id = 'REFUSED' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$`,
      "CREATE TRIGGER test_refuse_position BEFORE INSERT OR UPDATE ON positions FOR EACH ROW EXECUTE FUNCTION test_refuse_position()",
    );
    try {
      const rows = Array.from({ length: 50 }, (_, i) => ({
        position_id: `N${i}`,
        asset_id: i === 40 ? "REFUSED" : `A${i}`,
        position_value: String(i + 1),
      }));
      for (const mode of ["replace", "upsert"] as const) {
        await expectUnchanged(
          ctx,
          () => importPositions(ctx, { format: "csv", data: csvOf(rows) }, { mode, onError: "skip" }),
          /refused by the test trigger/,
        );
      }
    } finally {
      await execute("DROP TRIGGER test_refuse_position ON positions", "DROP FUNCTION test_refuse_position()");
    }
  });

  test("a COPY that fails part-way (the batch's row errors) leaves everything as it was", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
    await execute(
      `CREATE OR REPLACE FUNCTION test_refuse_row_error() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.message LIKE '%REFUSED%' THEN RAISE EXCEPTION 'row error refused by the test trigger'; END IF; RETURN NEW; END $$`,
      "CREATE TRIGGER test_refuse_row_error BEFORE INSERT ON import_row_errors FOR EACH ROW EXECUTE FUNCTION test_refuse_row_error()",
    );
    try {
      const rows = Array.from({ length: 30 }, (_, i) => ({
        position_id: `N${i}`,
        state: i % 3 === 0 ? (i === 21 ? "REFUSED" : "ZZ") : "CA",
        position_value: String(i + 1),
      }));
      await expectUnchanged(
        ctx,
        () => importPositions(ctx, { format: "csv", data: csvOf(rows) }, { mode: "replace", onError: "skip" }),
        /row error refused by the test trigger/,
      );
    } finally {
      await execute("DROP TRIGGER test_refuse_row_error ON import_row_errors", "DROP FUNCTION test_refuse_row_error()");
    }
  });

  test("a successful import bumps the data version once and writes one audit record", async () => {
    const ctx = await freshPortfolio();
    const version = await dataVersion(ctx);
    const result = await importPositions(
      ctx,
      { format: "csv", data: BOOK, sourceName: "b.csv" },
      { mode: "replace", onError: "reject" },
    );
    expect(await dataVersion(ctx)).toBe(version + 1);
    // The portfolio's creation is audited too; the import adds exactly one record.
    const events = await (await getPrisma()).auditEvent.findMany({
      where: { portfolioId: ctx.portfolio.id, action: { not: "portfolio.created" } },
    });
    expect(events.map((e) => [e.action, e.actorEmail, e.target, e.details])).toEqual([
      [
        "positions.imported",
        "system",
        result.batchId,
        { mode: "replace", onError: "reject", source: "b.csv", received: 2, imported: 2, rejectedRows: 0 },
      ],
    ]);
  });
});

describe("a big book, written in slices on the embedded database", () => {
  // On PGlite the COPY goes one megabyte at a time and the statements a few pages at a time, so
  // readers are served in between (lib/db/copy.ts); 30,000 rows make 3 COPYs and dozens of slices.
  const ROWS = 30_000;
  const book = (prefix: string, refuseAt = -1) =>
    csvOf(
      Array.from({ length: ROWS }, (_, i) => ({
        position_id: `${prefix}${i}`,
        asset_id: i === refuseAt ? "REFUSED" : `asset-${i}-${"x".repeat(20)}`,
        state: i % 2 ? "CA" : "TX",
        position_value: String(i + 1),
      })),
    );
  const idsInOrder = async (ctx: PortfolioContext) =>
    (
      await (
        await getPrisma()
      ).position.findMany({
        where: { portfolioId: ctx.portfolio.id },
        orderBy: { id: "asc" },
        select: { positionId: true },
      })
    ).map((p) => p.positionId);

  test("every row lands once, in file order; replace removes only this portfolio's book", async () => {
    const ctx = await freshPortfolio();
    const neighbour = await freshPortfolio();
    await importPositions(neighbour, { format: "csv", data: book("N") }, { mode: "replace", onError: "reject" });
    await importPositions(ctx, { format: "csv", data: book("OLD") }, { mode: "replace", onError: "reject" });
    const result = await importPositions(
      ctx,
      { format: "csv", data: book("P") },
      { mode: "replace", onError: "reject" },
    );
    expect(result.imported).toBe(ROWS);
    expect(await idsInOrder(ctx)).toEqual(Array.from({ length: ROWS }, (_, i) => `P${i}`));
    expect(await idsInOrder(neighbour)).toHaveLength(ROWS);
  });

  test("a row refused in the last slice leaves the book as it was", async () => {
    const ctx = await freshPortfolio();
    await importPositions(ctx, { format: "csv", data: book("OLD") }, { mode: "replace", onError: "reject" });
    const version = await dataVersion(ctx);
    await execute(
      `CREATE OR REPLACE FUNCTION test_refuse_late() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.asset_id = 'REFUSED' THEN RAISE EXCEPTION 'refused late by the test trigger'; END IF; RETURN NEW; END $$`,
      "CREATE TRIGGER test_refuse_late BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION test_refuse_late()",
    );
    try {
      await expect(
        importPositions(ctx, { format: "csv", data: book("P", ROWS - 2) }, { mode: "replace", onError: "reject" }),
      ).rejects.toThrow(/refused late by the test trigger/);
    } finally {
      await execute("DROP TRIGGER test_refuse_late ON positions", "DROP FUNCTION test_refuse_late()");
    }
    expect(await idsInOrder(ctx)).toEqual(Array.from({ length: ROWS }, (_, i) => `OLD${i}`));
    expect(await dataVersion(ctx)).toBe(version);
  });
});

describe("upsert", () => {
  test("updates matched rows in place (same id, new batch, later updated_at), adds new ones, keeps the rest", async () => {
    const ctx = await freshPortfolio();
    const first = await importPositions(
      ctx,
      {
        format: "csv",
        data: csvOf([
          { position_id: "P1", asset_id: "A1", state: "CA", position_value: "100", units: "5" },
          { position_id: "P2", asset_id: "A2", state: "TX", position_value: "200", units: "6" },
        ]),
      },
      { mode: "replace", onError: "reject" },
    );
    const before = await stored(ctx);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await importPositions(
      ctx,
      {
        format: "csv",
        data: csvOf([
          { position_id: "P2", asset_id: "", state: "ny", position_value: "250.5", units: "" },
          { position_id: "P3", asset_id: "A3", state: "FL", position_value: "300", units: "7" },
          { position_id: "", asset_id: "A4", state: "FL", position_value: "400", units: "8" },
        ]),
      },
      { mode: "upsert", onError: "skip" },
    );
    expect(second).toMatchObject({ received: 3, imported: 2 });
    expect(second.rejected).toEqual([
      { row: 4, field: "position_id", message: "position_id is required in upsert mode" },
    ]);
    const after = await stored(ctx);
    const [p1, p2] = before;
    expect(after.map((p) => [p.positionId, p.assetId, p.state, p.positionValue, p.units])).toEqual([
      ["P1", "A1", "CA", 100, 5],
      ["P2", null, "NY", 250.5, null],
      ["P3", "A3", "FL", 300, 7],
    ]);
    expect(after[0]).toEqual(p1);
    expect(after[1]).toMatchObject({ id: p2?.id, batchId: second.batchId });
    expect(Date.parse(after[1]?.updatedAt ?? "")).toBeGreaterThan(Date.parse(p2?.updatedAt ?? ""));
    expect(after[2]?.batchId).toBe(second.batchId);
    expect(first.batchId).not.toBe(second.batchId);
  });
});

describe("the import worker and AKER_IMPORT_WORKERS=0 store the same", { timeout: 120_000 }, () => {
  test("a file with bad rows, imported and previewed both ways", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      position_id: i === 7 ? "" : `P${i}`,
      asset_id: i % 50 === 0 ? "tab\there \\N" : `A${i}`,
      msa_id: i % 97 === 0 ? "1242" : "12420",
      strategy: ["core", "Value Add", " core plus "][i % 3] ?? "",
      state: i % 61 === 0 ? "ZZ" : "CA",
      vintage: 1950 + (i % 70),
      position_value: `$${(i + 1) * 1000}.25`,
      units: i % 5,
    }));
    const data = csvOf(rows);
    const outcome = async (workers: "0" | "1") => {
      vi.stubEnv("AKER_IMPORT_WORKERS", workers);
      const ctx = await freshPortfolio();
      const preview = await previewImport(ctx, { format: "csv", data }, { mode: "upsert" });
      const result = await importPositions(ctx, { format: "csv", data }, { mode: "upsert", onError: "skip" });
      const positions = (await stored(ctx)).map(({ id: _, batchId: __, updatedAt: ___, ...p }) => p);
      const [batch] = await listImportBatches(ctx);
      return { preview, result: { ...result, batchId: null }, positions, errors: batch?.errors };
    };
    // A worker that cannot start is logged and the file parsed in-thread: here it must have started.
    const workerFailures = vi.spyOn(logger, "error");
    const worker = await outcome("1");
    expect(workerFailures).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    const inThread = await outcome("0");
    expect(worker).toEqual(inThread);
    expect(worker.result.imported).toBe(worker.positions.length);
    expect(worker.preview).toMatchObject({ valid: worker.positions.length, stored: 0 });
    expect(worker.preview.sample).toHaveLength(10);
  });
});

test("AppError from a refused file keeps its rows either way", async () => {
  const ctx = await freshPortfolio();
  vi.stubEnv("AKER_IMPORT_WORKERS", "1");
  const error = await importPositions(
    ctx,
    { format: "csv", data: "position_id,position_value\nA,1\nB,-1" },
    { mode: "replace", onError: "reject" },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).details).toEqual([
    { row: 3, field: "position_value", message: 'position_value must be a number greater than 0 (got "-1")' },
  ]);
}, 60_000);
