import { formatMoney, formatPct, formatPp } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { ExposureChange } from "@/lib/engine/scenario";

const th = "px-2 py-2 text-xs font-medium text-muted";
const td = "px-2 py-1.5";

const signedMoney = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatMoney(Math.abs(value))}`;

/** The largest moves in share since the previous quarter's run, with the amounts behind them. */
export function ReportChanges({ changes }: { changes: readonly ExposureChange[] }) {
  if (changes.length === 0)
    return <p className="text-sm">No value's share or amount changed since the previous quarter's run.</p>;
  return (
    <table className="w-full text-sm" data-testid="report-changes-table">
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className={`${th} text-left`}>
            Dimension
          </th>
          <th scope="col" className={`${th} text-left`}>
            Value
          </th>
          <th scope="col" className={`${th} text-right`}>
            Then
          </th>
          <th scope="col" className={`${th} text-right`}>
            Now
          </th>
          <th scope="col" className={`${th} text-right`}>
            Change
          </th>
          <th scope="col" className={`${th} text-right`}>
            Amount change
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {changes.map((c) => (
          <tr
            key={`${c.dimensionType} ${c.dimensionValue}`}
            className="break-inside-avoid border-b border-border last:border-0"
            data-testid="report-change-row"
          >
            <td className={td}>{DIMENSION_LABELS[c.dimensionType]}</td>
            <th scope="row" className={`${td} text-left font-medium`}>
              {labelValue(c.dimensionType, c.dimensionValue)}
            </th>
            <td className={`${td} text-right`}>
              {formatPct(c.beforePct)}
              <span className="block text-xs text-muted">{formatMoney(c.beforeValue)}</span>
            </td>
            <td className={`${td} text-right`}>
              {formatPct(c.afterPct)}
              <span className="block text-xs text-muted">{formatMoney(c.afterValue)}</span>
            </td>
            <td className={`${td} text-right font-semibold`}>{formatPp(c.deltaPp)}</td>
            <td className={`${td} text-right`}>{signedMoney(c.afterValue - c.beforeValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
