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

export { closeDb, type Database, getDb, openDatabase, switchDatabase } from "./db/client";
export { type DatabaseConfig, databaseConfigFromEnv } from "./db/config";

import { listAlerts } from "./services/alerts";
import type { PortfolioContext } from "./services/context";

export * from "./engine";
export { AppError, type ErrorCode, type FieldIssue } from "./errors";
export {
  type ExportFile,
  type ExportFormat,
  exposuresToCsv,
  exposuresToJson,
  exposuresToXlsx,
  positionsToCsv,
  positionsToJson,
  positionsToXlsx,
} from "./export";
export { type ImportFormat, type ParsedImport, parsePositions } from "./import";
export * from "./schemas";
export { formatAlertMessage } from "./services/alert-sync";
export {
  type AlertDetailDto,
  type AlertDto,
  acknowledgeAlert,
  countOpenAlerts,
  getAlertOrThrow,
  listAlerts,
  resolveAlert,
  unwaiveAlert,
  waiveAlert,
} from "./services/alerts";
export { compareLimits, getCrossTab, getDashboard, getGeographic, getTrend } from "./services/analysis";
export type { ActorContext, PortfolioContext, PortfolioRef } from "./services/context";
export { exportFirm, type FirmFund, type FirmView, getFirmExposures } from "./services/firm";
export { createLimit, deleteLimit, type LimitDto, listLimits, updateLimit } from "./services/limits";
export {
  createPortfolio,
  DEFAULT_PORTFOLIO,
  getPortfolioOrThrow,
  listPortfolios,
  portfolioContext,
} from "./services/portfolios";
export { archivePortfolio, renamePortfolio, unarchivePortfolio } from "./services/portfolios-admin";
export { exportPositions } from "./services/positions-export";
export { listPositionFacets, type PositionFacets } from "./services/positions-facets";
export {
  type ImportPreview,
  type ImportResult,
  type ImportSource,
  importPositions,
  previewImport,
} from "./services/positions-import";
export {
  listImportBatches,
  listPositions,
  type PositionDto,
  type PositionPage,
} from "./services/positions-list";
export { findRun, getRunOrThrow, listRuns, type RunDetail, type RunSummary } from "./services/runs";
export { computeRun, type RunResult } from "./services/runs-compute";
export { exportExposures } from "./services/runs-export";
export { loadSamplePortfolio } from "./services/sample";
export { capacitySnapshot, evaluateTrades, largestAcquisition } from "./services/scenarios";
export { getSchedule, type ScheduleDto, setSchedule } from "./services/schedules";

/** The open (active or acknowledged) alerts, newest first. */
export async function listActiveAlerts(ctx: PortfolioContext) {
  return (await listAlerts(ctx, { status: "open", limit: 500 })).items;
}
