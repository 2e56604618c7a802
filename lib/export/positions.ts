import ExcelJS from "exceljs";

import { POSITION_COLUMNS, type PositionColumn } from "@/lib/engine/normalize";
import type { Position } from "@/lib/engine/types";

import { boldHeader, csvLines, csvText, formatMoney, guardText, workbookBytes } from "./cells";

/** A position in import-column terms, so an export is a valid import file. */
export type PositionRecord = Record<PositionColumn, string | number | null>;

function toRecord(p: Position): PositionRecord {
  return {
    position_id: p.positionId,
    asset_id: p.assetId,
    msa_id: p.msaId,
    strategy: p.strategy,
    state: p.state,
    vintage: p.vintage,
    construction_type: p.constructionType,
    rent_band: p.rentBand,
    position_value: p.positionValue,
    units: p.units,
    ownership_pct: p.ownershipPct,
  };
}

export function positionsToJson(positions: readonly Position[]): PositionRecord[] {
  return positions.map(toRecord);
}

function csvCell(column: PositionColumn, value: string | number | null): string {
  if (typeof value === "string") return csvText(value);
  if (value === null) return "";
  return column === "position_value" ? formatMoney(value) : String(value);
}

export function positionsToCsv(positions: readonly Position[]): string {
  const rows = positions.map((p) => {
    const record = toRecord(p);
    return POSITION_COLUMNS.map((column) => csvCell(column, record[column]));
  });
  return csvLines(POSITION_COLUMNS, rows);
}

export async function positionsToXlsx(positions: readonly Position[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Positions");
  sheet.columns = POSITION_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: Math.max(12, column.length + 2),
    style: column === "position_value" ? { numFmt: "#,##0.00" } : {},
  }));
  for (const p of positions) {
    const record = toRecord(p);
    const cells = POSITION_COLUMNS.map((column) => {
      const value = record[column];
      return typeof value === "string" ? guardText(value) : value;
    });
    sheet.addRow(cells);
  }
  boldHeader(sheet);
  return workbookBytes(workbook);
}
