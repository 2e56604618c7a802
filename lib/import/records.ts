// What every importer shares: header → column mapping, row normalisation, duplicate ids, limits.

import {
  normalizePosition,
  POSITION_COLUMNS,
  type PositionColumn,
  type RawPosition,
  type RowError,
} from "@/lib/engine/normalize";
import type { Position } from "@/lib/engine/types";
import { type DecimalMark, describeValue, parseText } from "@/lib/engine/values";
import { AppError } from "@/lib/errors";
import type { MsaMatch } from "@/lib/reference/cbsa";
import { resolveMsaName } from "@/lib/reference/msa-names";

import { checkMappingHeaders, type MappingSources, type ResolvedColumn, resolveColumns } from "./columns";
import { FirstRows } from "./first-rows";
import type { Interpretation, ReadOptions } from "./interpretation";

export type ImportFormat = "csv" | "json" | "xlsx";

export interface ImportOptions extends ReadOptions {
  currentYear?: number;
  maxRows?: number;
  /** Takes each valid row as it is read, in file order, instead of the result's `rows` keeping it. */
  onRow?: (row: number, position: Position) => void;
}

export interface ParsedImport {
  format: ImportFormat;
  /** Data rows seen, blank rows excluded. */
  received: number;
  /** Valid rows in file order; empty when `onRow` took them. */
  rows: Array<{ row: number; position: Position }>;
  /** Every error of every bad row, sorted by row. */
  rejected: RowError[];
  /** Unknown columns, as spelled in the file. */
  ignoredColumns: string[];
  /** Every column of the file, in file order: the column it maps to and why (columns.ts). */
  columns: ResolvedColumn[];
  /** How the file was read (encoding, separator, decimal mark, sheet). */
  interpretation: Interpretation;
}

const REQUIRED: PositionColumn = "position_value";

export function missingColumnError(found: readonly string[], columns: ResolvedColumn[]): AppError {
  const names = found.filter((name) => name.trim() !== "");
  const list = names.length === 0 ? "(none)" : names.map((name) => JSON.stringify(name)).join(", ");
  return new AppError("invalid_data", `missing required column "${REQUIRED}"; found columns: ${list}`, undefined, {
    columns,
  });
}

/** Where each known column sits in a row (array index or sheet column number). */
export type ColumnIndexes = Partial<Record<PositionColumn, number>>;

export interface ColumnMap {
  indexes: ColumnIndexes;
  ignoredColumns: string[];
  /** Every non-blank header, in file order, with the column it maps to and why. */
  columns: ResolvedColumn[];
}

/** Maps a header row; blank headers are neither columns nor reported as ignored. */
export function mapHeaders(
  headers: ReadonlyArray<{ name: string; index: number }>,
  sources: MappingSources,
): ColumnMap {
  const named = headers.filter((h) => h.name.trim() !== "");
  checkMappingHeaders(
    sources.mapping,
    named.map((h) => h.name),
  );
  const columns = resolveColumns(
    named.map((h) => h.name),
    sources,
  );
  const indexes: ColumnIndexes = {};
  const ignoredColumns: string[] = [];
  for (const [i, { column, header }] of columns.entries()) {
    const at = named[i];
    if (column === null || at === undefined) ignoredColumns.push(header);
    else indexes[column] = at.index;
  }
  if (indexes[REQUIRED] === undefined)
    throw missingColumnError(
      named.map((h) => h.name),
      columns,
    );
  return { indexes, ignoredColumns, columns };
}

// A spreadsheet export guards text that looks like a formula with a leading quote
// (lib/export); strip it on the way back in so an export re-imports unchanged.
export function unguard(value: unknown): unknown {
  if (typeof value !== "string" || value.charCodeAt(0) !== 39) return value;
  const next = value.charAt(1);
  return next === "=" || next === "+" || next === "-" || next === "@" || next === "\t" || next === "\r"
    ? value.slice(1)
    : value;
}

/** Reads a row through `cell` into a fixed-shape object (one hidden class for every row). */
export function readRow(at: ColumnIndexes, cell: (index: number) => unknown): RawPosition {
  return {
    position_id: readCell(at.position_id, cell),
    asset_id: readCell(at.asset_id, cell),
    msa_id: readCell(at.msa_id, cell),
    strategy: readCell(at.strategy, cell),
    state: readCell(at.state, cell),
    vintage: readCell(at.vintage, cell),
    construction_type: readCell(at.construction_type, cell),
    rent_band: readCell(at.rent_band, cell),
    position_value: readCell(at.position_value, cell),
    units: readCell(at.units, cell),
    ownership_pct: readCell(at.ownership_pct, cell),
  };
}

// Module level rather than a closure per row: a million-row file reads ten million cells.
function readCell(index: number | undefined, cell: (index: number) => unknown): unknown {
  return index === undefined ? undefined : unguard(cell(index));
}

// What spreadsheets and exports write for "no value". Blank in an optional column; in
// position_value, which must hold a number, still the row's error.
const BLANK_LIKE: ReadonlySet<string> = new Set(["n/a", "#n/a", "null", "-", "–", "—"]);
const OPTIONAL_COLUMNS = POSITION_COLUMNS.filter((column) => column !== REQUIRED);

