// Limits as fund documents write them (issue 10): besides a value's share, an amount, a count of
// values, the share of the largest few, the HHI, and a target with a drift band. Each kind is
// checked on one dimension's buckets on a basis (value: dollars; units; positions), with the same
// boundary rule as shares (on the line is within) and, for percentages and the HHI, the same
// tolerance. Pure; not yet wired to storage, the API or alerts.

import { computeConcentration } from "./concentration";
import { LIMIT_EPSILON_PP } from "./limits";
import type { Dimension, ExposureBucket, Severity, ThresholdType } from "./types";
import { UNKNOWN } from "./types";

export const LIMIT_KINDS = ["share", "amount", "count", "top_n", "hhi", "target"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

export const BASES = ["value", "units", "positions"] as const;
export type Basis = (typeof BASES)[number];

/** The unit a breach's distance is measured in. */
export type BreachUnit = "pp" | "usd" | "units" | "count" | "hhi";

/** A limit of any kind. Only the fields its kind uses are set; the rest are null. */
export interface LimitRule {
  id: string;
  dimensionType: Dimension;
  /** share, amount and target: one value, or null for every known value; dimension-wide kinds: null. */
  dimensionValue: string | null;
  kind: LimitKind;
  basis: Basis;
  /** share, amount, count: either; top_n and hhi: maximum; target: either side of its band. */
  thresholdType: ThresholdType;
  /** share and top_n. */
  thresholdPct: number | null;
  /** amount, in the basis's unit (dollars, units, positions). */
  thresholdAmount: number | null;
  /** count: distinct known values. */
  thresholdCount: number | null;
  /** top_n: how many of the largest values. */
  topN: number | null;
  /** hhi: 0–10,000. */
  thresholdHhi: number | null;
  /** target: the share aimed at, and the drift allowed either side (null: the default band). */
  targetPct: number | null;
  bandPp: number | null;
  severityLevel: Severity;
  isActive: boolean;
}

/** The value a dimension-wide limit's breach (count, top_n, hhi) is filed under. */
export const DIMENSION_WIDE = "*";

export interface RuleBreach {
  limitId: string;
  kind: LimitKind;
  basis: Basis;
  dimensionType: Dimension;
  /** The value breached, or DIMENSION_WIDE. */
  dimensionValue: string;
  /** What was measured, in the limit's unit: a share (%), an amount, a count, an HHI. */
  observed: number;
  /** The line crossed: the threshold, or for a target the target itself. */
  threshold: number;
  /** maximum: observed is above the line; minimum: below it (a target: below or above its band). */
  thresholdType: ThresholdType;
  severity: Severity;
  /** Distance past the limit (a target: past its band's edge), always positive, in breachUnit. */
  breachPct: number;
  breachUnit: BreachUnit;
  /** The alert's message, in the style of the share limits' one. */
  message: string;
}

/** A target's default drift band: the larger of 20 % of the target and 1 pp. */
export function defaultBandPp(targetPct: number): number {
  return Math.max(0.2 * targetPct, 1);
}

const pct = (n: number) => `${n.toFixed(1)}%`;
const whole = (n: number) => Math.round(n).toLocaleString("en-US");

/** $312.5M, $1.2B, $950.0K, $500: one decimal above a thousand, as fund documents round. */
export function compactMoney(dollars: number): string {
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? "-" : "";
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}K`;
  return `${sign}$${whole(abs)}`;
}

/** An amount on a basis: dollars compact, units and positions as whole numbers with their noun. */
function amountText(basis: Basis, amount: number): string {
  if (basis === "value") return compactMoney(amount);
  return `${whole(amount)} ${basis === "units" ? "units" : "positions"}`;
}

const UNIT_OF_AMOUNT: Record<Basis, BreachUnit> = { value: "usd", units: "units", positions: "count" };

/** Percentages and the HHI come out of divisions: closer than this to the line is on it. */
const HHI_EPSILON = 1e-9;

/** Whether `observed` is past `line` on the limit's side, with a tolerance for quantities from divisions. */
function past(observed: number, line: number, type: ThresholdType, epsilon: number): boolean {
  return type === "maximum" ? observed - line > epsilon : line - observed > epsilon;
}

/** Amounts compare exactly: dollars in whole cents, units and positions as counted. */
function pastAmount(basis: Basis, observed: number, line: number, type: ThresholdType): boolean {
  const [o, l] = basis === "value" ? [Math.round(observed * 100), Math.round(line * 100)] : [observed, line];
  return type === "maximum" ? o > l : o < l;
}

const relation = (type: ThresholdType) => (type === "maximum" ? "exceeds maximum" : "below minimum");

/** The values a per-value rule covers, with their buckets; a named value with none stands at 0. */
function covered(
  rule: LimitRule,
  buckets: readonly ExposureBucket[],
): Array<{ value: string; amount: number; pct: number }> {
  // As limitAppliesTo: no value covers every known value; `unknown` only when named.
  const applies = (value: string) => (rule.dimensionValue === null ? value !== UNKNOWN : rule.dimensionValue === value);
  const rows = buckets
    .filter((b) => applies(b.dimensionValue))
    .map((b) => ({ value: b.dimensionValue, amount: b.exposureValue, pct: b.exposurePct }));
  if (rule.dimensionValue !== null && rows.length === 0) return [{ value: rule.dimensionValue, amount: 0, pct: 0 }];
  return rows;
}

/**
 * The breaches of one rule over its dimension's buckets on the rule's basis (ExposureBucket's
 * exposureValue in the basis's unit, exposurePct its share of the dimension's total), in bucket
 * order. An inactive rule, or one of another dimension, has none.
 */
export function evaluateRule(rule: LimitRule, buckets: readonly ExposureBucket[]): RuleBreach[] {
  if (!rule.isActive) return [];
  const mine = buckets.filter((b) => b.dimensionType === rule.dimensionType);
  const base = {
    limitId: rule.id,
    kind: rule.kind,
    basis: rule.basis,
    dimensionType: rule.dimensionType,
    severity: rule.severityLevel,
  };
  const d = rule.dimensionType;
  switch (rule.kind) {
    case "share": {
      const line = rule.thresholdPct ?? 0;
      return covered(rule, mine)
        .filter((c) => past(c.pct, line, rule.thresholdType, LIMIT_EPSILON_PP))
        .map((c) => ({
          ...base,
          dimensionValue: c.value,
          observed: c.pct,
          threshold: line,
          thresholdType: rule.thresholdType,
          breachPct: Math.abs(c.pct - line),
          breachUnit: "pp",
          message: `Exposure threshold breached: ${d}='${c.value}' at ${pct(c.pct)} ${relation(rule.thresholdType)} of ${pct(line)}`,
        }));
    }
    case "amount": {
      const line = rule.thresholdAmount ?? 0;
      return covered(rule, mine)
        .filter((c) => pastAmount(rule.basis, c.amount, line, rule.thresholdType))
        .map((c) => ({
          ...base,
          dimensionValue: c.value,
          observed: c.amount,
          threshold: line,
          thresholdType: rule.thresholdType,
          breachPct: Math.abs(c.amount - line),
          breachUnit: UNIT_OF_AMOUNT[rule.basis],
          message: `Exposure threshold breached: ${d}='${c.value}' at ${amountText(rule.basis, c.amount)} ${relation(rule.thresholdType)} of ${amountText(rule.basis, line)}`,
        }));
    }
    case "count": {
      const line = rule.thresholdCount ?? 0;
      const count = mine.filter((b) => b.dimensionValue !== UNKNOWN && b.exposureValue > 0).length;
      if (!(rule.thresholdType === "maximum" ? count > line : count < line)) return [];
      return [
        {
          ...base,
          dimensionValue: DIMENSION_WIDE,
          observed: count,
          threshold: line,
          thresholdType: rule.thresholdType,
          breachPct: Math.abs(count - line),
          breachUnit: "count",
          message: `Diversification threshold breached: ${d} count ${whole(count)} ${relation(rule.thresholdType)} of ${whole(line)}`,
        },
      ];
    }
    case "top_n": {
      const line = rule.thresholdPct ?? 0;
      const n = rule.topN ?? 1;
      // The n largest known values (ties share a value, so which of them is taken does not matter).
      const share = mine
        .filter((b) => b.dimensionValue !== UNKNOWN)
        .map((b) => b.exposurePct)
        .sort((a, b) => b - a)
        .slice(0, n)
        .reduce((sum, p) => sum + p, 0);
      if (!past(share, line, "maximum", LIMIT_EPSILON_PP)) return [];
      return [
        {
          ...base,
          dimensionValue: DIMENSION_WIDE,
          observed: share,
          threshold: line,
          thresholdType: "maximum",
          breachPct: share - line,
          breachUnit: "pp",
          message: `Concentration threshold breached: ${d} top ${n} at ${pct(share)} exceeds maximum of ${pct(line)}`,
        },
      ];
    }
    case "hhi": {
      const line = rule.thresholdHhi ?? 0;
      const total = mine.reduce((sum, b) => sum + b.exposureValue, 0);
      const { hhi } = computeConcentration(mine, total);
      if (!past(hhi, line, "maximum", HHI_EPSILON)) return [];
      return [
        {
          ...base,
          dimensionValue: DIMENSION_WIDE,
          observed: hhi,
          threshold: line,
          thresholdType: "maximum",
          breachPct: hhi - line,
          breachUnit: "hhi",
          message: `Concentration threshold breached: ${d} HHI ${whole(hhi)} exceeds maximum of ${whole(line)}`,
        },
      ];
    }
    case "target": {
      const target = rule.targetPct ?? 0;
      const band = rule.bandPp ?? defaultBandPp(target);
      return covered(rule, mine)
        .filter((c) => Math.abs(c.pct - target) - band > LIMIT_EPSILON_PP)
        .map((c) => {
          const above = c.pct > target;
          const drift = Math.abs(c.pct - target);
          return {
            ...base,
            dimensionValue: c.value,
            observed: c.pct,
            threshold: target,
            thresholdType: above ? ("maximum" as const) : ("minimum" as const),
            breachPct: drift - band,
            breachUnit: "pp" as const,
            message: `Target drift: ${d}='${c.value}' at ${pct(c.pct)} is ${drift.toFixed(1)} pp ${above ? "above" : "below"} target ${pct(target)} (band ±${band.toFixed(1)} pp)`,
          };
        });
    }
  }
}

/** The breaches of every active rule, in rule order. */
export function evaluateRules(rules: readonly LimitRule[], buckets: readonly ExposureBucket[]): RuleBreach[] {
  return rules.flatMap((rule) => evaluateRule(rule, buckets));
}
