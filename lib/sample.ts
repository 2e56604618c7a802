import { countOpenAlerts } from "./alerts";
import { logger } from "./logger";
import { getPortfolioOrThrow } from "./portfolios";
import { importPositions } from "./positions";
import { computeRun, todayUtc } from "./runs";
import { buildSampleBook, sampleBookAt } from "./sample-book";
import type { ThresholdCreate } from "./schemas";
import { createThreshold, listThresholds } from "./thresholds";

const HISTORY_MONTHS = 12;

/** Limits a new portfolio starts with; value-add sits just above its maximum, so one alert is live. */
export const STARTER_LIMITS: ThresholdCreate[] = [
  { dimensionType: "state", dimensionValue: null, thresholdPct: 35, thresholdType: "maximum", severityLevel: "warning" },
  { dimensionType: "msa", dimensionValue: null, thresholdPct: 20, thresholdType: "maximum", severityLevel: "warning" },
  { dimensionType: "strategy", dimensionValue: "development", thresholdPct: 30, thresholdType: "maximum", severityLevel: "critical" },
  { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30, thresholdType: "maximum", severityLevel: "critical" },
  { dimensionType: "rent_band", dimensionValue: "affordable", thresholdPct: 10, thresholdType: "minimum", severityLevel: "warning" },
];

export interface SampleSummary {
  portfolio: string;
  positionCount: number;
  totalPortfolioValue: number;
  /** As-of dates stored, oldest first: twelve month-ends, then today. */
  asOfDates: string[];
  limitsCreated: number;
  openAlerts: { warning: number; critical: number; total: number };
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
export async function loadSamplePortfolio(portfolioSlug?: string): Promise<SampleSummary> {
  const portfolio = await getPortfolioOrThrow(portfolioSlug);
  const book = buildSampleBook();
  const today = todayUtc();

  await importPositions(
    { format: "json", data: JSON.stringify(sampleBookAt(book, 0)), sourceName: "sample-portfolio.json" },
    { mode: "replace", onError: "reject" },
    portfolio.slug,
  );

  const asOfDates: string[] = [];
  for (let monthsBack = HISTORY_MONTHS; monthsBack >= 1; monthsBack--) {
    const asOfDate = monthEndBefore(today, monthsBack);
    // History only: alerts follow today's run.
    await computeRun({ asOfDate, includeAlerts: false, positions: sampleBookAt(book, monthsBack) }, portfolio.slug);
    asOfDates.push(asOfDate);
  }

  const run = await computeRun({ asOfDate: today }, portfolio.slug);
  asOfDates.push(run.asOfDate);

  // Each new limit re-checks the latest run (today's), which opens its alerts.
  let limitsCreated = 0;
  if ((await listThresholds(portfolio.slug)).items.length === 0) {
    for (const limit of STARTER_LIMITS) {
      await createThreshold(limit, portfolio.slug);
      limitsCreated += 1;
    }
  }
  const openAlerts = await countOpenAlerts(portfolio.slug);
  logger.info({ event: "sample.loaded", portfolio: portfolio.slug, positions: run.positionCount, runs: asOfDates.length, limitsCreated }, "sample portfolio loaded");
  return { portfolio: portfolio.slug, positionCount: run.positionCount, totalPortfolioValue: run.totalPortfolioValue, asOfDates, limitsCreated, openAlerts };
}
