import { CONTENT_TYPES, type ExportFile, type ExportFormat, exposuresFileBody } from "../export";
import type { PortfolioContext } from "./context";
import { getRunOrThrow } from "./runs";
import { type Snapshot, snapshot } from "./snapshots";

/** A run's exposures (the latest when no id is given) as a file, made once per change of the data. */
export function exportExposures(
  ctx: PortfolioContext,
  runId: string | undefined,
  format: ExportFormat,
): Promise<Snapshot<ExportFile>> {
  return snapshot(ctx, `export:${runId ?? "latest"}:${format}`, () => makeExposuresFile(ctx, runId, format));
}

async function makeExposuresFile(
  ctx: PortfolioContext,
  runId: string | undefined,
  format: ExportFormat,
): Promise<ExportFile> {
  const run = await getRunOrThrow(ctx, runId);
  const snapshot = {
    runId: run.id,
    asOfDate: run.asOfDate,
    totalPortfolioValue: run.totalPortfolioValue,
    exposures: run.exposures,
  };
  return {
    filename: `exposures-${ctx.portfolio.slug}-${run.asOfDate}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: await exposuresFileBody(snapshot, format),
  };
}
