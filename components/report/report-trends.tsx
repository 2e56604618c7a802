import { formatDate, formatPct } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { ReportTrend } from "@/lib/services/report";
import { ShareSparkline } from "../charts/share-sparkline";

const nameOf = (t: ReportTrend) =>
  `${DIMENSION_LABELS[t.dimensionType]}: ${labelValue(t.dimensionType, t.dimensionValue)}`;

/** The sparkline's accessible name: what it shows, from where to where; every point is in the table below. */
function summaryOf(t: ReportTrend): string {
  const first = t.points[0];
  const last = t.points.at(-1);
  const span =
    first && last && t.points.length > 1
      ? `: ${formatPct(first.exposurePct)} on ${formatDate(first.asOfDate)} to ${formatPct(last.exposurePct)} on ${formatDate(last.asOfDate)}`
      : last
        ? `: ${formatPct(last.exposurePct)} on ${formatDate(last.asOfDate)}`
        : "";
  return `${nameOf(t)}, share of portfolio value over time${span}; each run is in the table below`;
}

/**
 * Each dimension's largest value, its share over the runs up to the report's: a small chart each,
 * then the same figures as a table (one row per as-of date), which is also what a screen reader reads.
 */
export function ReportTrends({ trends }: { trends: readonly ReportTrend[] }) {
  if (trends.length === 0) return <p className="text-sm">No dimension has a known value in this run.</p>;
  const dates = [...new Set(trends.flatMap((t) => t.points.map((p) => p.asOfDate)))].sort();
  const shareAt = trends.map((t) => new Map(t.points.map((p) => [p.asOfDate, p.exposurePct])));
  return (
    <>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-2">
        {trends.map((t) => (
          <li
            key={t.dimensionType}
            className="break-inside-avoid rounded-card border border-border bg-surface p-2"
            data-testid="report-trend-chart"
          >
            <p className="truncate text-xs font-semibold" title={nameOf(t)}>
              {nameOf(t)}
            </p>
            <ShareSparkline points={t.points} label={summaryOf(t)} />
          </li>
        ))}
      </ul>
      <table className="mt-4 w-full text-xs tabular-nums" data-testid="report-trends-table">
        <caption className="mb-1 text-left text-xs text-muted">
          Share of portfolio value at each as-of date, per dimension's largest value
        </caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="px-1.5 py-1.5 text-left font-medium text-muted">
              As of
            </th>
            {trends.map((t) => (
              <th key={t.dimensionType} scope="col" className="px-1.5 py-1.5 text-right font-medium text-muted">
                {DIMENSION_LABELS[t.dimensionType]}
                <span className="block font-normal text-text">{labelValue(t.dimensionType, t.dimensionValue)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dates.map((date) => (
            <tr key={date} className="break-inside-avoid border-b border-border last:border-0">
              <th scope="row" className="whitespace-nowrap px-1.5 py-1 text-left font-medium">
                {formatDate(date)}
              </th>
              {shareAt.map((shares, i) => (
                <td key={trends[i]?.dimensionType} className="px-1.5 py-1 text-right">
                  {formatPct(shares.get(date))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
