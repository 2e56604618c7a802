import { computeFirmExposures, type FirmExposure } from "../engine/firm";
import { CONTENT_TYPES, type ExportFile, firmToCsv } from "../export";
import type { ActorContext } from "./context";
import { listPortfolios } from "./portfolios";
import { findRun, todayUtc } from "./runs";

// The firm view (issue 12): every active portfolio's latest run, added up by lib/engine/firm.ts.
// Read-only: no limits, no alerts. Each fund's run comes from the snapshot cache under that
// portfolio's own data version, so the view is as fresh as each fund's data and costs a database
// read only for a fund that changed.

export interface FirmFund {
  slug: string;
  name: string;
  /** Null: the fund has no run yet, and is left out of the totals. */
  runId: string | null;
  asOfDate: string | null;
  totalPortfolioValue: number | null;
  positionCount: number | null;
  /** The fund's total as a share of the firm's; null without a run. */
  sharePct: number | null;
}

export interface FirmView {
  /** The sum of the funds' run totals. */
  totalValue: number;
  positionCount: number;
  /** Every active portfolio, by slug, with its latest run's as-of date (they may differ). */
  funds: FirmFund[];
  exposures: FirmExposure[];
}

export async function getFirmExposures(ctx: ActorContext): Promise<FirmView> {
  const portfolios = await listPortfolios();
  const runs = await Promise.all(
    portfolios.map(({ id, slug, name }) => findRun({ actor: ctx.actor, portfolio: { id, slug, name } })),
  );
  const withRuns = portfolios.flatMap((p, i) => {
    const run = runs[i];
    return run ? [{ portfolio: p, run }] : [];
  });
  const rollup = computeFirmExposures(
    withRuns.map(({ portfolio, run }) => ({
      slug: portfolio.slug,
      name: portfolio.name,
      totalPortfolioValue: run.totalPortfolioValue,
      positionCount: run.positionCount,
      exposures: run.exposures,
    })),
  );
  const shares = new Map(rollup.funds.map((f) => [f.slug, f.sharePct]));
  const funds = portfolios.map((p, i): FirmFund => {
    const run = runs[i];
    return {
      slug: p.slug,
      name: p.name,
      runId: run?.id ?? null,
      asOfDate: run?.asOfDate ?? null,
      totalPortfolioValue: run?.totalPortfolioValue ?? null,
      positionCount: run?.positionCount ?? null,
      sharePct: shares.get(p.slug) ?? null,
    };
  });
  return { totalValue: rollup.totalValue, positionCount: rollup.positionCount, funds, exposures: rollup.exposures };
}

/** The roll-up as CSV: the exposures file's columns, then one column per fund with a run, headed by its slug. */
export async function exportFirm(ctx: ActorContext): Promise<ExportFile> {
  const view = await getFirmExposures(ctx);
  const funds = view.funds.filter((f) => f.runId !== null).map((f) => f.slug);
  return {
    filename: `firm-exposures-${todayUtc()}.csv`,
    contentType: CONTENT_TYPES.csv,
    body: firmToCsv(view, funds),
  };
}
