import { type BarPoint, ExposureBarChart } from "@/components/charts/exposure-bar-chart";
import { Card } from "@/components/ui/card";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import { type Basis, type Dimension, UNKNOWN } from "@/lib/engine/types";
import { formatAmountExact } from "../limits/limit-rule";
import type { ExposureRow } from "./exposure-rows";
import { DIMENSION_NOUN, fullValueLabel, LONG_DIMENSIONS, TOP_N } from "./labels";

/** The bars the chart draws: known values largest first (capped for msa/state), `unknown` last. */
export function chartPoints(
  dimension: Dimension,
  rows: readonly ExposureRow[],
  basis: Basis = "value",
): { points: BarPoint[]; known: number } {
  const known = rows
    .filter((r) => r.value !== UNKNOWN && r.positionCount > 0)
    .sort((a, b) => b.exposurePct - a.exposurePct);
  const unknown = rows.filter((r) => r.value === UNKNOWN);
  const shown = LONG_DIMENSIONS.has(dimension) ? known.slice(0, TOP_N) : known;
  const points = [...shown, ...unknown].map((r) => ({
    key: r.value,
    label: labelValue(dimension, r.value),
    title: fullValueLabel(dimension, r.value),
    pct: r.exposurePct,
    value: r.exposureValue,
    amount: formatAmountExact(basis, r.exposureValue),
    count: r.positionCount,
    status: r.status,
    limitPct: r.maximum?.pct ?? null,
    missing: r.value === UNKNOWN,
  }));
  return { points, known: known.length };
}

export function ExposureChartCard({
  dimension,
  rows,
  flatLimitPct,
  basis = "value",
}: {
  dimension: Dimension;
  rows: readonly ExposureRow[];
  flatLimitPct: number | null;
  basis?: Basis;
}) {
  const { points, known } = chartPoints(dimension, rows, basis);
  const noun = DIMENSION_NOUN[dimension];
  const capped = LONG_DIMENSIONS.has(dimension) && known > TOP_N;
  return (
    <Card title={`Exposure by ${noun.one}`} className="lg:col-span-2">
      {capped && (
        <p data-testid="chart-cap-note" className="mb-2 text-xs text-muted">
          The {TOP_N} largest of {known} {noun.many}; the table below can list every one.
        </p>
      )}
      <ExposureBarChart
        points={points}
        flatLimitPct={flatLimitPct}
        label={`Bar chart: share of portfolio value by ${DIMENSION_LABELS[dimension]}`}
      />
    </Card>
  );
}
