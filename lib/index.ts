/**
 * aker-portfolio from TypeScript. Two layers:
 *
 * - The pure engine (`@/lib/engine`): compute exposures, concentration, limit checks, limit
 *   comparison, trends and dashboard dials from plain objects, no database needed.
 * - The services below: the same functions the REST API and the UI call, backed by the database
 *   chosen from the environment (DATABASE_URL → Postgres, otherwise embedded PGlite in .data/).
 *   Each takes a context first: `await portfolioContext("default")` (the portfolio, acting as
 *   "system"), and input already parsed with the schemas exported here. Outside Next, run with
 *   the `react-server` condition (`tsx --conditions=react-server`), as `npm run cli` does.
 */
export * from "./engine";
export { parsePositions, type ImportFormat, type ParsedImport } from "./import";
export {
  exposuresToCsv,
  exposuresToJson,
  exposuresToXlsx,
  positionsToCsv,
  positionsToJson,
  positionsToXlsx,
  type ExportFile,
  type ExportFormat,
} from "./export";

export { getDb, closeDb, openDatabase, switchDatabase, type Database } from "./db/client";
export { databaseConfigFromEnv, type DatabaseConfig } from "./db/config";
export { AppError, type ErrorCode, type FieldIssue } from "./errors";
export type { ActorContext, PortfolioContext, PortfolioRef } from "./services/context";
export { getPortfolioOrThrow, portfolioContext, listPortfolios, createPortfolio, DEFAULT_PORTFOLIO } from "./services/portfolios";
export { importPositions, previewImport, type ImportPreview, type ImportResult, type ImportSource } from "./services/positions-import";
export { listPositions, listPositionFacets, listImportBatches, type PositionDto, type PositionPage } from "./services/positions-list";
export { exportPositions } from "./services/positions-export";
export { getRunOrThrow, findRun, listRuns, type RunDetail, type RunSummary } from "./services/runs";
export { computeRun, type RunResult } from "./services/runs-compute";
export { exportExposures } from "./services/runs-export";
export { listLimits, createLimit, updateLimit, deleteLimit, type LimitDto } from "./services/limits";
export { listAlerts, getAlertOrThrow, acknowledgeAlert, resolveAlert, countOpenAlerts, type AlertDto, type AlertDetailDto } from "./services/alerts";
export { formatAlertMessage } from "./services/alert-sync";
export { getTrend, compareLimits, getGeographic, getDashboard, getCrossTab } from "./services/analysis";
export { loadSamplePortfolio } from "./services/sample";
export * from "./schemas";

/** The open (active or acknowledged) alerts, newest first. */
export async function listActiveAlerts(ctx: import("./services/context").PortfolioContext) {
  const { listAlerts } = await import("./services/alerts");
  return (await listAlerts(ctx, { status: "open", limit: 500 })).items;
}
