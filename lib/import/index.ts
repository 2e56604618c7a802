import { AppError } from "@/lib/errors";

import { parseCsv } from "./csv";
import { parseJson, parseJsonDocument } from "./json";
import type { ImportFormat, ImportOptions, ParsedImport } from "./records";
import { parseXlsx } from "./xlsx";

export type { RowError } from "@/lib/engine/normalize";
export type { ImportFormat, ImportOptions, ParsedImport } from "./records";

const NOT_UTF8 = 'the file is not UTF-8 text; save it as UTF-8 (e.g. Excel\'s "CSV UTF-8")';

/** Text files must be UTF-8; a byte-order mark is dropped. */
function decodeText(data: string | Uint8Array): string {
  if (typeof data === "string") return data.charCodeAt(0) === 0xfeff ? data.slice(1) : data;
  return decodeUtf8Parts([data]);
}

/**
 * A file's parts (as the import worker receives them) decoded as one UTF-8 text, a part at a time
 * so that the bytes never exist twice; a character split between two parts is read whole. The
 * byte-order mark stays (decodeText drops it).
 */
export function decodeUtf8Parts(parts: readonly Uint8Array[]): string {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const pieces: string[] = [];
  try {
    // One part (an upload handed over whole) decodes straight into one string: pieces joined
    // would hold the text twice at the end of the decode.
    if (parts.length === 1 && parts[0] !== undefined) return decoder.decode(parts[0]);
    for (const part of parts) pieces.push(decoder.decode(part, { stream: true }));
    pieces.push(decoder.decode());
  } catch {
    throw new AppError("invalid_data", NOT_UTF8);
  }
  return pieces.join("");
}

/** Positions already parsed from JSON (a request body's array), under the JSON importer's rules. */
export function parsePositionValues(items: unknown[], opts: ImportOptions = {}): ParsedImport {
  return parseJsonDocument(items, opts);
}

/** Parses and normalises an uploaded positions file; bad rows are reported, not thrown. */
export async function parsePositions(
  input: { format: ImportFormat; data: string | Uint8Array },
  opts: ImportOptions = {},
): Promise<ParsedImport> {
  switch (input.format) {
    case "csv":
      return parseCsv(decodeText(input.data), opts);
    case "json":
      return parseJson(decodeText(input.data), opts);
    case "xlsx":
      if (typeof input.data === "string") {
        throw new AppError("invalid_data", "an XLSX file must be uploaded as binary data, not text");
      }
      return parseXlsx(input.data, opts);
  }
}
