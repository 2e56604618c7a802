"use client";

import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate } from "@/lib/display/format";
import type { Dimension, Limit } from "@/lib/engine/types";
import { queryKeys } from "../query-keys";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { fetchTrend } from "./fetch-trend";
import { TrendChanges } from "./trend-changes";
import { type ChartSeries, TrendChart } from "./trend-chart";
import { TrendControls, type ValueChoice } from "./trend-controls";
import { rangeStart, serializeTrendParams, type TrendSelection } from "./trend-params";
import { buildChartRows, referenceLimits, type TrendData } from "./trend-series";

export type ValueChoices = Record<Dimension, ValueChoice[]>;

interface TrendExplorerProps {
  portfolio: string;
  asOfDate: string;
  choices: ValueChoices;
  limits: Limit[];
  /** What the server rendered for the selection in the URL: seeds the query cache. */
  initial: { selection: TrendSelection; trends: TrendData[] };
}

export const seriesColor = (index: number) => `var(--chart-${(index % 8) + 1})`;

/** The trends page's live part: changing the selection refetches per value, never the page. */
export function TrendExplorer({ portfolio, asOfDate, choices, limits, initial }: TrendExplorerProps) {
  const [selection, setSelection] = useState(initial.selection);
  const from = rangeStart(selection.range, asOfDate);
  const seeded =
    selection.dimension === initial.selection.dimension &&
    selection.basis === initial.selection.basis &&
    from === rangeStart(initial.selection.range, asOfDate);

  const queries = useQueries({
    queries: selection.values.map((value) => ({
      queryKey: queryKeys.trendValue(portfolio, selection.dimension, value, from, selection.basis),
      queryFn: () => fetchTrend(portfolio, selection.dimension, value, from, selection.basis),
      initialData: seeded ? initial.trends.find((t) => t.dimensionValue === value) : undefined,
      // While another range loads, keep this value's old line rather than blanking the chart.
      placeholderData: (previous: TrendData | undefined) =>
        previous?.dimensionType === selection.dimension &&
        previous.dimensionValue === value &&
        (previous.basis ?? "value") === selection.basis
          ? previous
          : undefined,
    })),
  });

  function change(next: TrendSelection) {
    setSelection(next);
    // The native History API updates the URL (and useSearchParams) without a server round trip.
    window.history.replaceState(null, "", `?${serializeTrendParams(next)}`);
  }

  const labelOf = new Map(choices[selection.dimension].map((c) => [c.value, c.label]));
  const series: ChartSeries[] = selection.values.map((value, index) => ({
    value,
    label: labelOf.get(value) ?? value,
    color: seriesColor(index),
    trend: queries[index]?.data,
  }));
  const rows = buildChartRows(series.map((s) => s.trend));
  // The reference lines are share limits of value: on units or positions they do not apply.
  const refLimits = selection.basis === "value" ? referenceLimits(limits, selection.dimension, selection.values) : [];
  const updating = queries.some((q) => q.isFetching);
  const failed = queries.find((q) => q.isError);
  const first = rows[0]?.asOfDate;
  const last = rows[rows.length - 1]?.asOfDate;

  return (
    <div className="space-y-4" data-testid="trend-explorer">
      <Card>
        <TrendControls selection={selection} choices={choices} onChange={change} />
      </Card>
      <Card
        title="Exposure over time"
        actions={
          <p
            role="status"
            aria-live="polite"
            data-testid="trend-span"
            data-points={rows.length}
            className="text-xs text-muted"
          >
            {updating
              ? "Updating…"
              : rows.length === 0
                ? "No runs in this range"
                : `${rows.length} runs, ${formatDate(first)} – ${formatDate(last)}`}
          </p>
        }
      >
        {failed?.error && (
          <div
            role="alert"
            className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-breach/40 bg-breach-bg p-2 text-sm text-breach"
          >
            {failed.error.message}
            <Button
              variant="ghost"
              className="px-1 py-0"
              onClick={() => {
                for (const q of queries) if (q.isError) void q.refetch();
              }}
            >
              Retry
            </Button>
          </div>
        )}
        <TrendChart rows={rows} series={series} limits={refLimits} basis={selection.basis} />
      </Card>
      <Card title="Change over the range">
        <TrendChanges series={series} />
      </Card>
    </div>
  );
}
