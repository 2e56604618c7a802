import Papa from "papaparse";

import { AppError } from "@/lib/errors";

import { type ImportOptions, mapHeaders, type ParsedImport, PositionCollector, readRow } from "./records";

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Parses CSV text (BOM already stripped). Row numbers are what a spreadsheet shows: record
 * index + 1, so the header is row 1. Blank lines are skipped here rather than by papaparse's
 * skipEmptyLines, which would shift the numbers of every row after a blank line.
 */
export function parseCsv(text: string, opts: ImportOptions): ParsedImport {
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: ",", skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError !== undefined) {
    const where = quoteError.row === undefined ? "" : ` at row ${quoteError.row + 1}`;
    throw new AppError("invalid_data", `malformed CSV${where}: ${quoteError.message}`);
  }
  const records = parsed.data;
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const header = records[headerIndex];
  if (header === undefined) throw new AppError("invalid_data", "the file is empty: expected a header row");

  const { indexes, ignoredColumns } = mapHeaders(header.map((name, index) => ({ name: name.trim(), index })));
  const collector = new PositionCollector(opts);
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i];
    if (record === undefined || isBlank(record)) continue;
    collector.add(
      readRow(indexes, (index) => record[index]),
      i + 1,
    );
  }
  return collector.result("csv", ignoredColumns);
}
