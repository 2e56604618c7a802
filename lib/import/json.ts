import type { PositionColumn, RawPosition } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";

import type { DecodedText } from "./decode";
import { describeInterpretation, type TextEncodingName } from "./interpretation";

import {
  columnFor,
  duplicateColumnError,
  type ImportOptions,
  missingColumnError,
  type ParsedImport,
  PositionCollector,
} from "./records";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positionsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (isObject(document) && Array.isArray(document.positions)) return document.positions;
  throw new AppError("invalid_data", 'JSON must be an array of positions or an object { "positions": [...] }');
}

/** Parses a JSON array of position objects; keys are the CSV column names (camelCase accepted). */
export function parseJson({ text, encoding }: DecodedText, opts: ImportOptions): ParsedImport {
  if (text.trim() === "") throw new AppError("invalid_data", "the file is empty: expected a JSON array of positions");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid_data", `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseJsonDocument(document, opts, encoding);
}

/** The same, for a document already parsed (inline run positions): no text round trip. */
export function parseJsonDocument(
  document: unknown,
  opts: ImportOptions,
  encoding: TextEncodingName | null = null,
): ParsedImport {
  const items = positionsOf(document);

  const columnByKey = new Map<string, PositionColumn | null>();
  const ignored = new Set<string>();
  const keysSeen = new Set<string>();
  let hasRequired = false;
  let hasObject = false;
  const collector = new PositionCollector(opts);
  for (const [i, item] of items.entries()) {
    const row = i + 1;
    if (!isObject(item)) {
      collector.reject(row, "row", "must be an object");
      continue;
    }
    hasObject = true;
    const raw: RawPosition = {};
    const keyOf = new Map<PositionColumn, string>();
    for (const key of Object.keys(item)) {
      keysSeen.add(key);
      let column = columnByKey.get(key);
      if (column === undefined) {
        column = columnFor(key) ?? null;
        columnByKey.set(key, column);
      }
      if (column === null) {
        ignored.add(key);
        continue;
      }
      const first = keyOf.get(column);
      if (first !== undefined) throw duplicateColumnError(column, first, key);
      keyOf.set(column, key);
      raw[column] = item[key];
    }
    if (keyOf.has("position_value")) hasRequired = true;
    collector.add(raw, row);
  }
  // One position without a value is a bad row; none having one means the file's shape is wrong.
  if (hasObject && !hasRequired) throw missingColumnError([...keysSeen]);
  const interpretation = describeInterpretation("json", {
    encoding,
    delimiter: null,
    decimal: null,
    sheet: null,
    sheets: [],
  });
  return collector.result("json", [...ignored], interpretation);
}
