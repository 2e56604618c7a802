"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatPct, formatPctExact } from "@/lib/display/format";
import type { Basis } from "@/lib/engine/types";
import { formatAmountExact } from "../limits/limit-rule";
import { type ChartRow, type ReferenceLimit, seriesKey, type TrendData, yAxisScale } from "./trend-series";

export interface ChartSeries {
  value: string;
  label: string;
  color: string;
  trend: TrendData | undefined;
}

const tick = { fontSize: 12, fill: "var(--color-muted)" };

function shortDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });
}

function limitText(limit: ReferenceLimit, series: readonly ChartSeries[]): string {
  const who =
    limit.seriesIndex === null || limit.seriesIndex < 0
      ? "every value"
      : (series[limit.seriesIndex]?.label ?? limit.dimensionValue);
  return `${limit.thresholdType === "maximum" ? "Max" : "Min"} ${formatPct(limit.limitPct)} · ${who}`;
}

const limitColor = (limit: ReferenceLimit, series: readonly ChartSeries[]) =>
  limit.seriesIndex !== null && limit.seriesIndex >= 0
    ? (series[limit.seriesIndex]?.color ?? "var(--color-breach)")
    : "var(--color-breach)";

function TooltipBody({ label, series, basis }: { label: string; series: readonly ChartSeries[]; basis: Basis }) {
  return (
    <div className="rounded-md border border-border bg-surface p-2 text-xs shadow-md">
      <p className="mb-1 font-semibold">{formatDate(label)}</p>
      <ul className="space-y-0.5">
        {series.map((s) => {
          const point = s.trend?.points.find((p) => p.asOfDate === label);
          if (!point) return null;
          return (
            <li key={s.value} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-2 w-3 rounded-sm" style={{ background: s.color }} />
              <span>{s.label}:</span>
              <strong>{formatPctExact(point.exposurePct)}</strong>
              <span className="text-muted">({formatAmountExact(basis, point.exposureValue)})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Exposure % per as-of date, one line per value, the limits that apply as dashed lines. */
export function TrendChart({
  rows,
  series,
  limits,
  basis = "value",
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  limits: ReferenceLimit[];
  /** What the tooltip's amounts are in: dollars, units or positions. */
  basis?: Basis;
}) {
  const y = yAxisScale(rows, limits);
  return (
    <figure data-testid="trend-chart" data-points={rows.length}>
      <figcaption className="sr-only">
        Line chart of exposure % for {series.map((s) => s.label).join(", ")}; the figures are in the change table below.
      </figcaption>
      <div className="h-80">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
            <XAxis dataKey="asOfDate" tickFormatter={shortDate} tick={tick} minTickGap={24} />
            <YAxis domain={[0, y.max]} ticks={y.ticks} tickFormatter={(v: number) => `${v} %`} tick={tick} width={52} />
            <Tooltip
              content={({ active, label }) =>
                active && typeof label === "string" ? <TooltipBody label={label} series={series} basis={basis} /> : null
              }
            />
            {limits.map((limit) => (
              <ReferenceLine
                key={limit.id}
                y={limit.limitPct}
                stroke={limitColor(limit, series)}
                strokeDasharray="6 4"
                strokeWidth={1.5}
              />
            ))}
            {series.map((s, index) => (
              <Line
                key={s.value}
                type="linear"
                dataKey={seriesKey(index)}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
        {series.map((s) => (
          <li key={s.value} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-0.5 w-5" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
        {limits.map((limit) => (
          <li key={limit.id} className="flex items-center gap-1.5" data-testid="trend-limit">
            <span
              aria-hidden="true"
              className="inline-block w-5 border-t-2 border-dashed"
              style={{ borderColor: limitColor(limit, series) }}
            />
            {limitText(limit, series)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
