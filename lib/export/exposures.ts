import ExcelJS from "exceljs";

import type { Basis, ExposureBucket } from "@/lib/engine/types";

import { boldHeader, csvLines, csvText, formatMoney, guardText, workbookBytes } from "./cells";

export interface ExposureSnapshot {
  runId: string;
  /** YYYY-MM-DD */
  asOfDate: string;
  totalPortfolioValue: number;
  exposures: ExposureBucket[];
  /** What exposure_value and the total count (default value: dollars). */
  basis?: Basis;
}

export interface ExposuresJson {
  as_of_date: string;
  total_portfolio_value: number;
  run_id: string;
  /** value (dollars), units or positions: what exposure_value and total_portfolio_value count. */
  basis: Basis;
  exposures: Array<{
    dimension_type: string;
    dimension_value: string;
    exposure_pct: number;
    exposure_value: number;
    position_count: number;
    exposure_units: number;
    units_count: number;
  }>;
}

export const EXPOSURE_CSV_COLUMNS = [
  "dimension_type",
  "dimension_value",
  "exposure_pct",
  "exposure_value",
  "total_portfolio_value",
] as const;

/** exposure_pct is written unrounded, as JavaScript prints it; money with at most 2 decimals. */
export function exposuresToCsv(s: ExposureSnapshot): string {
  const total = formatMoney(s.totalPortfolioValue);
  const rows = s.exposures.map((b) => [
    csvText(b.dimensionType),
    csvText(b.dimensionValue),
    String(b.exposurePct),
    formatMoney(b.exposureValue),
    total,
  ]);
  return csvLines(EXPOSURE_CSV_COLUMNS, rows);
}

export function exposuresToJson(s: ExposureSnapshot): ExposuresJson {
  return {
    as_of_date: s.asOfDate,
    total_portfolio_value: s.totalPortfolioValue,
    run_id: s.runId,
    basis: s.basis ?? "value",
    exposures: s.exposures.map((b) => ({
      dimension_type: b.dimensionType,
      dimension_value: b.dimensionValue,
      exposure_pct: b.exposurePct,
      exposure_value: b.exposureValue,
      position_count: b.positionCount,
      exposure_units: b.exposureUnits,
      units_count: b.unitsCount,
    })),
  };
}

const MONEY_FORMAT = "#,##0.00";

/** Sheet "Exposures" (numbers are numeric cells, formatted only for display) and "Summary". */
export async function exposuresToXlsx(s: ExposureSnapshot): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Exposures");
  sheet.columns = [
    { header: "dimension_type", key: "dimension_type", width: 18 },
    { header: "dimension_value", key: "dimension_value", width: 22 },
    { header: "exposure_pct", key: "exposure_pct", width: 14, style: { numFmt: "0.00" } },
    { header: "exposure_value", key: "exposure_value", width: 18, style: { numFmt: MONEY_FORMAT } },
    { header: "total_portfolio_value", key: "total_portfolio_value", width: 22, style: { numFmt: MONEY_FORMAT } },
    { header: "position_count", key: "position_count", width: 15 },
    { header: "exposure_units", key: "exposure_units", width: 15 },
    { header: "units_count", key: "units_count", width: 12 },
  ];
  for (const b of s.exposures) {
    sheet.addRow({
      dimension_type: guardText(b.dimensionType),
      dimension_value: guardText(b.dimensionValue),
      exposure_pct: b.exposurePct,
      exposure_value: b.exposureValue,
      total_portfolio_value: s.totalPortfolioValue,
      position_count: b.positionCount,
      exposure_units: b.exposureUnits,
      units_count: b.unitsCount,
    });
  }
  boldHeader(sheet);

  const summary = workbook.addWorksheet("Summary");
  summary.columns = [{ width: 22 }, { width: 40 }];
  summary.addRows([
    ["as_of_date", guardText(s.asOfDate)],
    ["run_id", guardText(s.runId)],
    ["total_portfolio_value", s.totalPortfolioValue],
    ["basis", s.basis ?? "value"],
  ]);
  summary.getCell("B3").numFmt = MONEY_FORMAT;
  return workbookBytes(workbook);
}
