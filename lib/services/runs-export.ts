import { basisBuckets } from "../engine/limit-kinds";
import type { Basis } from "../engine/types";
import { CONTENT_TYPES, type ExportFile, type ExportFormat, exposuresFileBody } from "../export";
import type { PortfolioContext } from "./context";
import { getRunOrThrow } from "./runs";
import { type Snapshot, snapshot } from "./snapshots";

/**
 * A run's exposures (the latest when no id is given) as a file, made once per change of the data.
 * On the units or positions basis the amounts, shares and total are counted in them (basisBuckets,
 * as limits read them), and the file name says so.
 */
export function exportExposures(
  ctx: PortfolioContext,
  runId: string | undefined,
  format: ExportFormat,
  basis: Basis = "value",
): Promise<Snapshot<ExportFile>> {
  return snapshot(ctx, `export:${runId ?? "latest"}:${format}:${basis}`, () =>
    makeExposuresFile(ctx, runId, format, basis),
  );
}

async function makeExposuresFile(
  ctx: PortfolioContext,
  runId: string | undefined,
  format: ExportFormat,
  basis: Basis,
): Promise<ExportFile> {
  const run = await getRunOrThrow(ctx, runId);
  const exposures = basis === "value" ? run.exposures : [...basisBuckets(run.exposures, basis)];
  // Every dimension sums to the same total; on another basis it is the first dimension's.
  const first = exposures[0]?.dimensionType;
  const total =
    basis === "value"
      ? run.totalPortfolioValue
      : exposures.filter((b) => b.dimensionType === first).reduce((sum, b) => sum + b.exposureValue, 0);
  const snapshot = { runId: run.id, asOfDate: run.asOfDate, totalPortfolioValue: total, exposures, basis };
  const suffix = basis === "value" ? "" : `-${basis}`;
  return {
    filename: `exposures-${ctx.portfolio.slug}-${run.asOfDate}${suffix}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: await exposuresFileBody(snapshot, format),
  };
}
