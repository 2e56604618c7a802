// What the builder shows of an evaluation: the verdict in words, a before/after bar for every value
// that moved and has a limit (and every breached one), the breach diff, and the largest
// acquisition in a sentence. Pure: unit-tested and run in the browser.

import { DIMENSION_LABELS } from "@/lib/display/dimension-labels";
import { formatMoney, formatPct } from "@/lib/display/format";
import { isBreached, limitAppliesTo, limitStatus } from "@/lib/engine/limits";
import type {
  BindingLimit,
  BreachChange,
  BreachChangeKind,
  MaxAcquisition,
  ScenarioEvaluation,
  Verdict,
} from "@/lib/engine/scenario";
import {
  type Dimension,
  isShareLimit,
  type Limit,
  type LimitStatus,
  type Severity,
  type ShareLimit,
  type ThresholdType,
} from "@/lib/engine/types";

/** The app's status words and icons for a verdict (colour is never the only sign). */
export const VERDICTS: Record<Verdict, { word: string; icon: string; status: LimitStatus }> = {
  pass: { word: "Pass", icon: "✓", status: "within" },
  warning: { word: "Warning", icon: "▲", status: "near" },
  critical: { word: "Critical", icon: "✕", status: "breach" },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "1 new breach and 1 made worse; 1 cleared." or "No limit newly breached or made worse." */
export function verdictSummary(breaches: readonly Pick<BreachChange, "change">[]): string {
  const count = (kind: BreachChangeKind) => breaches.filter((b) => b.change === kind).length;
  const bad = [
    count("new") && plural(count("new"), "new breach", "new breaches"),
    count("worse") && `${plural(count("worse"), "breach", "breaches")} made worse`,
  ].filter(Boolean);
  const good = [
    count("cleared") && `${count("cleared")} cleared`,
    count("better") && `${count("better")} eased`,
    count("same") && `${count("same")} unchanged`,
  ].filter(Boolean);
  const head = bad.length ? `${bad.join(" and ")}.` : "No limit newly breached or made worse.";
  return good.length ? `${head} Existing breaches: ${good.join(", ")}.` : head;
}

export const CHANGE_LABELS: Record<BreachChangeKind, string> = {
  new: "New",
  worse: "Worse",
  same: "Same",
  better: "Better",
  cleared: "Cleared",
};

/** The limit a bar draws, and how the value stands against it before and after. */
export interface AffectedBar {
  dimensionType: Dimension;
  dimensionValue: string;
  beforePct: number;
  afterPct: number;
  limitPct: number;
  thresholdType: ThresholdType;
  severity: Severity;
  before: LimitStatus;
  after: LimitStatus;
}

const key = (dimension: string, value: string) => `${dimension}\u0000${value}`;

/** How far inside a limit a share sits, in pp (negative past it). */
const headroom = (pct: number, limit: Pick<ShareLimit, "thresholdPct" | "thresholdType">) =>
  limit.thresholdType === "maximum" ? limit.thresholdPct - pct : pct - limit.thresholdPct;

/**
 * One bar per value whose share moved and that an active limit covers, plus every value breached
 * before or after. Each draws the limit that matters most after the scenario: one it breaches
 * (critical first), else the one with the least headroom. Order: the evaluation's (dimension, then
 * the largest move), breached values that did not move last.
 */
export function affectedBars(evaluation: ScenarioEvaluation, limits: readonly Limit[]): AffectedBar[] {
  // Bars are shares against share limits; the evaluation's breach list shows every kind.
  const active = limits.filter((l) => l.isActive).filter(isShareLimit);
  const moves = new Map<string, { beforePct: number; afterPct: number }>();
  const order: Array<{ dimensionType: Dimension; dimensionValue: string }> = [];
  const note = (dimensionType: Dimension, dimensionValue: string, beforePct: number, afterPct: number) => {
    const k = key(dimensionType, dimensionValue);
    if (moves.has(k)) return;
    moves.set(k, { beforePct, afterPct });
    order.push({ dimensionType, dimensionValue });
  };
  for (const c of evaluation.changes) {
    if (active.some((l) => l.dimensionType === c.dimensionType && limitAppliesTo(l, c.dimensionValue)))
      note(c.dimensionType, c.dimensionValue, c.beforePct, c.afterPct);
  }
  for (const b of evaluation.breaches)
    if (b.kind === "share" && b.basis === "value") note(b.dimensionType, b.dimensionValue, b.beforePct, b.afterPct);

  const bars: AffectedBar[] = [];
  for (const { dimensionType, dimensionValue } of order) {
    const { beforePct, afterPct } = moves.get(key(dimensionType, dimensionValue)) ?? { beforePct: 0, afterPct: 0 };
    const covering = active.filter((l) => l.dimensionType === dimensionType && limitAppliesTo(l, dimensionValue));
    const breachedAfter = covering.filter((l) => isBreached(afterPct, l.thresholdPct, l.thresholdType));
    const tightest = (a: ShareLimit, b: ShareLimit) => headroom(afterPct, a) - headroom(afterPct, b);
    const chosen = breachedAfter.length
      ? [...breachedAfter].sort(
          (a, b) => Number(b.severityLevel === "critical") - Number(a.severityLevel === "critical") || tightest(a, b),
        )[0]
      : [...covering].sort(tightest)[0];
    if (!chosen) continue;
    bars.push({
      dimensionType,
      dimensionValue,
      beforePct,
      afterPct,
      limitPct: chosen.thresholdPct,
      thresholdType: chosen.thresholdType,
      severity: chosen.severityLevel,
      before: limitStatus(beforePct, chosen.thresholdPct, chosen.thresholdType),
      after: limitStatus(afterPct, chosen.thresholdPct, chosen.thresholdType),
    });
  }
  return bars;
}

/** The bars' common scale: the largest share or limit drawn, with a little room, at most 100 %. */
export function barScale(bars: readonly Pick<AffectedBar, "beforePct" | "afterPct" | "limitPct">[]): number {
  const top = Math.max(0, ...bars.flatMap((b) => [b.beforePct, b.afterPct, b.limitPct]));
  return top <= 0 ? 100 : Math.min(100, Math.ceil((top * 1.1) / 5) * 5);
}

/** "at most 35.0 %" / "at least 10.0 %". */
export const limitWords = (thresholdType: ThresholdType, pct: number) =>
  `${thresholdType === "maximum" ? "at most" : "at least"} ${formatPct(pct)}`;

/** "Strategy Value add at most 50.0 %": a limit on one value, as people read it. */
export function describeLimit(
  limit: Pick<BindingLimit, "dimensionType" | "dimensionValue" | "thresholdType" | "thresholdPct">,
  labelOf: (dimension: Dimension, value: string) => string,
): string {
  return `${DIMENSION_LABELS[limit.dimensionType]} ${labelOf(limit.dimensionType, limit.dimensionValue)} ${limitWords(limit.thresholdType, limit.thresholdPct)}`;
}

/**
 * The largest-acquisition line: how much fits and what binds it, or that nothing does; 0 says why.
 * `describe` names the binding limit as people read it; `isOwnValue` tells whether the binding
 * value is one the asset itself falls in.
 */
export function acquisitionSentence(
  result: MaxAcquisition,
  describe: (binding: BindingLimit) => string,
  isOwnValue: (binding: BindingLimit) => boolean,
): { headline: string; detail: string | null } {
  if (result.maxValue === null || result.binding === null)
    return { headline: "No limit bounds this purchase.", detail: null };
  const binding = describe(result.binding);
  if (result.maxValue > 0)
    return { headline: `Up to ${formatMoney(result.maxValue)} fits; binding: ${binding}.`, detail: null };
  const why =
    result.binding.thresholdType === "maximum"
      ? "the asset's value already stands at or past that maximum, so any purchase makes it worse"
      : isOwnValue(result.binding)
        ? "the asset brings a new value that must reach that minimum, and a purchase that large breaks another limit"
        : "that value is already below its minimum, and any purchase lowers its share further";
  return { headline: `Nothing fits ($0); binding: ${binding}.`, detail: `Why: ${why}.` };
}
