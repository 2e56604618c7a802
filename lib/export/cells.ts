// Cell formatting shared by the CSV and XLSX exporters.

import type ExcelJS from "exceljs";

// OWASP "CSV injection": a spreadsheet runs text starting with = + - @ (or a tab or CR that
// precedes one) as a formula, e.g. =HYPERLINK(...). Text cells (never numbers) that start so get
// a leading single quote; lib/import strips it again so an export re-imports unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function guardText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Money with at most 2 decimals and no exponent: 1500000, 1500000.5, 0.25. */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value) < 1e21 ? value.toFixed(2) : BigInt(Math.round(value)).toString();
  const trimmed = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** A CSV text field: guarded, then quoted per RFC 4180 only when it must be. */
export function csvText(value: string | null): string {
  if (value === null) return "";
  const text = guardText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLines(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  let out = `${header.join(",")}\n`;
  for (const row of rows) out += `${row.join(",")}\n`;
  return out;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function boldHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}
