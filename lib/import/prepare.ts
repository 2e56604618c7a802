import fs from "node:fs";

import type { RowError } from "@/lib/engine/normalize";
import type { Position } from "@/lib/engine/types";

import type { ResolvedColumn } from "./columns";
import { CopyTextWriter, positionCopyLine } from "./copy-text";
import type { DecodedText } from "./decode";
import { parsePositions } from "./index";
import type { Interpretation, ReadOptions } from "./interpretation";
import type { ImportFormat } from "./records";

export interface PrepareInput {
  format: ImportFormat;
  data: string | Uint8Array | DecodedText;
  /**
   * The bytes, and the whole buffer under them, belong to this import alone (an HTTP upload's):
   * the import worker may take them over rather than copy them, which empties `data` for the caller.
   */
  owned?: boolean;
}

/** The caller's delimiter, decimal, sheet and column mapping (ReadOptions), and what to make of the file. */
export interface PrepareOptions extends ReadOptions {
  /** Upsert matches on position_id, so there a row without one is a bad row. */
  mode: "replace" | "upsert";
  /**
   * Where to write the COPY text of the rows to store (an import; the caller removes the file);
   * unset for a preview, which needs only the counts.
   */
  copyTo?: string;
  maxRows?: number;
  currentYear?: number;
}

/** A parsed and validated file, as small as the caller needs it: counts, errors, a sample, COPY text. */
export interface PreparedImport {
  /** Data rows seen, blank rows excluded. */
  received: number;
  /** Rows that would be stored. */
  valid: number;
  /** Every error of every bad row, sorted by row. */
  rejected: RowError[];
  /** Distinct bad rows (a row can have several errors). */
  badRows: number;
  ignoredColumns: string[];
  /** Every column of the file: the column it maps to and why. */
  columns: ResolvedColumn[];
  /** How the file was read: encoding, separator, decimal mark, sheet. */
  interpretation: Interpretation;
  /** The first valid rows, normalised as they would be stored. */
  sample: Array<Position & { row: number }>;
  /** Bytes of COPY text (copy-text.ts) written to `copyTo`; 0 without one. */
  copyBytes: number;
}

export const SAMPLE_ROWS = 10;

/**
 * Parses and validates a file for a mode without keeping its rows: each valid row goes into the
 * counts, the sample and the COPY text as it is read. Pure and synchronous at heart, so it runs
 * the same on the request thread or in the import worker (off-thread.ts).
 */
export async function prepareImport(input: PrepareInput, opts: PrepareOptions): Promise<PreparedImport> {
  // The COPY text goes to its file as it is made: a million rows of it never sit in memory.
  const fd = opts.copyTo === undefined ? undefined : fs.openSync(opts.copyTo, "w", 0o600);
  try {
    return await prepareRows(input, opts, fd === undefined ? null : new CopyTextWriter(fd));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

async function prepareRows(
  input: PrepareInput,
  opts: PrepareOptions,
  text: CopyTextWriter | null,
): Promise<PreparedImport> {
  const missingIds: RowError[] = [];
  const sample: PreparedImport["sample"] = [];
  let valid = 0;
  const onRow = (row: number, position: Position) => {
    if (opts.mode === "upsert" && position.positionId === null) {
      missingIds.push({ row, field: "position_id", message: "position_id is required in upsert mode" });
      return;
    }
    valid += 1;
    if (sample.length < SAMPLE_ROWS) sample.push({ row, ...position });
    text?.add(positionCopyLine(position));
  };
  const { maxRows, currentYear, delimiter, decimal, sheet, mapping, remembered } = opts;
  const parsed = await parsePositions(input, {
    maxRows,
    currentYear,
    delimiter,
    decimal,
    sheet,
    mapping,
    remembered,
    onRow,
  });
  // An importer that kept its rows rather than handing them over one by one.
  for (const { row, position } of parsed.rows) onRow(row, position);
  text?.finish();

  let rejected = parsed.rejected;
  if (missingIds.length > 0) rejected = [...rejected, ...missingIds].sort((a, b) => a.row - b.row);
  return {
    received: parsed.received,
    valid,
    rejected,
    badRows: new Set(rejected.map((r) => r.row)).size,
    ignoredColumns: parsed.ignoredColumns,
    columns: parsed.columns,
    interpretation: parsed.interpretation,
    sample,
    copyBytes: text?.bytes ?? 0,
  };
}
