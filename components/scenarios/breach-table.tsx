import { DIMENSION_LABELS } from "@/lib/display/dimension-labels";
import { formatPct, formatPctExact, formatPp } from "@/lib/display/format";
import type { BreachChange, BreachChangeKind } from "@/lib/engine/scenario";
import type { LimitStatus } from "@/lib/engine/types";
import { SeverityBadge, StatusBadge } from "../ui/status-badge";
import type { ValueLabeller } from "./labels";
import { CHANGE_LABELS, limitWords } from "./scenario-model";

const CHANGE_STATUS: Record<BreachChangeKind, LimitStatus> = {
  new: "breach",
  worse: "breach",
  same: "near",
  better: "near",
  cleared: "within",
};

/** Every (limit, value) breached before or after, in the API's order: new and worse first. */
export function BreachTable({ breaches, labelOf }: { breaches: readonly BreachChange[]; labelOf: ValueLabeller }) {
  if (breaches.length === 0)
    return (
      <p data-testid="breaches-empty" className="text-sm text-muted">
        No limit is breached before or after this scenario.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table data-testid="breach-table" className="w-full min-w-[36rem] text-sm">
        <caption className="sr-only">Breaches before and after the scenario, new and worse first</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="px-2 py-2 font-medium">
              Change
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Value
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Limit
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Before
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              After
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              Move
            </th>
          </tr>
        </thead>
        <tbody>
          {breaches.map((b) => (
            <tr
              key={`${b.thresholdId}:${b.dimensionValue}`}
              data-testid="breach-row"
              data-change={b.change}
              className="border-b border-border last:border-0"
            >
              <td className="px-2 py-2">
                <StatusBadge status={CHANGE_STATUS[b.change]} label={CHANGE_LABELS[b.change]} />
              </td>
              <th scope="row" className="px-2 py-2 text-left font-medium">
                <span className="mr-1 text-xs font-normal text-muted">{DIMENSION_LABELS[b.dimensionType]}</span>
                <span title={b.dimensionValue}>{labelOf(b.dimensionType, b.dimensionValue)}</span>
              </th>
              <td className="whitespace-nowrap px-2 py-2">
                <span className="mr-1.5">{limitWords(b.thresholdType, b.thresholdPct)}</span>
                <SeverityBadge severity={b.severity} />
              </td>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums" title={formatPctExact(b.beforePct)}>
                {formatPct(b.beforePct)}
              </td>
              <td
                className="whitespace-nowrap px-2 py-2 text-right font-medium tabular-nums"
                title={formatPctExact(b.afterPct)}
              >
                {formatPct(b.afterPct)}
              </td>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                {formatPp(b.afterPct - b.beforePct)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
