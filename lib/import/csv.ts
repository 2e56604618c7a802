import Papa from "papaparse";

import { AppError } from "@/lib/errors";

import { type DecodedText, detectDelimiter } from "./decode";
import { defaultDecimal, describeInterpretation } from "./interpretation";
import {
  type ColumnIndexes,
  type ColumnMap,
  type ImportOptions,
  mapHeaders,
  type ParsedImport,
  PositionCollector,
  readRow,
} from "./records";

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Parses CSV text (BOM already stripped), separated by `opts.delimiter` or else the one the header
 * line uses; numbers are read with `opts.decimal` or else the separator's usual decimal mark. Row numbers are what a spreadsheet shows: record
 * index + 1, so the header is row 1. Blank lines are skipped here rather than by papaparse's
 * skipEmptyLines, which would shift the numbers of every row after a blank line.
 *
 * Records are taken one at a time (papaparse's step), so a million-row file never exists as a
 * million arrays. A malformed quote anywhere refuses the whole file, before any other problem:
 * an error met earlier (a bad header, too many rows) waits until the rest has been scanned for one.
 */
export function parseCsv({ text, encoding }: DecodedText, opts: ImportOptions): ParsedImport {
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const decimal = opts.decimal ?? defaultDecimal(delimiter);
  const collector = new PositionCollector(opts, decimal);
  let indexes: ColumnIndexes | undefined;
  let columnMap: ColumnMap | undefined;
  let index = -1;
  let quoteError: AppError | undefined;
  let failure: { error: unknown } | undefined;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    skipEmptyLines: false,
    step: ({ data: record, errors }, parser) => {
      index += 1;
      const quote = errors.find((error) => error.type === "Quotes");
      if (quote !== undefined) {
        quoteError = new AppError("invalid_data", `malformed CSV at row ${index + 1}: ${quote.message}`);
        parser.abort();
        return;
      }
      if (failure !== undefined || isBlank(record)) return;
      try {
        if (indexes === undefined) {
          columnMap = mapHeaders(
            record.map((name, at) => ({ name: name.trim(), index: at })),
            opts,
          );
          indexes = columnMap.indexes;
        } else {
          collector.add(
            readRow(indexes, (at) => record[at]),
            index + 1,
          );
        }
      } catch (error) {
        failure = { error };
      }
    },
  });
  if (quoteError !== undefined) throw quoteError;
  if (failure !== undefined) throw failure.error;
  if (columnMap === undefined) throw new AppError("invalid_data", "the file is empty: expected a header row");
  const interpretation = describeInterpretation("csv", {
    encoding,
    delimiter,
    decimal,
    sheet: null,
    sheets: [],
  });
  return collector.result("csv", columnMap, interpretation);
}
