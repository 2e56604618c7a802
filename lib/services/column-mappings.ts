import { getPrisma } from "../db/client";
import type { RawTx } from "../db/copy";
import type { PositionColumn } from "../engine/normalize";
import type { ColumnMapping } from "../import";
import { mappingKey } from "../import/columns";
import type { PortfolioContext } from "./context";

// The column mapping a portfolio's imports confirmed, applied to its next uploads' headers.

/** The portfolio's remembered mapping, keyed by mappingKey() (as the importer takes it). */
export async function getRememberedMapping(ctx: PortfolioContext): Promise<ColumnMapping> {
  const rows = await (await getPrisma()).columnMapping.findMany({
    where: { portfolioId: ctx.portfolio.id },
    select: { headerKey: true, columnName: true },
  });
  return Object.fromEntries(rows.map((row) => [row.headerKey, row.columnName as PositionColumn | null]));
}

/**
 * Remembers an import's mapping, inside its transaction: each header's entry is added or replaced,
 * and a column is remembered for one header only (the one just confirmed), so the remembered
 * mapping never maps two headers to one column. Entries for other headers stay.
 */
export async function rememberMapping(tx: RawTx, portfolioId: string, mapping: ColumnMapping): Promise<void> {
  // Two spellings of one header ("Value", "value") are one entry: the last, as the importer reads them.
  const byKey = new Map(Object.entries(mapping).map(([header, column]) => [mappingKey(header), { header, column }]));
  const entries = [...byKey].map(([key, entry]) => ({ key, ...entry }));
  if (entries.length === 0) return;
  const keys = entries.map((entry) => entry.key);
  const columns = entries.flatMap((entry) => (entry.column === null ? [] : [entry.column]));
  await tx.query(
    `DELETE FROM column_mappings WHERE portfolio_id = $1::uuid AND column_name = ANY($2::text[])
       AND NOT (header_key = ANY($3::text[]))`,
    [portfolioId, columns, keys],
  );
  await tx.query(
    `INSERT INTO column_mappings (portfolio_id, header_key, header, column_name, updated_at)
     SELECT $1::uuid, key, header, column_name, clock_timestamp()
       FROM unnest($2::text[], $3::text[], $4::text[]) AS m(key, header, column_name)
     ON CONFLICT (portfolio_id, header_key)
       DO UPDATE SET header = EXCLUDED.header, column_name = EXCLUDED.column_name, updated_at = EXCLUDED.updated_at`,
    [portfolioId, keys, entries.map((entry) => entry.header), entries.map((entry) => entry.column)],
  );
}
