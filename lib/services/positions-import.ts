import { rm } from "node:fs/promises";
import { getPrisma } from "../db/client";
import { type RawTx, rawTransaction } from "../db/copy";
import { POSITION_COLUMNS } from "../engine/normalize";
import type { Position } from "../engine/types";
import { AppError } from "../errors";
import type { ImportFormat, Interpretation, ResolvedColumn, RowError } from "../import";
import { copyField } from "../import/copy-text";
import { prepareImportOffThread } from "../import/off-thread";
import type { PreparedImport } from "../import/prepare";
import { logger } from "../logger";
import { maxImportRows } from "../request-caps";
import type { ImportOptions } from "../schemas";
import { auditRow } from "./audit";
import { getRememberedMapping, rememberMapping } from "./column-mappings";
import type { PortfolioContext } from "./context";
import { syncFreshness } from "./freshness";
import { importCopyFile, removeOrphanCopyFiles } from "./import-files";
import { lockPortfolio } from "./portfolios";

export interface ImportResult {
  batchId: string | null;
  received: number;
  imported: number;
  rejected: Array<{ row: number; field: string; message: string }>;
  ignoredColumns: string[];
  /** Every column of the file: the column it was imported as (null: ignored) and why. */
  columns: ResolvedColumn[];
  /** How the file was read: encoding, separator, decimal mark, sheet. */
  interpretation: Interpretation;
}

export interface ImportSource {
  format: ImportFormat;
  data: string | Uint8Array;
  sourceName?: string;
  /** The bytes are this request's own (an upload): parsing may take them over (prepare.ts). */
  owned?: boolean;
}

/** How to read the file and what to do with it; the reading options are detected when unset. */
export type PreviewOptions = Pick<ImportOptions, "mode" | "delimiter" | "decimal" | "sheet" | "mapping">;

/**
 * Parse and validate for a mode, in the import worker: the one path both the preview and the
 * import take. The portfolio's remembered mapping applies under the caller's.
 */
async function validateImport(
  ctx: PortfolioContext,
  source: ImportSource,
  options: PreviewOptions,
  copyTo?: string,
): Promise<PreparedImport> {
  const { mode, delimiter, decimal, sheet, mapping } = options;
  const remembered = await getRememberedMapping(ctx);
  return prepareImportOffThread(
    { format: source.format, data: source.data, owned: source.owned },
    { mode, copyTo, maxRows: maxImportRows(), delimiter, decimal, sheet, mapping, remembered },
  );
}

export interface ImportPreview {
  received: number;
  /** Rows that would be stored. */
  valid: number;
  rejected: RowError[];
  rejectedRows: number;
  ignoredColumns: string[];
  /**
   * Every column of the file, in file order: the column it maps to (null: ignored) and how
   * (`mapping`, `remembered`, `name`, `synonym`; null: not recognised).
   */
  columns: ResolvedColumn[];
  /** How the file was read: encoding, separator, decimal mark, sheet (and the workbook's sheets). */
  interpretation: Interpretation;
  /** The first valid rows, normalised as they would be stored. */
  sample: Array<Position & { row: number }>;
  /** Positions stored now: what replace would remove. */
  stored: number;
}

/** What importPositions would do with this file, without writing anything. */
export async function previewImport(
  ctx: PortfolioContext,
  source: ImportSource,
  options: PreviewOptions,
): Promise<ImportPreview> {
  const { portfolio } = ctx;
  const { mode } = options;
  const checked = await validateImport(ctx, source, options);
  const stored = await (await getPrisma()).position.count({ where: { portfolioId: portfolio.id } });
  logger.info(
    {
      event: "positions.preview",
      portfolio: portfolio.slug,
      format: source.format,
      mode,
      read: checked.interpretation.description,
      received: checked.received,
      rejectedRows: checked.badRows,
    },
    "import previewed",
  );
  return {
    received: checked.received,
    valid: checked.valid,
    rejected: checked.rejected,
    rejectedRows: checked.badRows,
    ignoredColumns: checked.ignoredColumns,
    columns: checked.columns,
    interpretation: checked.interpretation,
    sample: checked.sample,
    stored,
  };
}

/**
 * Parses, validates and stores a positions file as one transaction. With onError=reject any bad
 * row refuses the whole file (422 listing every bad row) and nothing is written; with skip the
 * valid rows are stored and the bad ones recorded on the batch. A stored import's `mapping` is
 * remembered for the portfolio's next uploads.
 */
export async function importPositions(
  ctx: PortfolioContext,
  source: ImportSource,
  options: Pick<ImportOptions, "mode" | "onError"> & Partial<PreviewOptions>,
): Promise<ImportResult> {
  // The rows to store go to a file as COPY text, not into memory; it is removed however this ends
  // (and, if this process is killed first, by a later import: import-files.ts).
  void removeOrphanCopyFiles().catch((error: unknown) =>
    logger.warn({ event: "import.orphans_failed", err: error }, "could not clear old COPY files"),
  );
  const copyFile = importCopyFile();
  try {
    return await validateAndStore(ctx, source, options, copyFile);
  } finally {
    await rm(copyFile, { force: true });
  }
}

