import { AppError } from "@/lib/errors";

import { parseCsv } from "./csv";
import { type DecodedText, decodeTextParts, textOf } from "./decode";
import { parseJson, parseJsonDocument } from "./json";
import type { ImportFormat, ImportOptions, ParsedImport } from "./records";
import { parseXlsx } from "./xlsx";

export type { RowError } from "@/lib/engine/normalize";
export type { ColumnMapping, ColumnSource, ResolvedColumn } from "./columns";
export { type DecodedText, decodeTextParts } from "./decode";
export type { Delimiter, Interpretation, ReadOptions, TextEncodingName } from "./interpretation";
export type { ImportFormat, ImportOptions, ParsedImport } from "./records";

/** Positions already parsed from JSON (a request body's array), under the JSON importer's rules. */
export function parsePositionValues(items: unknown[], opts: ImportOptions = {}): ParsedImport {
  return parseJsonDocument(items, opts);
}

/**
 * Parses and normalises an uploaded positions file; bad rows are reported, not thrown. A text
 * file comes as its bytes, as a string, or already decoded (the import worker decodes its parts).
 */
export async function parsePositions(
  input: { format: ImportFormat; data: string | Uint8Array | DecodedText },
  opts: ImportOptions = {},
): Promise<ParsedImport> {
  const { data } = input;
  if (input.format === "xlsx") {
    if (!(data instanceof Uint8Array)) {
      throw new AppError("invalid_data", "an XLSX file must be uploaded as binary data, not text");
    }
    return parseXlsx(data, opts);
  }
  const text = typeof data === "string" ? textOf(data) : data instanceof Uint8Array ? decodeTextParts([data]) : data;
  return input.format === "csv" ? parseCsv(text, opts) : parseJson(text, opts);
}
