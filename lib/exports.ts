import { exposuresToCsv, exposuresToJson, exposuresToXlsx, positionsToCsv, positionsToJson, positionsToXlsx } from "./export";
import { getPositionsForExport } from "./positions";
import { getRunOrThrow } from "./runs";

export type ExportFormat = "csv" | "json" | "xlsx";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function exportExposures(runId: string | undefined, format: ExportFormat, portfolioSlug?: string): Promise<ExportFile> {
  const run = await getRunOrThrow(runId, portfolioSlug);
  const snapshot = { runId: run.id, asOfDate: run.asOfDate, totalPortfolioValue: run.totalPortfolioValue, exposures: run.exposures };
  const body =
    format === "csv" ? exposuresToCsv(snapshot) : format === "json" ? JSON.stringify(exposuresToJson(snapshot), null, 2) : await exposuresToXlsx(snapshot);
  return { filename: `exposures-${portfolioSlug ?? "default"}-${run.asOfDate}.${format}`, contentType: CONTENT_TYPES[format], body };
}

export async function exportPositions(format: ExportFormat, portfolioSlug?: string): Promise<ExportFile> {
  const { portfolio, positions } = await getPositionsForExport(portfolioSlug);
  const body =
    format === "csv" ? positionsToCsv(positions) : format === "json" ? JSON.stringify(positionsToJson(positions)) : await positionsToXlsx(positions);
  return { filename: `positions-${portfolio}.${format}`, contentType: CONTENT_TYPES[format], body };
}
