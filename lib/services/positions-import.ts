import { getPrisma } from "../db/client";
import { LONG_TX, type Tx } from "../db/tx";
import type { Position } from "../engine/types";
import { AppError } from "../errors";
import { type ImportFormat, parsePositions, type RowError } from "../import";
import { logger } from "../logger";
import { maxImportRows } from "../request-caps";
import type { ImportOptions } from "../schemas";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { lockPortfolio } from "./portfolios";

export interface ImportResult {
  batchId: string | null;
  received: number;
  imported: number;
  rejected: Array<{ row: number; field: string; message: string }>;
  ignoredColumns: string[];
}

export interface ImportSource {
  format: ImportFormat;
  data: string | Uint8Array;
  sourceName?: string;
}

type ImportMode = ImportOptions["mode"];

interface ValidatedImport {
  received: number;
  rows: Array<{ row: number; position: Position }>;
  /** Every error of every bad row, sorted by row. */
  rejected: RowError[];
  /** Distinct bad rows (a row can have several errors). */
  badRows: number;
  ignoredColumns: string[];
}

/** Parse and validate for a mode: the one path both the preview and the import take. */
async function validateImport(source: ImportSource, mode: ImportMode): Promise<ValidatedImport> {
  const parsed = await parsePositions({ format: source.format, data: source.data }, { maxRows: maxImportRows() });
  const rejected = [...parsed.rejected];
  let rows = parsed.rows;
  if (mode === "upsert") {
    const missing = rows.filter((r) => r.position.positionId === null);
    for (const r of missing)
      rejected.push({ row: r.row, field: "position_id", message: "position_id is required in upsert mode" });
    rows = rows.filter((r) => r.position.positionId !== null);
    rejected.sort((a, b) => a.row - b.row);
  }
  const badRows = new Set(rejected.map((r) => r.row)).size;
  return { received: parsed.received, rows, rejected, badRows, ignoredColumns: parsed.ignoredColumns };
}

export interface ImportPreview {
  received: number;
  /** Rows that would be stored. */
  valid: number;
  rejected: RowError[];
  rejectedRows: number;
  ignoredColumns: string[];
  /** The first valid rows, normalised as they would be stored. */
  sample: Array<Position & { row: number }>;
  /** Positions stored now: what replace would remove. */
  stored: number;
}

const PREVIEW_ROWS = 10;

/** What importPositions would do with this file, without writing anything. */
export async function previewImport(
  ctx: PortfolioContext,
  source: ImportSource,
  mode: ImportMode,
): Promise<ImportPreview> {
  const { portfolio } = ctx;
  const checked = await validateImport(source, mode);
  const stored = await (await getPrisma()).position.count({ where: { portfolioId: portfolio.id } });
  logger.info(
    {
      event: "positions.preview",
      portfolio: portfolio.slug,
      format: source.format,
      mode,
      received: checked.received,
      rejectedRows: checked.badRows,
    },
    "import previewed",
  );
  return {
    received: checked.received,
    valid: checked.rows.length,
    rejected: checked.rejected,
    rejectedRows: checked.badRows,
    ignoredColumns: checked.ignoredColumns,
    sample: checked.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, ...r.position })),
    stored,
  };
}

/**
 * Parses, validates and stores a positions file as one transaction. With onError=reject any bad
 * row refuses the whole file (422 listing every bad row) and nothing is written; with skip the
 * valid rows are stored and the bad ones recorded on the batch.
 */
export async function importPositions(
  ctx: PortfolioContext,
  source: ImportSource,
  options: Pick<ImportOptions, "mode" | "onError">,
): Promise<ImportResult> {
  const { portfolio } = ctx;
  const { received, rows, rejected, badRows, ignoredColumns } = await validateImport(source, options.mode);
  const log = {
    event: "positions.import",
    portfolio: portfolio.slug,
    format: source.format,
    mode: options.mode,
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
  if (rows.length === 0) {
    logger.warn({ ...log, rejectedRows: badRows }, "import refused: no valid rows");
    throw new AppError(
      "invalid_data",
      `The file has no valid data rows (${received} received); nothing was imported.`,
      rejected.length ? rejected : undefined,
    );
  }

  const prisma = await getPrisma();
  const batchId = await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, portfolio.id);
    const batch = await tx.importBatch.create({
      data: {
        portfolioId: portfolio.id,
        mode: options.mode,
        onError: options.onError,
        format: source.format,
        sourceName: source.sourceName ?? null,
        received,
        imported: rows.length,
        rejectedCount: badRows,
      },
      select: { id: true },
    });
    if (rejected.length)
      await tx.importRowError.createMany({ data: rejected.map((r) => ({ batchId: batch.id, ...r })) });
    if (options.mode === "replace") await tx.position.deleteMany({ where: { portfolioId: portfolio.id } });
    await insertPositions(
      tx,
      portfolio.id,
      batch.id,
      rows.map((r) => r.position),
      options.mode === "upsert",
    );
    await audit(tx, ctx, "positions.imported", {
      portfolioId: portfolio.id,
      target: batch.id,
      details: {
        mode: options.mode,
        onError: options.onError,
        source: source.sourceName ?? null,
        received,
        imported: rows.length,
        rejectedRows: badRows,
      },
    });
    return batch.id;
  }, LONG_TX);
  logger.info({ ...log, batchId, imported: rows.length, rejectedRows: badRows }, "import stored");
  return { batchId, received, imported: rows.length, rejected, ignoredColumns };
}

const CHUNK = 20_000;

// One INSERT … SELECT FROM unnest(arrays) per chunk: a round trip per 20k rows instead of per row.
async function insertPositions(tx: Tx, portfolioId: string, batchId: string, positions: Position[], upsert: boolean) {
  for (let start = 0; start < positions.length; start += CHUNK) {
    const chunk = positions.slice(start, start + CHUNK);
    const col = <K extends keyof Position>(key: K) => chunk.map((p) => p[key]);
    const conflict = upsert
      ? `ON CONFLICT (portfolio_id, position_id) DO UPDATE SET asset_id = EXCLUDED.asset_id, msa_id = EXCLUDED.msa_id,
         strategy = EXCLUDED.strategy, state = EXCLUDED.state, vintage = EXCLUDED.vintage,
         construction_type = EXCLUDED.construction_type, rent_band = EXCLUDED.rent_band,
         position_value = EXCLUDED.position_value, units = EXCLUDED.units, batch_id = EXCLUDED.batch_id, updated_at = now()`
      : "";
    await tx.$executeRawUnsafe(
      `INSERT INTO positions (portfolio_id, batch_id, position_id, asset_id, msa_id, strategy, state, vintage,
         construction_type, rent_band, position_value, units)
       SELECT $1::uuid, $2::uuid, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::int[], $9::text[], $10::text[], $11::numeric[], $12::int[]) ${conflict}`,
      portfolioId,
      batchId,
      col("positionId"),
      col("assetId"),
      col("msaId"),
      col("strategy"),
      col("state"),
      col("vintage"),
      col("constructionType"),
      col("rentBand"),
      chunk.map((p) => p.positionValue.toFixed(2)),
      col("units"),
    );
  }
}