/** The first character any of them can start with, after blanks: most cells fail this test without a copy made. */
const BLANK_LIKE_START = /^\s*[n#\-–—]/i;

export function isBlankLike(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length <= 8 &&
    BLANK_LIKE_START.test(value) &&
    BLANK_LIKE.has(value.trim().toLowerCase())
  );
}

function blankOutBlankLikes(raw: RawPosition): void {
  for (const column of OPTIONAL_COLUMNS) if (isBlankLike(raw[column])) raw[column] = null;
}

// A cell with a letter in it is a name, not a (possibly malformed) code: "Dallas, TX", "Springfield".
const HAS_LETTER = /\p{L}/u;
const NAMES_CACHED = 10_000;

const listed = (areas: MsaMatch[]) => areas.map((m) => `${JSON.stringify(m.title)} (${m.code})`).join(", ");

/** The code an MSA name stands for, or the row's error on msa_id. */
function msaCodeFor(name: string): string | { message: string } {
  const found = resolveMsaName(name);
  if ("code" in found) return found.code;
  const shown = describeValue(name.trim());
  const areas = found.candidates;
  if (found.problem === "ambiguous")
    return {
      message: `msa_id ${shown} is ambiguous: ${listed(areas)}; give the CBSA code, the title or the city with its state`,
    };
  const closest = areas.length > 0 ? `; closest: ${listed(areas)}` : "";
  return { message: `msa_id ${shown} is not a CBSA code, title or principal city${closest}` };
}

/**
 * msa_id given by name ("Dallas, TX", a CBSA title) → its code, or the row's error on msa_id;
 * undefined for anything else (codes, numbers, blanks), which normalisation checks.
 */
export function msaCodeOfName(value: unknown): string | { message: string } | undefined {
  return typeof value === "string" && HAS_LETTER.test(value) ? msaCodeFor(value) : undefined;
}

/** Collects rows in file order: normalises, flags duplicate position_ids, enforces maxRows. */
export class PositionCollector {
  private received = 0;
  private readonly rows: ParsedImport["rows"] = [];
  private readonly rejected: RowError[] = [];
  private readonly firstRows = new FirstRows();
  private readonly currentYear: number;
  /** MSA names seen in this file (names repeat row after row) → code or error. */
  private readonly msaNames = new Map<string, string | { message: string }>();

  /** `decimal`: how the file writes numbers as text (a point unless a CSV's separator says otherwise). */
  constructor(
    private readonly opts: ImportOptions,
    private readonly decimal: DecimalMark = ".",
  ) {
    this.currentYear = opts.currentYear ?? new Date().getUTCFullYear();
  }

  private count(): void {
    this.received += 1;
    const max = this.opts.maxRows;
    if (max !== undefined && this.received > max) {
      throw new AppError(
        "too_large",
        `The file has more than ${max.toLocaleString("en-US")} data rows, the most one import takes: split it into smaller files.`,
      );
    }
  }

  add(raw: RawPosition, row: number): void {
    this.count();
    blankOutBlankLikes(raw);
    const msa = this.msaCode(raw.msa_id);
    if (msa !== undefined) raw.msa_id = typeof msa === "string" ? msa : null;
    const result = normalizePosition(raw, row, { currentYear: this.currentYear, decimal: this.decimal });
    const errors = result.ok ? [] : result.errors;
    if (typeof msa === "object") errors.unshift({ row, field: "msa_id", message: msa.message });
    const id = result.ok ? result.position.positionId : parseText(raw.position_id);
    if (typeof id === "string") {
      const first = this.firstRows.firstOrAdd(id, row);
      if (first !== undefined)
        errors.unshift({ row, field: "position_id", message: `duplicate position_id "${id}" (first at row ${first})` });
    }
    if (!result.ok || errors.length > 0) this.rejected.push(...errors);
    else if (this.opts.onRow) this.opts.onRow(row, result.position);
    else this.rows.push({ row, position: result.position });
  }

  /** A name's code or error; undefined for anything else (codes, numbers, blanks), which normalisation checks. */
  private msaCode(value: unknown): string | { message: string } | undefined {
    if (typeof value !== "string" || !HAS_LETTER.test(value)) return undefined;
    let found = this.msaNames.get(value);
    if (found === undefined) {
      found = msaCodeFor(value);
      if (this.msaNames.size >= NAMES_CACHED) this.msaNames.clear();
      this.msaNames.set(value, found);
    }
    return found;
  }

  reject(row: number, field: string, message: string): void {
    this.count();
    this.rejected.push({ row, field, message });
  }

  result(
    format: ImportFormat,
    { ignoredColumns, columns }: Pick<ColumnMap, "ignoredColumns" | "columns">,
    interpretation: Interpretation,
  ): ParsedImport {
    const rejected = this.rejected.slice().sort((a, b) => a.row - b.row);
    return { format, received: this.received, rows: this.rows, rejected, ignoredColumns, columns, interpretation };
  }
}