async function validateAndStore(
  ctx: PortfolioContext,
  source: ImportSource,
  options: Pick<ImportOptions, "mode" | "onError"> & Partial<PreviewOptions>,
  copyFile: string,
): Promise<ImportResult> {
  const { portfolio } = ctx;
  const prepared = await validateImport(ctx, source, options, copyFile);
  const { received, valid, rejected, badRows, ignoredColumns, columns, interpretation } = prepared;
  const log = {
    event: "positions.import",
    portfolio: portfolio.slug,
    format: source.format,
    mode: options.mode,
    read: interpretation.description,
    received,
  };
  if (badRows > 0 && options.onError === "reject") {
    logger.warn({ ...log, rejectedRows: badRows }, "import refused");
    throw new AppError(
      "invalid_data",
      `${badRows} of ${received} rows are invalid; nothing was imported. Fix them, or import with onError=skip to load only the valid rows.`,
      rejected,
    );
  }

  // An empty file (or one whose every row is bad) must never wipe the book in replace mode.
  if (valid === 0) {
    logger.warn({ ...log, rejectedRows: badRows }, "import refused: no valid rows");
    throw new AppError(
      "invalid_data",
      `The file has no valid data rows (${received} received); nothing was imported.`,
      rejected.length ? rejected : undefined,
    );
  }

  const batchId = await rawTransaction((tx) => storeImport(tx, ctx, source, options, prepared, copyFile));
  logger.info({ ...log, batchId, imported: valid, rejectedRows: badRows }, "import stored");
  // New data: a stale-data alert, if one is open, resolves.
  await syncFreshness(ctx);
  return { batchId, received, imported: valid, rejected, ignoredColumns, columns, interpretation };
}

const STAGE = "positions_import_stage";
// The import's columns are the table's, in the order positionCopyLine writes them.
const COLUMNS = POSITION_COLUMNS.join(", ");

/**
 * The write, all or nothing: the lock, the batch and its row errors, the audit record, and the
 * rows, COPYed into a staging table and moved into positions by one statement.
 */
async function storeImport(
  tx: RawTx,
  ctx: PortfolioContext,
  source: ImportSource,
  options: Pick<ImportOptions, "mode" | "onError" | "mapping">,
  { received, valid, rejected, badRows }: PreparedImport,
  copyFile: string,
): Promise<string> {
  const portfolioId = ctx.portfolio.id;
  await lockPortfolio(tx.executeRaw, portfolioId);
  const [batch] = await tx.query<{ id: string }>(
    `INSERT INTO import_batches (portfolio_id, mode, on_error, format, source_name, received, imported, rejected_count,
       created_at) VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, clock_timestamp()) RETURNING id`,
    [portfolioId, options.mode, options.onError, source.format, source.sourceName ?? null, received, valid, badRows],
  );
  if (batch === undefined) throw new Error("import_batches: INSERT … RETURNING returned no row");
  if (rejected.length)
    await tx.copyFrom('import_row_errors (batch_id, "row", field, message)', rowErrorsText(batch.id, rejected));
  if (options.mode === "replace")
    await tx.sliced("positions", (slice) => `DELETE FROM positions WHERE portfolio_id = $1::uuid AND ${slice}`, [
      portfolioId,
    ]);

  await tx.query(
    `CREATE TEMP TABLE ${STAGE} (position_id text, asset_id text, msa_id text, strategy text, state text, vintage int,
       construction_type text, rent_band text, position_value numeric(20, 2), units int, ownership_pct numeric(7, 4)) ON COMMIT DROP`,
  );
  await tx.copyFrom(`${STAGE} (${COLUMNS})`, { file: copyFile });
  // The staging table is read in its physical order, so positions get their ids in file order.
  const conflict =
    options.mode === "upsert"
      ? `ON CONFLICT (portfolio_id, position_id) DO UPDATE SET asset_id = EXCLUDED.asset_id, msa_id = EXCLUDED.msa_id,
         strategy = EXCLUDED.strategy, state = EXCLUDED.state, vintage = EXCLUDED.vintage,
         construction_type = EXCLUDED.construction_type, rent_band = EXCLUDED.rent_band,
         position_value = EXCLUDED.position_value, units = EXCLUDED.units,
         ownership_pct = EXCLUDED.ownership_pct, batch_id = EXCLUDED.batch_id, updated_at = now()`
      : "";
  await tx.sliced(
    STAGE,
    (slice) =>
      `INSERT INTO positions (portfolio_id, batch_id, ${COLUMNS})
       SELECT $1::uuid, $2::uuid, ${COLUMNS} FROM ${STAGE} WHERE ${slice} ${conflict}`,
    [portfolioId, batch.id],
  );

  if (options.mapping !== undefined) await rememberMapping(tx, portfolioId, options.mapping);

  // audit()'s row (audit.ts), on this transaction rather than Prisma's. Timestamps are taken now,
  // as Prisma takes them, not when the transaction began (perhaps queued for the lock).
  const row = auditRow(ctx, "positions.imported", {
    portfolioId,
    target: batch.id,
    details: {
      mode: options.mode,
      onError: options.onError,
      source: source.sourceName ?? null,
      received,
      imported: valid,
      rejectedRows: badRows,
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    },
  });
  await tx.query(
    `INSERT INTO audit_events (action, actor_id, actor_email, portfolio_id, target, details, at)
     VALUES ($1, $2, $3, $4::uuid, $5, $6::jsonb, clock_timestamp())`,
    [row.action, row.actorId, row.actorEmail, row.portfolioId, row.target, JSON.stringify(row.details ?? null)],
  );
  return batch.id;
}

function rowErrorsText(batchId: string, rejected: RowError[]): Uint8Array<ArrayBuffer>[] {
  const lines = rejected.map((r) => `${batchId}\t${r.row}\t${copyField(r.field)}\t${copyField(r.message)}\n`);
  return [new TextEncoder().encode(lines.join(""))];
}
