import { Card } from "@/components/ui/card";
import { formatCount, formatMoney, formatMoneyExact, formatPct, formatPctExact } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { FirmExposure } from "@/lib/engine/firm";
import type { Dimension } from "@/lib/engine/types";

const th = "px-3 py-2 font-medium";

/** Each value of one dimension across the firm: dollars, share of the firm's total, and the funds that hold it. */
export function FirmTable({ dimension, rows }: { dimension: Dimension; rows: readonly FirmExposure[] }) {
  return (
    <Card title={`${DIMENSION_LABELS[dimension]} across the firm`}>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-sm" data-testid="firm-table">
          <caption className="sr-only">{DIMENSION_LABELS[dimension]} exposure across the firm</caption>
          <thead className="border-b border-border text-xs text-muted">
            <tr>
              <th scope="col" className={`${th} text-left`}>
                Value
              </th>
              <th scope="col" className={`${th} text-right`}>
                Exposure $
              </th>
              <th scope="col" className={`${th} text-right`}>
                Share of firm
              </th>
              <th scope="col" className={`${th} text-right`}>
                Positions
              </th>
              <th scope="col" className={`${th} text-left`}>
                Funds
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.dimensionValue}
                data-value={row.dimensionValue}
                data-testid="firm-row"
                className="border-b border-border/60 align-top last:border-0 hover:bg-surface-2"
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {labelValue(dimension, row.dimensionValue)}
                </th>
                <td
                  className="px-3 py-2 text-right tabular-nums"
                  title={formatMoneyExact(row.exposureValue)}
                  data-testid="firm-row-value"
                >
                  {formatMoney(row.exposureValue)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" title={formatPctExact(row.exposurePct)}>
                  {formatPct(row.exposurePct)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.positionCount)}</td>
                <td className="px-3 py-2">
                  <ul className="space-y-0.5">
                    {row.funds.map((f) => (
                      <li key={f.slug} data-slug={f.slug} className="whitespace-nowrap">
                        {f.name}{" "}
                        <span className="tabular-nums text-muted" title={formatMoneyExact(f.exposureValue)}>
                          {formatMoney(f.exposureValue)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-muted">
        Share of firm: the value&apos;s dollars over the sum of the funds&apos; run totals. Exact amounts in the
        tooltips and the CSV.
      </p>
    </Card>
  );
}
