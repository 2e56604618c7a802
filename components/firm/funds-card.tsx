import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  formatCount,
  formatDate,
  formatMoney,
  formatMoneyExact,
  formatPct,
  formatPctExact,
} from "@/lib/display/format";
import type { FirmView } from "@/lib/services/firm";

const th = "px-3 py-2 font-medium";

/** Every active fund with its latest run's as-of date and total; a fund without a run is listed, not counted. */
export function FundsCard({ view }: { view: FirmView }) {
  const dates = new Set(view.funds.flatMap((f) => (f.asOfDate ? [f.asOfDate] : [])));
  return (
    <Card
      title="Funds"
      actions={
        // biome-ignore lint/a11y/useSemanticElements: a group of download links, not of form controls, so not a fieldset.
        <div role="group" aria-label="Export the firm's exposures" className="flex items-center gap-1.5">
          <span className="text-xs text-muted">Export</span>
          <a
            href="/api/exports/firm?format=csv"
            download
            data-testid="export-firm-csv"
            aria-label="Export the firm's exposures as CSV"
            className={buttonClass("secondary", "px-2 py-1 text-xs")}
          >
            CSV
          </a>
        </div>
      }
    >
      <p className="mb-3 text-sm" data-testid="firm-total">
        Firm total <strong title={formatMoneyExact(view.totalValue)}>{formatMoney(view.totalValue)}</strong> in{" "}
        {formatCount(view.positionCount)} positions
        {dates.size > 1 && (
          <span className="text-muted">
            {" "}
            · the funds&apos; latest runs have different as-of dates: each counts as of its own
          </span>
        )}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm" data-testid="firm-funds">
          <caption className="sr-only">Funds in the firm total</caption>
          <thead className="border-b border-border text-xs text-muted">
            <tr>
              <th scope="col" className={`${th} text-left`}>
                Fund
              </th>
              <th scope="col" className={`${th} text-left`}>
                As of
              </th>
              <th scope="col" className={`${th} text-right`}>
                Total
              </th>
              <th scope="col" className={`${th} text-right`}>
                Share of firm
              </th>
              <th scope="col" className={`${th} text-right`}>
                Positions
              </th>
            </tr>
          </thead>
          <tbody>
            {view.funds.map((f) => (
              <tr
                key={f.slug}
                data-slug={f.slug}
                data-testid="firm-fund"
                className="border-b border-border/60 last:border-0"
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {f.name} <span className="font-mono text-xs font-normal text-muted">{f.slug}</span>
                </th>
                {f.runId === null ? (
                  <td colSpan={4} className="px-3 py-2 text-muted">
                    No run yet: not in the totals
                  </td>
                ) : (
                  <>
                    <td className="whitespace-nowrap px-3 py-2">{formatDate(f.asOfDate)}</td>
                    <td className="px-3 py-2 text-right tabular-nums" title={formatMoneyExact(f.totalPortfolioValue)}>
                      {formatMoney(f.totalPortfolioValue)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums" title={formatPctExact(f.sharePct)}>
                      {formatPct(f.sharePct)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatCount(f.positionCount)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
