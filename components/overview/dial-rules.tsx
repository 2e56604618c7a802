import { formatCount, formatPct, formatPp } from "@/lib/display/format";
import { labelValue } from "@/lib/display/labels";
import type { Dial, DialRule } from "@/lib/engine/dashboard";
import type { Dimension } from "@/lib/engine/types";
import { formatAmount, formatDistance } from "../limits/limit-rule";
import { StatusBadge } from "../ui/status-badge";

const SIDE = { maximum: "max", minimum: "min" } as const;

/** A figure of the rule's kind: amounts with their unit ($312.5M, 1,240 units, 12 positions), the rest as measured. */
function figure(rule: DialRule, value: number): string {
  if (rule.kind === "amount") return formatAmount(rule.basis, value);
  return rule.unit === "pp" ? formatPct(value) : formatCount(value);
}

/**
 * One rule as a dial lists it, in its own unit, the measure before the line: the value its row is
 * about (a rule on values), then the figures: ["Dallas", "$312.5M · max $250.0M"], [null, "Top 3 at
 * 90.3 % · max 50.0 %"], [null, "4 values · min 10"], [null, "HHI 5,052 · max 1,500"], ["Core",
 * "60.0 % · target 40.0 % ± 5.0 pp"].
 */
function ruleParts(dimension: Dimension, rule: DialRule): [name: string | null, figures: string] {
  // An amount names its unit; a share of units or positions says so.
  const of = rule.basis === "value" || rule.kind === "amount" ? "" : ` of ${rule.basis}`;
  const measure = figure(rule, rule.exposurePct);
  const line = `${SIDE[rule.thresholdType]} ${figure(rule, rule.limitPct)}`;
  switch (rule.kind) {
    case "count":
      return [null, `${measure} values · ${line}`];
    case "top_n":
      return [null, `Top ${rule.topN ?? "—"} at ${measure}${of} · ${line}`];
    case "hhi":
      return [null, `HHI ${measure}${of} · ${line}`];
    case "target":
      return [
        labelValue(dimension, rule.dimensionValue),
        `${measure}${of} · target ${figure(rule, rule.limitPct)} ± ${(rule.bandPp ?? 0).toFixed(1)} pp`,
      ];
    default:
      return [labelValue(dimension, rule.dimensionValue), `${measure}${of} · ${line}`];
  }
}

/** A rule's line as text: "Dallas $312.5M · max $250.0M", "HHI 5,052 · max 1,500". */
export function dialRuleText(dimension: Dimension, rule: DialRule): string {
  const [name, figures] = ruleParts(dimension, rule);
  return name === null ? figures : `${name} ${figures}`;
}

/** How far past the line a breached rule is, or its room before it: "over by $62.5M", "headroom 2". */
export function dialRuleDistance(rule: DialRule): string {
  const distance = Math.abs(rule.headroomPp);
  const amount = rule.kind === "amount" ? formatAmount(rule.basis, distance) : formatDistance(distance, rule.unit);
  if (rule.kind === "target") return rule.status === "breach" ? `${amount} past its band` : "within its band";
  if (rule.status !== "breach") return `headroom ${amount}`;
  return `${rule.thresholdType === "maximum" ? "over" : "under"} by ${amount}`;
}

/** A distance in percentage points, unsigned: "2.0 pp". */
const points = (pp: number) => formatPp(Math.abs(pp)).replace(/^[+±]/, "");

/**
 * The gauge's tick in words: the top value's share maximum, else its amount cap on value drawn
 * at the share of the portfolio it is (an approximation, so the line gives both).
 */
function limitMark(dial: Dial, topPct: number): { pct: number; line: string; spoken: string } | null {
  if (dial.limitPct !== null) {
    const over = topPct > dial.limitPct;
    const distance = over ? `over by ${points(topPct - dial.limitPct)}` : `headroom ${points(dial.limitPct - topPct)}`;
    return {
      pct: dial.limitPct,
      line: `Limit ${formatPct(dial.limitPct)} · ${distance}`,
      spoken: `a limit of ${formatPct(dial.limitPct)}`,
    };
  }
  const cap = dial.amountCap;
  if (cap === null) return null;
  const amount = formatAmount("value", cap.limitPct);
  return {
    pct: cap.equivalentPct,
    line: `Limit ${amount} (≈ ${formatPct(cap.equivalentPct)}) · ${dialRuleDistance(cap)}`,
    spoken: `a cap of ${amount}, about ${formatPct(cap.equivalentPct)} of the portfolio`,
  };
}

export interface DialLines {
  /** Where the gauge's tick goes; null for none. */
  markPct: number | null;
  /** The tick's rule, else the target's, in one line: "Limit $250.0M (≈ 32.3 %) · over by $62.5M". */
  markLine: string | null;
  /** What the gauge's marks stand for, for its label: "a limit of 40.0 % and a target of 35.0 % ± 7.0 pp". */
  spoken: string;
  /** The other rules with a line of their own, most urgent first, and those left for "+N more". */
  shown: DialRule[];
  hidden: DialRule[];
}

/** What the dial says under its top value's name, in at most `lineCount` lines. */
export function dialLines(dial: Dial, lineCount: number): DialLines {
  const topPct = dial.top?.exposurePct ?? 0;
  const { target } = dial;
  const mark = limitMark(dial, topPct);
  const drift = target ? Math.abs(topPct - target.targetPct) : 0;
  const targetLine = target
    ? `Target ${formatPct(target.targetPct)} ± ${target.bandPp.toFixed(1)} pp · ${drift > target.bandPp ? `${points(drift - target.bandPp)} past its band` : "within its band"}`
    : null;
  const markLine = mark?.line ?? targetLine;
  // The row the mark's line already reads out is not listed again.
  const read =
    mark !== null
      ? dial.amountCap
      : target && dial.top && { limitId: target.limitId, dimensionValue: dial.top.dimensionValue };
  const others = dial.rules.filter(
    (r) => !read || r.limitId !== read.limitId || r.dimensionValue !== read.dimensionValue,
  );
  const shown = others.slice(0, Math.max(0, lineCount - (markLine === null ? 0 : 1)));
  const marks = [mark?.spoken, target && `a target of ${formatPct(target.targetPct)} ± ${target.bandPp.toFixed(1)} pp`];
  return {
    markPct: mark?.pct ?? null,
    markLine,
    spoken: marks.filter(Boolean).join(" and "),
    shown,
    hidden: others.slice(shown.length),
  };
}

/** The dial's rules beyond its gauge, one line each, a badge when near or in breach. */
export function DialRules({ dimension, rules }: { dimension: Dimension; rules: readonly DialRule[] }) {
  return (
    <ul aria-label="Other limits" className="relative z-10 text-xs text-muted" data-testid="dial-rules">
      {rules.map((rule) => {
        const [name, figures] = ruleParts(dimension, rule);
        return (
          <li
            key={`${rule.limitId}:${rule.dimensionValue}`}
            className="flex items-center justify-center gap-1"
            title={`${dialRuleText(dimension, rule)}: ${dialRuleDistance(rule)}`}
            data-testid="dial-rule"
            data-status={rule.status}
          >
            {/* The spaces are for screen readers and copying; on screen the flex gap spaces the parts. */}
            {name !== null && <span className="min-w-0 truncate">{`${name} `}</span>}
            <span className="shrink-0 whitespace-nowrap tabular-nums">{figures} </span>
            {rule.status !== "within" && <StatusBadge status={rule.status} />}
          </li>
        );
      })}
    </ul>
  );
}
