// How a file was read: its encoding, separator, decimal mark and sheet, as the preview states them.

import type { DecimalMark } from "@/lib/engine/values";

import type { MappingSources } from "./columns";

export type { DecimalMark } from "@/lib/engine/values";

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * What the caller may say about a file instead of letting the importer guess; `mapping` (file
 * header → column) and `remembered` (the portfolio's) say which column is which (columns.ts).
 */
export interface ReadOptions extends MappingSources {
  /** CSV only; detected from the header line when unset. */
  delimiter?: Delimiter;
  /** CSV and a workbook's text cells; unset: a decimal comma in ";" and tab files, else a point. */
  decimal?: DecimalMark;
  /** XLSX only: a sheet's name, or its 1-based position among the worksheets; unset: the first. */
  sheet?: string;
}

export interface Interpretation {
  /** Text files (CSV, JSON); null for a workbook. */
  encoding: TextEncodingName | null;
  /** CSV only. */
  delimiter: Delimiter | null;
  /** How numbers written as text were read: CSV and a workbook's text cells; null for JSON. */
  decimal: DecimalMark | null;
  /** XLSX only: the sheet read, and every worksheet's name in the workbook's order. */
  sheet: string | null;
  sheets: string[];
  /** For people: "semicolon-separated, decimal comma, Windows-1252". */
  description: string;
}

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

const decimalLabel = (decimal: DecimalMark) => (decimal === "," ? "decimal comma" : "decimal point");

/** A decimal comma is what spreadsheets write where they separate fields with ";" or a tab. */
export function defaultDecimal(delimiter: Delimiter): DecimalMark {
  return delimiter === ";" || delimiter === "\t" ? "," : ".";
}

export function describeInterpretation(
  format: "csv" | "json" | "xlsx",
  read: Omit<Interpretation, "description">,
): Interpretation {
  const encoding = read.encoding === null ? "" : ENCODING_LABELS[read.encoding];
  let description: string;
  if (format === "csv" && read.delimiter !== null && read.decimal !== null) {
    description = `${DELIMITER_NAMES[read.delimiter]}-separated, ${decimalLabel(read.decimal)}, ${encoding}`;
  } else if (format === "xlsx") {
    const at = read.sheet === null ? -1 : read.sheets.indexOf(read.sheet);
    description = `sheet ${JSON.stringify(read.sheet)} (${at + 1} of ${read.sheets.length})`;
    if (read.decimal === ",") description += ", decimal comma in text cells";
  } else {
    description = encoding === "" ? "JSON" : `JSON, ${encoding}`;
  }
  return { ...read, description };
}
