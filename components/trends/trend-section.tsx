import { DIMENSIONS, labelValue } from "@/lib/display/labels";
import { getTrend } from "@/lib/services/analysis";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { getRunOrThrow, listRuns } from "@/lib/services/runs";
import { TrendEmpty } from "./trend-empty";
import { TrendExplorer, type ValueChoices } from "./trend-explorer";
import { parseTrendParams, rangeStart } from "./trend-params";

type SearchParams = Record<string, string | string[] | undefined>;

/** Loads the latest run's values, the limits and the trend of the selection in the URL. */
export async function TrendSection({ ctx, searchParams }: { ctx: PortfolioContext; searchParams: SearchParams }) {
  const { items: runs } = await listRuns(ctx, {});
  const latest = runs[0];
  if (latest === undefined || runs.length < 2) return <TrendEmpty runCount={runs.length} />;

  const [run, { items: limits }] = await Promise.all([getRunOrThrow(ctx, latest.id), listLimits(ctx)]);
  // Values come largest first, `unknown` last: the run's exposure order.
  const choices = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as ValueChoices;
  for (const b of run.exposures) {
    choices[b.dimensionType].push({
      value: b.dimensionValue,
      label: labelValue(b.dimensionType, b.dimensionValue),
      exposurePct: b.exposurePct,
    });
  }
  const options = Object.fromEntries(DIMENSIONS.map((d) => [d, choices[d].map((c) => c.value)]));

  const selection = parseTrendParams(searchParams, options);
  const from = rangeStart(selection.range, run.asOfDate);
  const trends = await Promise.all(
    selection.values.map((value) =>
      getTrend(ctx, { dimensionType: selection.dimension, dimensionValue: value, from, basis: selection.basis }),
    ),
  );

  return (
    <TrendExplorer
      portfolio={ctx.portfolio.slug}
      asOfDate={run.asOfDate}
      choices={choices}
      limits={limits.filter((l) => l.isActive)}
      initial={{ selection, trends }}
    />
  );
}
