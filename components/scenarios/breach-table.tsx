import { DIMENSION_LABELS } from "@/lib/display/dimension-labels";
import { formatPctExact, formatPp } from "@/lib/display/format";
import type { BreachChange, BreachChangeKind } from "@/lib/engine/scenario";
import type { LimitStatus } from "@/lib/engine/types";
import { formatMeasure, formatSignedMeasure } from "../limits/limit-rule";
import { SeverityBadge, StatusBadge } from "../ui/status-badge";
import type { ValueLabeller } from "./labels";
import { CHANGE_LABELS, limitWords } from "./scenario-model";

/** The limit as a row reads it: "at most 50.0 %" for shares, the kind's own words otherwise. */
function ruleWords(b: BreachChange): string {
  if (b.kind === "share" && b.basis === "value") return limitWords(b.thresholdType, b.thresholdPct);
  const line = formatMeasure(b.thresholdPct, b.breachUnit);
  switch (b.kind) {
    case "target":
      return `target ${line}`;
    case "count":
      return `${b.thresholdType === "minimum" ? "at least" : "at most"} ${line} values`;
    case "top_n":
      return `largest together at most ${line}`;
    case "hhi":
      return `HHI at most ${line}`;
    default:
      return `${b.thresholdType === "minimum" ? "at least" : "at most"} ${line}`;
  }
}

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
                <span className="mr-1.5">{ruleWords(b)}</span>
                <SeverityBadge severity={b.severity} />
              </td>
              <td
                className="whitespace-nowrap px-2 py-2 text-right tabular-nums"
                title={b.breachUnit === "pp" ? formatPctExact(b.beforePct) : String(b.beforePct)}
              >
                {formatMeasure(b.beforePct, b.breachUnit)}
              </td>
              <td
                className="whitespace-nowrap px-2 py-2 text-right font-medium tabular-nums"
                title={b.breachUnit === "pp" ? formatPctExact(b.afterPct) : String(b.afterPct)}
              >
                {formatMeasure(b.afterPct, b.breachUnit)}
              </td>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
                {b.breachUnit === "pp"
                  ? formatPp(b.afterPct - b.beforePct)
                  : formatSignedMeasure(b.afterPct - b.beforePct, b.breachUnit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
