import { DIMENSION_LABELS } from "@/lib/display/dimension-labels";
import { formatPct, formatPctExact, formatPp } from "@/lib/display/format";
import type { LimitStatus } from "@/lib/engine/types";
import { StatusBadge } from "../ui/status-badge";
import type { ValueLabeller } from "./labels";
import { type AffectedBar, barScale, limitWords } from "./scenario-model";

const FILL: Record<LimitStatus, string> = { within: "bg-within", near: "bg-near", breach: "bg-breach" };

/** Before (grey) and after (status colour) on one scale, with the limit drawn as a line. Decorative: the row says it in text. */
function BeforeAfterBar({ bar, scale }: { bar: AffectedBar; scale: number }) {
  const at = (pct: number) => `${Math.min(100, Math.max(0, (pct / scale) * 100))}%`;
  return (
    <div aria-hidden="true" className="relative w-32 shrink-0 py-0.5 sm:w-44">
      <div className="h-2 rounded-sm bg-border" style={{ width: at(bar.beforePct) }} />
      <div className={`mt-1 h-2.5 rounded-sm ${FILL[bar.after]}`} style={{ width: at(bar.afterPct) }} />
      <div className="absolute inset-y-0 w-0.5 bg-text" style={{ left: at(bar.limitPct) }} />
    </div>
  );
}

/**
 * Every value the scenario moves that a limit covers (and every breached one): before and after,
 * the change, the limit, and the same as bars. The table is the chart's text.
 */
export function AffectedBars({ bars, labelOf }: { bars: readonly AffectedBar[]; labelOf: ValueLabeller }) {
  if (bars.length === 0)
    return (
      <p data-testid="affected-empty" className="text-sm text-muted">
        No value with a limit moves in this scenario.
      </p>
    );
  const scale = barScale(bars);
  return (
    <div className="overflow-x-auto">
      <p aria-hidden="true" className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2 w-4 rounded-sm bg-border" /> before
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-4 rounded-sm bg-within" /> after (colour and word: its status)
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-0.5 bg-text" /> limit
        </span>
        <span>scale 0–{formatPct(scale, 0)}</span>
      </p>
      <table data-testid="affected-table" className="w-full min-w-[36rem] text-sm">
        <caption className="sr-only">
          Values the scenario moves that a limit covers: share before and after, the change, and the limit that matters
          most, with its status after
        </caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="px-2 py-2 font-medium">
              Value
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Before → after
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Limit
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              After, against the limit
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr
              key={`${bar.dimensionType}:${bar.dimensionValue}`}
              data-testid="affected-row"
              data-value={bar.dimensionValue}
              data-status={bar.after}
              className="border-b border-border last:border-0"
            >
              <th scope="row" className="px-2 py-2 text-left font-medium">
                <span className="block text-xs font-normal text-muted">{DIMENSION_LABELS[bar.dimensionType]}</span>
                <span title={bar.dimensionValue}>{labelOf(bar.dimensionType, bar.dimensionValue)}</span>
              </th>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                <span title={formatPctExact(bar.beforePct)}>{formatPct(bar.beforePct)}</span> →{" "}
                <strong title={formatPctExact(bar.afterPct)}>{formatPct(bar.afterPct)}</strong>
                <span className="block text-xs text-muted">{formatPp(bar.afterPct - bar.beforePct)}</span>
              </td>
              <td className="whitespace-nowrap px-2 py-2">
                {limitWords(bar.thresholdType, bar.limitPct)}
                <span className="block text-xs text-muted">{bar.severity}</span>
              </td>
              <td className="px-2 py-2">
                <div className="flex items-center gap-2">
                  <BeforeAfterBar bar={bar} scale={scale} />
                  <StatusBadge status={bar.after} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
