import { logger } from "../logger";
import { buildSampleBook, sampleBookAt } from "../reference/sample-book";
import { type LimitCreateInput, limitCreateSchema } from "../schemas";
import { countOpenAlerts, type OpenAlertCounts } from "./alerts";
import type { PortfolioContext } from "./context";
import { createLimit, listLimits } from "./limits";
import { importPositions } from "./positions-import";
import { todayUtc } from "./runs";
import { computeRun } from "./runs-compute";

const HISTORY_MONTHS = 12;

/** Limits a new portfolio starts with; value-add sits just above its maximum, so one alert is live. */
export const STARTER_LIMITS: LimitCreateInput[] = [
  {
    dimensionType: "state",
    dimensionValue: null,
    thresholdPct: 35,
    thresholdType: "maximum",
    severityLevel: "warning",
    isActive: true,
  },
  {
    dimensionType: "msa",
    dimensionValue: null,
    thresholdPct: 20,
    thresholdType: "maximum",
    severityLevel: "warning",
    isActive: true,
  },
  {
    dimensionType: "strategy",
    dimensionValue: "development",
    thresholdPct: 30,
    thresholdType: "maximum",
    severityLevel: "critical",
    isActive: true,
  },
  {
    dimensionType: "strategy",
    dimensionValue: "value_add",
    thresholdPct: 30,
    thresholdType: "maximum",
    severityLevel: "critical",
    isActive: true,
  },
  {
    dimensionType: "rent_band",
    dimensionValue: "affordable",
    thresholdPct: 10,
    thresholdType: "minimum",
    severityLevel: "warning",
    isActive: true,
  },
];

export interface SampleSummary {
  portfolio: string;
  positionCount: number;
  totalPortfolioValue: number;
  /** As-of dates stored, oldest first: twelve month-ends, then today. */
  asOfDates: string[];
  limitsCreated: number;
  openAlerts: OpenAlertCounts;
}

/** The last day of the month `monthsBack` months before the month of `today` (YYYY-MM-DD). */
export function monthEndBefore(today: string, monthsBack: number): string {
  const [year, month] = today.split("-").map(Number);
  if (!year || !month) throw new Error(`not an ISO date: ${today}`);
  // Day 0 of a month is the last day of the month before it.
  return new Date(Date.UTC(year, month - monthsBack, 0)).toISOString().slice(0, 10);
}

/**
 * Replaces the portfolio's positions with the bundled sample book, stores a year of month-end
 * snapshots of how that book evolved, computes today's run from the stored positions and, when
 * the portfolio has no limits yet, adds the starter limits. Running it again gives the same state.
 */
export async function loadSamplePortfolio(ctx: PortfolioContext): Promise<SampleSummary> {
  const book = buildSampleBook();
  const today = todayUtc();

  await importPositions(
    ctx,
    { format: "json", data: JSON.stringify(sampleBookAt(book, 0)), sourceName: "sample-portfolio.json" },
    { mode: "replace", onError: "reject" },
  );

  const asOfDates: string[] = [];
  for (let monthsBack = HISTORY_MONTHS; monthsBack >= 1; monthsBack--) {
    const asOfDate = monthEndBefore(today, monthsBack);
    // History only: alerts follow today's run.
    await computeRun(ctx, { asOfDate, includeAlerts: false, positions: sampleBookAt(book, monthsBack) });
    asOfDates.push(asOfDate);
  }

  const run = await computeRun(ctx, { asOfDate: today });
  asOfDates.push(run.asOfDate);

  // Each new limit re-checks the latest run (today's), which opens its alerts.
  let limitsCreated = 0;
  if ((await listLimits(ctx)).items.length === 0) {
    for (const limit of STARTER_LIMITS) {
      await createLimit(ctx, limitCreateSchema.parse(limit));
      limitsCreated += 1;
    }
  }
  const openAlerts = await countOpenAlerts(ctx);
  logger.info(
    {
      event: "sample.loaded",
      portfolio: ctx.portfolio.slug,
      positions: run.positionCount,
      runs: asOfDates.length,
      limitsCreated,
    },
    "sample portfolio loaded",
  );
  return {
    portfolio: ctx.portfolio.slug,
    positionCount: run.positionCount,
    totalPortfolioValue: run.totalPortfolioValue,
    asOfDates,
    limitsCreated,
    openAlerts,
  };
}
