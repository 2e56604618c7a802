// Which of our columns each column of a file is: by the caller's mapping, the portfolio's
// remembered mapping, our own column name, or a synonym, in that order.

import { POSITION_COLUMNS, type PositionColumn } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";

import { COLUMN_SYNONYMS } from "./synonyms";

/** File header → our column; null: ignore that column of the file. */
export type ColumnMapping = Readonly<Record<string, PositionColumn | null>>;

/** How a file column got its column: the caller's mapping, the portfolio's remembered one, our name, a synonym. */
export type ColumnSource = "mapping" | "remembered" | "name" | "synonym";

export interface ResolvedColumn {
  /** As the file spells it. */
  header: string;
  /** null: not imported (listed in ignoredColumns). */
  column: PositionColumn | null;
  /** null: nothing recognised it. A mapping or remembered entry that ignores the column is its source. */
  source: ColumnSource | null;
}

/** "Position Value", "positionValue" and "POSITION_VALUE" all become "positionvalue". */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The key a mapping entry and a file header meet on: the normalised header, or, for a header with
 * no letter or digit of a-z/0-9 (written in another script), the header itself, trimmed and lower-cased.
 */
export function mappingKey(header: string): string {
  return normalizeHeader(header) || header.trim().toLowerCase();
}

const COLUMN_BY_KEY = new Map<string, PositionColumn>(POSITION_COLUMNS.map((c) => [normalizeHeader(c), c]));

const SYNONYM_BY_KEY = new Map<string, PositionColumn>(
  POSITION_COLUMNS.flatMap((column) => COLUMN_SYNONYMS[column].map((name) => [normalizeHeader(name), column] as const)),
);

export function columnFor(name: string): PositionColumn | undefined {
  return COLUMN_BY_KEY.get(normalizeHeader(name));
}

export function synonymFor(name: string): PositionColumn | undefined {
  return SYNONYM_BY_KEY.get(normalizeHeader(name));
}

export function duplicateColumnError(column: PositionColumn, first: string, second: string): AppError {
  return new AppError(
    "invalid_data",
    `duplicate column "${column}": headers ${JSON.stringify(first)} and ${JSON.stringify(second)} both map to it`,
  );
}

function byKey(mapping: ColumnMapping | undefined): Map<string, PositionColumn | null> {
  const keyed = new Map<string, PositionColumn | null>();
  for (const [header, column] of Object.entries(mapping ?? {})) keyed.set(mappingKey(header), column);
  return keyed;
}

export interface MappingSources {
  /** The caller's, for this file: overrides everything. */
  mapping?: ColumnMapping;
  /** The portfolio's, from earlier imports (keys are mappingKey()s). */
  remembered?: ColumnMapping;
}

/**
 * Each header's column. A column goes to the strongest claim on it: the caller's mapping, then
 * the remembered mapping, then our own name, then a synonym; a weaker claim on a column already
 * taken leaves its header unmapped (ignored). Two headers the caller maps to one column, or two
 * spelling our own name, are an error; of two synonyms for one column the first in the file wins.
 * Blank headers are not columns and must not be passed.
 */
export function resolveColumns(headers: readonly string[], sources: MappingSources = {}): ResolvedColumn[] {
  const explicit = byKey(sources.mapping);
  const remembered = byKey(sources.remembered);
  const resolved: ResolvedColumn[] = headers.map((header) => ({ header, column: null, source: null }));
  const taken = new Map<PositionColumn, ResolvedColumn>();
  const claim = (entry: ResolvedColumn, column: PositionColumn, source: ColumnSource) => {
    entry.column = column;
    entry.source = source;
    taken.set(column, entry);
  };
  for (const entry of resolved) {
    const column = explicit.get(mappingKey(entry.header));
    if (column === undefined) continue;
    entry.source = "mapping";
    if (column === null) continue;
    const first = taken.get(column);
    if (first !== undefined) throw duplicateColumnError(column, first.header, entry.header);
    claim(entry, column, "mapping");
  }
  for (const entry of resolved) {
    if (entry.source !== null) continue;
    const column = remembered.get(mappingKey(entry.header));
    if (column === null) entry.source = "remembered";
    else if (column !== undefined && !taken.has(column)) claim(entry, column, "remembered");
  }
  for (const entry of resolved) {
    const column = entry.source === null ? columnFor(entry.header) : undefined;
    if (column === undefined) continue;
    const first = taken.get(column);
    if (first?.source === "name") throw duplicateColumnError(column, first.header, entry.header);
    if (first === undefined) claim(entry, column, "name");
  }
  for (const entry of resolved) {
    const column = entry.source === null ? synonymFor(entry.header) : undefined;
    if (column !== undefined && !taken.has(column)) claim(entry, column, "synonym");
  }
  return resolved;
}

/** A mapping entry for a header the file does not have is the caller's mistake, named with the file's headers. */
export function checkMappingHeaders(mapping: ColumnMapping | undefined, headers: Iterable<string>): void {
  if (mapping === undefined) return;
  const found = [...headers].filter((header) => header.trim() !== "");
  const keys = new Set(found.map(mappingKey));
  const absent = Object.keys(mapping).filter((header) => !keys.has(mappingKey(header)));
  if (absent.length === 0) return;
  const list = found.length === 0 ? "(none)" : found.map((header) => JSON.stringify(header)).join(", ");
  const message = (header: string) => `header ${JSON.stringify(header)} is not a column of the file`;
  throw new AppError(
    "invalid_data",
    `mapping: ${absent.map(message).join("; ")}; the file's columns: ${list}`,
    absent.map((header) => ({ field: `mapping.${header}`, message: message(header) })),
  );
}
