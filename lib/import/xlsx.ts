import ExcelJS from "exceljs";

import { AppError } from "@/lib/errors";

import { type ImportOptions, mapHeaders, type ParsedImport, PositionCollector, readRow } from "./records";

/**
 * A cell as normalisation sees it: rich text and hyperlinks become their text, formulas their
 * cached result. Dates, booleans and error cells pass through so that they are reported as bad.
 */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellValue(value.result ?? null);
  if ("hyperlink" in value) return cellValue(value.text);
  return value;
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(data).buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("invalid_data", `unreadable XLSX file: ${reason}`);
  }
  return workbook;
}

/** Parses the first worksheet; row 1 is the header and row numbers are the sheet's own. */
export async function parseXlsx(data: Uint8Array, opts: ImportOptions): Promise<ParsedImport> {
  const sheet = (await loadWorkbook(data)).worksheets[0];
  if (sheet === undefined) throw new AppError("invalid_data", "the XLSX file has no worksheet");

  const headers: Array<{ name: string; index: number }> = [];
  sheet.getRow(1).eachCell((cell, index) => {
    const value = cellValue(cell.value);
    headers.push({ name: value === null ? "" : String(value).trim(), index });
  });
  if (headers.every((header) => header.name === "")) {
    throw new AppError("invalid_data", "the worksheet is empty: expected a header row in row 1");
  }
  const { indexes, ignoredColumns } = mapHeaders(headers);

  const collector = new PositionCollector(opts);
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    let blank = true;
    row.eachCell((cell) => {
      if (blank && !isBlank(cellValue(cell.value))) blank = false;
    });
    if (blank) return;
    collector.add(
      readRow(indexes, (index) => cellValue(row.getCell(index).value)),
      rowNumber,
    );
  });
  return collector.result("xlsx", ignoredColumns);
}
