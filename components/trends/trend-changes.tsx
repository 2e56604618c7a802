import { formatDate, formatPct, formatPctExact, formatPp } from "@/lib/display/format";
import type { ChartSeries } from "./trend-chart";
import { formatSignedPct } from "./trend-series";

function Cell({ pct, date }: { pct: number | undefined; date: string | undefined }) {
  if (pct === undefined) return <td className="px-2 py-2 sm:px-3 text-right text-muted">—</td>;
  return (
    <td className="px-2 py-2 sm:px-3 text-right" title={`${formatPctExact(pct)} on ${formatDate(date)}`}>
      {formatPct(pct)}
    </td>
  );
}

/** Per value: first and last exposure in the range, and the change in pp and relative. */
export function TrendChanges({ series }: { series: ChartSeries[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table
        className="w-full min-w-[20rem] text-sm"
        data-testid="trend-changes"
        aria-label="Change over the range per value"
      >
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="px-2 py-2 sm:px-3 font-medium">
              Value
            </th>
            <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
              Start
            </th>
            <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
              End
            </th>
            <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
              Change
            </th>
            <th scope="col" className="px-2 py-2 sm:px-3 text-right font-medium">
              Relative
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const points = s.trend?.points ?? [];
            const first = points[0];
            const last = points[points.length - 1];
            const changePp = s.trend?.changePp;
            return (
              <tr
                key={s.value}
                data-testid="trend-change-row"
                data-value={s.value}
                className="border-b border-border last:border-0"
              >
                <th scope="row" className="px-2 py-2 sm:px-3 text-left font-medium">
                  <span
                    aria-hidden="true"
                    className="mr-2 inline-block h-2 w-3 rounded-sm"
                    style={{ background: s.color }}
                  />
                  {s.label}
                </th>
                <Cell pct={first?.exposurePct} date={first?.asOfDate} />
                <Cell pct={last?.exposurePct} date={last?.asOfDate} />
                <td
                  className="px-2 py-2 sm:px-3 text-right font-semibold"
                  data-testid="trend-change-pp"
                  title={changePp == null ? undefined : `${changePp} pp`}
                >
                  {formatPp(changePp)}
                </td>
                <td
                  className="px-2 py-2 sm:px-3 text-right"
                  title={first?.exposurePct === 0 ? "No relative change from a start of 0 %" : undefined}
                >
                  {formatSignedPct(s.trend?.changeRelPct)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
