import { formatMoneyExact, formatPct, formatPctExact } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { CrossTab } from "@/lib/engine/crosstab";
import { type Dimension, UNKNOWN } from "@/lib/engine/types";

/**
 * The fill of the largest cell, as a share of --map-high: the darkest the text colour still reads on
 * at 4.5:1 (tests/display/palette.test.ts). White text on the darker fills failed AA on the middle ones.
 */
export const HEAT_FILL_MAX = 0.62;

/** Where the folded "other" row/column sits: just before `unknown` (see computeCrossTab); -1 if none. */
function otherIndex(values: readonly string[], folded: number): number {
  return folded > 0 ? values.length - (values.at(-1) === UNKNOWN ? 2 : 1) : -1;
}

function axisLabels(dimension: Dimension, values: readonly string[], folded: number): string[] {
  const otherAt = otherIndex(values, folded);
  return values.map((value, i) => {
    if (i === otherAt) return `Other (${folded})`;
    return dimension === "msa" && value !== UNKNOWN
      ? `${value} ${labelValue(dimension, value)}`
      : labelValue(dimension, value);
  });
}

function HeatCell({ value, total, max, title }: { value: number; total: number; max: number; title: string }) {
  if (value === 0) {
    return (
      <td className="px-2 py-1.5 text-right text-muted" title={`${title}: none`}>
        –
      </td>
    );
  }
  const intensity = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <td
      className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums text-text"
      style={{
        background: `color-mix(in srgb, var(--map-high) ${Math.round(intensity * HEAT_FILL_MAX * 100)}%, transparent)`,
      }}
      title={`${title}: ${formatPctExact((value / total) * 100)} · ${formatMoneyExact(value)}`}
    >
      {formatPct((value / total) * 100)}
    </td>
  );
}

/** A heat-map table: each cell's share of total value, shaded relative to the largest cell. */
export function CrossTabTable({ tab, label }: { tab: CrossTab; label: string }) {
  const rowLabels = axisLabels(tab.rowDimension, tab.rows, tab.otherRows);
  const columnLabels = axisLabels(tab.columnDimension, tab.columns, tab.otherColumns);
  // The shading scale ignores the "other" row and column: a sum of many values would wash out the rest.
  const otherRow = otherIndex(tab.rows, tab.otherRows);
  const otherColumn = otherIndex(tab.columns, tab.otherColumns);
  const max = Math.max(
    0,
    ...tab.cells.flatMap((cells, r) => (r === otherRow ? [] : cells.filter((_, c) => c !== otherColumn))),
  );
  const pct = (value: number) => formatPct(tab.total > 0 ? (value / tab.total) * 100 : 0);
  return (
    <div className="overflow-x-auto">
      <table data-testid="crosstab-table" aria-label={label} className="w-full border-collapse text-xs">
        <thead>
          <tr className="border-b border-border text-muted">
            <th scope="col" className="px-2 py-1.5 text-left align-bottom font-medium">
              {DIMENSION_LABELS[tab.rowDimension]} <span aria-hidden="true">↓</span> ·{" "}
              {DIMENSION_LABELS[tab.columnDimension]} <span aria-hidden="true">→</span>
            </th>
            {columnLabels.map((column, c) => (
              <th
                key={c}
                scope="col"
                className="max-w-32 px-2 py-1.5 text-right align-bottom font-medium"
                title={column}
              >
                <span className="line-clamp-2">{column}</span>
              </th>
            ))}
            <th scope="col" className="bg-surface-2 px-2 py-1.5 text-right font-semibold text-text">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {tab.cells.map((cells, r) => (
            <tr key={r} className="border-b border-border/60">
              <th scope="row" className="max-w-56 truncate px-2 py-1.5 text-left font-medium" title={rowLabels[r]}>
                {rowLabels[r]}
              </th>
              {cells.map((value, c) => (
                <HeatCell
                  key={c}
                  value={value}
                  total={tab.total}
                  max={max}
                  title={`${rowLabels[r]} × ${columnLabels[c]}`}
                />
              ))}
              <td
                className="whitespace-nowrap bg-surface-2 px-2 py-1.5 text-right font-semibold tabular-nums"
                title={formatMoneyExact(tab.rowTotals[r])}
              >
                {pct(tab.rowTotals[r] ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-surface-2 font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">
              Total
            </th>
            {tab.columnTotals.map((value, c) => (
              <td
                key={c}
                className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums"
                title={formatMoneyExact(value)}
              >
                {pct(value)}
              </td>
            ))}
            <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums" title={formatMoneyExact(tab.total)}>
              {pct(tab.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
