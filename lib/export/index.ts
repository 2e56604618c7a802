import type { Position } from "@/lib/engine/types";
import { type ExposureSnapshot, exposuresToCsv, exposuresToJson, exposuresToXlsx } from "./exposures";
import { positionsToCsv, positionsToJson, positionsToXlsx } from "./positions";

export {
  EXPOSURE_CSV_COLUMNS,
  type ExposureSnapshot,
  type ExposuresJson,
  exposuresToCsv,
  exposuresToJson,
  exposuresToXlsx,
} from "./exposures";
export { firmToCsv } from "./firm";
export { type PositionRecord, positionsToCsv, positionsToJson, positionsToXlsx } from "./positions";

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

/** A run's exposures as a file body in the chosen format. */
export async function exposuresFileBody(
  snapshot: ExposureSnapshot,
  format: ExportFormat,
): Promise<string | Uint8Array> {
  if (format === "csv") return exposuresToCsv(snapshot);
  if (format === "json") return JSON.stringify(exposuresToJson(snapshot), null, 2);
  return exposuresToXlsx(snapshot);
}

/** Positions as a file body that re-imports unchanged. */
export async function positionsFileBody(positions: Position[], format: ExportFormat): Promise<string | Uint8Array> {
  if (format === "csv") return positionsToCsv(positions);
  if (format === "json") return JSON.stringify(positionsToJson(positions));
  return positionsToXlsx(positions);
}
