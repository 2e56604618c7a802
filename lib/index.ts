/**
 * aker-portfolio from TypeScript. Two layers:
 *
 * - The pure engine (`@/lib/engine`): compute exposures, concentration, limit checks, limit
 *   comparison, trends and dashboard dials from plain objects, no database needed.
 * - The services below: the same functions the REST API and the UI call, backed by the database
 *   chosen from the environment (DATABASE_URL → Postgres, otherwise embedded PGlite in .data/).
 *   Each takes an optional portfolio slug last (default "default"). Outside Next, run with the
 *   `react-server` condition (`tsx --conditions=react-server`), as `npm run cli` does.
 */
export * from "./engine";
export { parsePositions, type ImportFormat, type ParsedImport } from "./import";
export { exposuresToCsv, exposuresToJson, exposuresToXlsx, positionsToCsv, positionsToJson, positionsToXlsx } from "./export";

export { getDb, closeDb, openDatabase, useDatabase, type Database } from "./db/client";
export { databaseConfigFromEnv, type DatabaseConfig } from "./db/config";
export { AppError, type ErrorCode, type FieldIssue } from "./errors";
export { getPortfolioOrThrow, listPortfolios, createPortfolio, DEFAULT_PORTFOLIO } from "./portfolios";
export { importPositions, previewImport, listPositions, listPositionFacets, listImportBatches, type ImportPreview, type ImportResult, type ImportSource } from "./positions";
export { computeRun, getRunOrThrow, listRuns, type RunResult, type RunDetail, type RunSummary } from "./runs";
export { listThresholds, createThreshold, updateThreshold, deleteThreshold, type ThresholdDto } from "./thresholds";
export { listAlerts, getAlertOrThrow, acknowledgeAlert, resolveAlert, countOpenAlerts, formatAlertMessage, type AlertDto } from "./alerts";
export { getTrend, compareLimits, getGeographic, getDashboard } from "./analysis";
export { exportExposures, exportPositions, type ExportFile, type ExportFormat } from "./exports";
export { benchmarkEngine, type BenchmarkResult } from "./bench";
export { benchmarkDatabase, type DatabaseBenchmark } from "./bench-db";
export * from "./schemas";

/** The open (active or acknowledged) alerts, newest first. */
export async function listActiveAlerts(portfolioSlug?: string) {
  const { listAlerts } = await import("./alerts");
  return (await listAlerts({ status: "open", limit: 500 }, portfolioSlug)).items;
}
