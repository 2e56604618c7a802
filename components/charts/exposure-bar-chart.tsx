"use client";

import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { formatCount, formatPct, formatPctExact } from "@/lib/display/format";
import type { LimitStatus } from "@/lib/engine/types";
import { barChartHeight } from "./bar-chart-size";

export type BarStatus = LimitStatus | "none";

/** One bar, built on the server: names and limits resolved, nothing left to compute here. */
export interface BarPoint {
  key: string;
  /** On the axis (cut to fit). */
  label: string;
  /** In the tooltip: the full name, e.g. "Texas (TX)" or "12420 Austin-Round Rock, TX". */
  title: string;
  pct: number;
  value: number;
  /** The amount as the tooltip shows it, on the page's basis: $1,250,000.00, 1,240 units. */
  amount: string;
  count: number;
  status: BarStatus;
  limitPct: number | null;
  /** The `unknown` bucket. */
  missing: boolean;
}

const FILL: Record<BarStatus, string> = {
  within: "var(--color-within)",
  near: "var(--color-near)",
  breach: "var(--color-breach)",
  none: "var(--chart-1)",
};

// Positions missing the attribute are not a holding; without a limit of their own they are grey.
const MISSING_FILL = "var(--chart-8)";
const isMissing = (p: BarPoint) => p.missing && p.status === "none";

const LEGEND_ORDER: readonly BarStatus[] = ["breach", "near", "within", "none"];

const STATUS_WORD: Record<BarStatus, string> = {
  within: "Within limit",
  near: "Near limit",
  breach: "Breach",
  none: "No limit",
};

const MAX_LABEL = 24;
const CHAR_WIDTH = 6.2;

// "Cape Coral-Fort Myers, FL" → "Cape Coral-Fort M…, FL": the state suffix of a CBSA title survives the cut.
function shortLabel(label: string): string {
  if (label.length <= MAX_LABEL) return label;
  const suffix = /, [A-Z]{2}(?:-[A-Z]{2})*$/.exec(label)?.[0] ?? "";
  return `${label.slice(0, MAX_LABEL - 1 - suffix.length)}…${suffix}`;
}

function BarTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as BarPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-text">{point.title}</p>
      <p>{formatPctExact(point.pct)} of the portfolio</p>
      <p>{point.amount}</p>
      <p className="text-muted">{formatCount(point.count)} positions</p>
      <p className="text-muted">
        {point.limitPct === null ? "No maximum" : `Maximum ${formatPct(point.limitPct)}`} · {STATUS_WORD[point.status]}
      </p>
    </div>
  );
}

// One line per tick, cut with an ellipsis; the full name is in the tick's title and the tooltip.
function ValueTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const text = String(payload?.value ?? "");
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fill="var(--color-muted)">
      <title>{text}</title>
      {shortLabel(text)}
    </text>
  );
}

function StatusBar(props: BarShapeProps) {
  const point = props.payload as BarPoint | undefined;
  const fill = point === undefined ? FILL.none : isMissing(point) ? MISSING_FILL : FILL[point.status];
  return <Rectangle {...props} fill={fill} radius={[0, 3, 3, 0]} />;
}

/** What a screen reader hears for the chart: its title and the largest values with their status, in words. */
export function barSummary(label: string, points: readonly BarPoint[], shown = 5): string {
  const values = points
    .slice(0, shown)
    .map((p) => `${p.title} ${formatPct(p.pct)} (${STATUS_WORD[p.status].toLowerCase()})`);
  const more = points.length > shown ? `, and ${points.length - shown} more` : "";
  return `${label}: ${values.join(", ")}${more}. Every value is in the table below.`;
}

/** Horizontal bars, largest first, coloured by limit status; the flat limit as a dashed line. */
export function ExposureBarChart({
  points,
  flatLimitPct,
  label,
}: {
  points: BarPoint[];
  flatLimitPct: number | null;
  label: string;
}) {
  const maxPct = Math.max(0, ...points.map((p) => p.pct), flatLimitPct ?? 0);
  const present = new Set(points.filter((p) => !isMissing(p)).map((p) => p.status));
  const anyMissing = points.some(isMissing);
  const statuses = LEGEND_ORDER.filter((s) => present.has(s));
  const labelWidth = Math.min(MAX_LABEL, Math.max(4, ...points.map((p) => p.label.length))) * CHAR_WIDTH + 10;
  return (
    <figure data-testid="exposure-bar-chart" aria-label={barSummary(label, points)}>
      <ResponsiveContainer width="100%" height={barChartHeight(points.length)}>
        <BarChart
          layout="vertical"
          data={points}
          margin={{ top: 18, right: 48, bottom: 4, left: 4 }}
          accessibilityLayer
          aria-label={label}
        >
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis
            type="number"
            dataKey="pct"
            domain={[0, Math.ceil(maxPct * 1.08) || 1]}
            tickFormatter={(v: number) => `${v} %`}
            tick={{ fontSize: 11 }}
            stroke="var(--color-muted)"
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            tick={ValueTick}
            interval={0}
            stroke="var(--color-muted)"
          />
          <Tooltip content={BarTooltip} cursor={{ fill: "var(--color-surface-2)" }} />
          <Bar dataKey="pct" shape={StatusBar} isAnimationActive={false}>
            <LabelList
              dataKey="pct"
              position="right"
              formatter={(v) => formatPct(Number(v))}
              style={{ fontSize: 11, fill: "var(--color-text)" }}
            />
          </Bar>
          {flatLimitPct !== null && (
            <ReferenceLine
              x={flatLimitPct}
              stroke="var(--color-breach)"
              strokeDasharray="5 4"
              label={{
                value: `Limit ${formatPct(flatLimitPct)}`,
                position: "top",
                fontSize: 11,
                fill: "var(--color-breach)",
              }}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {statuses.map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: FILL[s] }} />
            {STATUS_WORD[s]}
          </span>
        ))}
        {anyMissing && (
          <span className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-2.5 rounded-sm"
              style={{ background: MISSING_FILL }}
            />
            Unknown (attribute missing)
          </span>
        )}
        {flatLimitPct !== null && <span>Dashed line: limit {formatPct(flatLimitPct)}</span>}
      </figcaption>
    </figure>
  );
}
