import Link from "next/link";
import { formatMoney, formatMoneyExact, formatPct, formatPctExact } from "@/lib/display/format";
import { DIMENSION_LABELS, labelValue } from "@/lib/display/labels";
import type { Dial, DialValue } from "@/lib/engine/dashboard";
import { FIELDS_OF_KIND } from "@/lib/engine/limit-kinds";
import { limitAppliesTo } from "@/lib/engine/limits";
import { type Limit, UNKNOWN } from "@/lib/engine/types";
import { Gauge } from "../charts/gauge";
import { describeRule } from "../limits/limit-rule";
import { StatusBadge } from "../ui/status-badge";
import { DialRules, dialLines, dialRuleText } from "./dial-rules";

export const TOP_VALUES = 5;
/**
 * Every card the same height, tall enough for two lines under the top value's name (see
 * RULE_LINES) above five value rows with badges.
 */
const DIAL_CARD_CLASS =
  "relative flex min-h-[28rem] break-inside-avoid flex-col rounded-card border border-border bg-surface p-4 shadow-sm print:min-h-0 print:p-3 print:shadow-none";

/** Lines under the top value's name: the gauge's mark, then the other rules, the rest as "+N more". */
const RULE_LINES = 2;

const STATUS_WORD = { within: "within", near: "near", breach: "breach", none: "no limit" } as const;

/** Rules checked on each value they cover (share, amount, target), not once on the dimension. */
const onValues = (l: Limit) => (FIELDS_OF_KIND[l.kind] as readonly string[]).includes("dimensionValue");

function limitsText(limits: readonly Limit[], value: string): string {
  const applying = limits.filter((l) => onValues(l) && limitAppliesTo(l, value));
  if (applying.length === 0) return "no limit";
  return applying
    .map((l) => `${l.kind === "target" ? "target " : ""}${describeRule(l)} (${l.severityLevel})`)
    .join(", ");
}

function ValueRow({
  dimension,
  value,
  limits,
}: {
  dimension: Dial["dimensionType"];
  value: DialValue;
  limits: readonly Limit[];
}) {
  const name = labelValue(dimension, value.dimensionValue);
  return (
    <li className="flex items-center gap-2 py-1 text-sm">
      <span
        className="min-w-0 flex-1 truncate"
        title={`${name}: ${formatMoneyExact(value.exposureValue)}, ${value.positionCount} positions; ${limitsText(limits, value.dimensionValue)}`}
      >
        {name}
      </span>
      {value.status !== "within" && <StatusBadge status={value.status} />}
      <span className="w-16 text-right tabular-nums" title={formatPctExact(value.exposurePct)}>
        {formatPct(value.exposurePct)}
      </span>
    </li>
  );
}

/**
 * One dimension: a gauge of its largest value against that value's limit (a share maximum, else an
 * amount cap at the share it is; a target's band), the dimension's other rules each in its own unit,
 * then the top values.
 */
export function DialCard({ dial, limits }: { dial: Dial; limits: readonly Limit[] }) {
  const dimension = dial.dimensionType;
  const label = DIMENSION_LABELS[dimension];
  const top = dial.values.find((v) => v.dimensionValue !== UNKNOWN);
  const hasLimits = limits.length > 0;
  const dialStatus = hasLimits ? dial.status : "none";
  const topLimited = top !== undefined && limits.some((l) => onValues(l) && limitAppliesTo(l, top.dimensionValue));
  const gaugeStatus = top && topLimited ? top.status : "none";
  const topName = top ? labelValue(dimension, top.dimensionValue) : "No data";
  const topPct = top?.exposurePct ?? 0;
  const target = dial.target;
  const lines = dialLines(dial, RULE_LINES);
  return (
    <article className={DIAL_CARD_CLASS} data-testid={`dial-${dimension}`} data-status={dialStatus}>
      <header className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          <Link
            href={`/exposures/${dimension}`}
            className="after:absolute after:inset-0 after:rounded-card hover:text-accent"
          >
            {label}
          </Link>
        </h3>
        <StatusBadge status={dialStatus} />
      </header>
      <div className="mt-2 flex shrink-0 justify-center">
        <Gauge
          valuePct={topPct}
          limitPct={lines.markPct}
          band={target}
          status={gaugeStatus}
          display={formatPct(topPct)}
          label={`${label}: largest is ${topName} at ${formatPct(topPct)}${lines.spoken ? ` against ${lines.spoken}` : ""}; ${label.toLowerCase()} status ${STATUS_WORD[dialStatus]}`}
        />
      </div>
      <p
        className="truncate text-center text-sm font-medium"
        title={top ? `${topName}: ${formatMoneyExact(top.exposureValue)}` : undefined}
        data-testid="dial-top"
      >
        {topName}
        {top && <span className="font-normal text-muted"> · {formatMoney(top.exposureValue)}</span>}
      </p>
      {lines.markLine !== null && <p className="text-center text-xs text-muted">{lines.markLine}</p>}
      {lines.shown.length > 0 ? (
        <DialRules dimension={dimension} rules={lines.shown} />
      ) : (
        lines.markLine === null && (
          <p className="text-center text-xs text-muted">{hasLimits ? "No maximum on this value" : "No limit set"}</p>
        )
      )}
      <ol
        aria-label={`Largest ${label.toLowerCase()} exposures`}
        className="relative z-10 mt-3 divide-y divide-border border-t border-border"
      >
        {dial.values.slice(0, TOP_VALUES).map((value) => (
          <ValueRow key={value.dimensionValue} dimension={dimension} value={value} limits={limits} />
        ))}
      </ol>
      <div className="mt-auto flex items-baseline gap-2 pt-2 text-xs">
        {lines.hidden.length > 0 && (
          <span
            className="relative z-10 text-muted"
            title={lines.hidden.map((r) => dialRuleText(dimension, r)).join("; ")}
            data-testid="dial-more-rules"
          >
            +{lines.hidden.length} more {lines.hidden.length === 1 ? "limit" : "limits"}
          </span>
        )}
        <span className="ml-auto text-accent print:hidden" aria-hidden="true">
          {dial.values.length > TOP_VALUES ? `All ${dial.values.length} values →` : "Details →"}
        </span>
      </div>
    </article>
  );
}
