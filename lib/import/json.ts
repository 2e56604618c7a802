import type { RawPosition } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";
import { checkMappingHeaders, type ResolvedColumn, resolveColumns } from "./columns";
import type { DecodedText } from "./decode";
import { describeInterpretation, type TextEncodingName } from "./interpretation";
import { type ImportOptions, missingColumnError, type ParsedImport, PositionCollector } from "./records";

const KEY_SETS_CACHED = 1_000;

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

  // Objects usually share their keys: each set of keys is resolved once (columns.ts).
  const byKeys = new Map<string, ResolvedColumn[]>();
  const firstResolved = new Map<string, ResolvedColumn>();
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
    const keys = Object.keys(item);
    const signature = keys.join("\u0000");
    let resolved = byKeys.get(signature);
    if (resolved === undefined) {
      resolved = resolveColumns(
        keys.filter((key) => key.trim() !== ""),
        opts,
      );
      if (byKeys.size >= KEY_SETS_CACHED) byKeys.clear();
      byKeys.set(signature, resolved);
      for (const entry of resolved) if (!firstResolved.has(entry.header)) firstResolved.set(entry.header, entry);
    }
    const raw: RawPosition = {};
    for (const { header, column } of resolved) if (column !== null) raw[column] = item[header];
    if (!hasRequired && resolved.some((entry) => entry.column === "position_value")) hasRequired = true;
    collector.add(raw, row);
  }
  const columns = [...firstResolved.values()];
  checkMappingHeaders(opts.mapping, firstResolved.keys());
  // One position without a value is a bad row; none having one means the file's shape is wrong.
  if (hasObject && !hasRequired)
    throw missingColumnError(
      columns.map((entry) => entry.header),
      columns,
    );
  const interpretation = describeInterpretation("json", {
    encoding,
    delimiter: null,
    decimal: null,
    sheet: null,
    sheets: [],
  });
  const ignoredColumns = columns.filter((entry) => entry.column === null).map((entry) => entry.header);
  return collector.result("json", { ignoredColumns, columns }, interpretation);
}
