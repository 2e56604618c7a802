// Limits as fund documents write them (issue 10): besides a value's share, an amount, a count of
// values, the share of the largest few, the HHI, and a target with a drift band. Each kind is
// checked on one dimension's buckets on a basis (value: dollars; units; positions), with the same
// boundary rule as shares (on the line is within) and, for percentages and the HHI, the same
// tolerance.

import { computeConcentration } from "./concentration";
import { compareBuckets } from "./exposures";
import { LIMIT_EPSILON_PP } from "./limits";
import {
  type Basis,
  type Breach,
  type BreachUnit,
  DIMENSION_WIDE,
  type ExposureBucket,
  type Limit,
  type LimitKind,
  type ThresholdType,
  UNKNOWN,
} from "./types";

export { BASES, type Basis, type BreachUnit, DIMENSION_WIDE, LIMIT_KINDS, type LimitKind } from "./types";

/** A limit of any kind (the engine's Limit). */
export type LimitRule = Limit;
/** A breach of any kind (the engine's Breach). */
export type RuleBreach = Breach;

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

/** Units to the hundredth (a joint venture owns 12.5 of an asset's 25 doors), whole ones without decimals. */
const unitsText = (n: number) => (Math.round(n * 100) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 });

/** An amount on a basis: dollars compact, units and positions as numbers with their noun. */
function amountText(basis: Basis, amount: number): string {
  if (basis === "value") return compactMoney(amount);
  if (basis === "units") return `${unitsText(amount)} units`;
  return `${whole(amount)} positions`;
}

const UNIT_OF_AMOUNT: Record<Basis, BreachUnit> = { value: "usd", units: "units", positions: "count" };

/** The unit a rule measures in (and its breach distance): pp for shares, top-N and targets. */
export function unitOfRule(rule: Pick<Limit, "kind" | "basis">): BreachUnit {
  switch (rule.kind) {
    case "amount":
      return UNIT_OF_AMOUNT[rule.basis];
    case "count":
      return "count";
    case "hhi":
      return "hhi";
    default:
      return "pp";
  }
}

/** A rule's line in its unit: the threshold of its kind, or a target's target. */
export function lineOf(rule: Limit): number {
  switch (rule.kind) {
    case "share":
    case "top_n":
      return rule.thresholdPct ?? 0;
    case "amount":
      return rule.thresholdAmount ?? 0;
    case "count":
      return rule.thresholdCount ?? 0;
    case "hhi":
      return rule.thresholdHhi ?? 0;
    case "target":
      return rule.targetPct ?? 0;
  }
}

/** Percentages and the HHI come out of divisions: closer than this to the line is on it. */
const HHI_EPSILON = 1e-9;

/** Whether `observed` is past `line` on the limit's side, with a tolerance for quantities from divisions. */
function past(observed: number, line: number, type: ThresholdType, epsilon: number): boolean {
  return type === "maximum" ? observed - line > epsilon : line - observed > epsilon;
}

/** An amount as an integer in its basis's smallest step: cents, hundredths of a unit, positions. */
const steps = (basis: Basis, amount: number) => (basis === "positions" ? amount : Math.round(amount * 100));

/** Amounts compare exactly, in whole steps (see steps). */
function pastAmount(basis: Basis, observed: number, line: number, type: ThresholdType): boolean {
  const [o, l] = [steps(basis, observed), steps(basis, line)];
  return type === "maximum" ? o > l : o < l;
}

/** The distance between two amounts, exact to the step (no float noise: 1,000.3 − 1,000 is 0.3). */
function amountDistance(basis: Basis, observed: number, line: number): number {
  const distance = Math.abs(steps(basis, observed) - steps(basis, line));
  return basis === "positions" ? distance : distance / 100;
}

const relation = (type: ThresholdType) => (type === "maximum" ? "exceeds maximum" : "below minimum");

/** The values a per-value rule covers, with their buckets; a named value with none stands at 0. */
function covered(rule: Limit, buckets: readonly ExposureBucket[]): ExposureBucket[] {
  // As limitAppliesTo: no value covers every known value; `unknown` only when named.
  const applies = (value: string) => (rule.dimensionValue === null ? value !== UNKNOWN : rule.dimensionValue === value);
  const rows = buckets.filter((b) => applies(b.dimensionValue));
  if (rule.dimensionValue !== null && rows.length === 0) {
    const none = { dimensionType: rule.dimensionType, dimensionValue: rule.dimensionValue };
    return [{ ...none, exposureValue: 0, exposurePct: 0, positionCount: 0, exposureUnits: 0, unitsCount: 0 }];
  }
  return rows;
}

/** The summed share of the n largest known values (ties share a value, so which is taken does not matter). */
function topShare(buckets: readonly ExposureBucket[], n: number): number {
  return buckets
    .filter((b) => b.dimensionValue !== UNKNOWN)
    .map((b) => b.exposurePct)
    .sort((a, b) => b - a)
    .slice(0, n)
    .reduce((sum, p) => sum + p, 0);
}

export interface Measurement {
  /** A covered value, or DIMENSION_WIDE. */
  dimensionValue: string;
  /** In the rule's unit: a share (%), an amount, a count, an HHI. */
  observed: number;
}

/**
 * What a rule measures on its dimension's buckets (on the rule's basis): each covered value's
 * share (share, target) or amount (amount), or one figure for the dimension (count, top_n, hhi).
 */
export function measureRule(rule: Limit, buckets: readonly ExposureBucket[]): Measurement[] {
  const mine = buckets.filter((b) => b.dimensionType === rule.dimensionType);
  switch (rule.kind) {
    case "share":
    case "target":
      return covered(rule, mine).map((b) => ({ dimensionValue: b.dimensionValue, observed: b.exposurePct }));
    case "amount":
      return covered(rule, mine).map((b) => ({ dimensionValue: b.dimensionValue, observed: b.exposureValue }));
    case "count": {
      const count = mine.filter((b) => b.dimensionValue !== UNKNOWN && b.exposureValue > 0).length;
      return [{ dimensionValue: DIMENSION_WIDE, observed: count }];
    }
    case "top_n":
      return [{ dimensionValue: DIMENSION_WIDE, observed: topShare(mine, rule.topN ?? 1) }];
    case "hhi": {
      const total = mine.reduce((sum, b) => sum + b.exposureValue, 0);
      return [{ dimensionValue: DIMENSION_WIDE, observed: computeConcentration(mine, total).hhi }];
    }
  }
}

/** The breach of one measurement, or null when it is within the rule. */
function breachOf(rule: Limit, { dimensionValue: value, observed }: Measurement): Breach | null {
  const d = rule.dimensionType;
  const type = rule.thresholdType ?? "maximum";
  const line = lineOf(rule);
  const base = {
    limitId: rule.id,
    kind: rule.kind,
    basis: rule.basis,
    dimensionType: d,
    dimensionValue: value,
    exposurePct: observed,
    severity: rule.severityLevel,
  };
  switch (rule.kind) {
    case "share": {
      if (!past(observed, line, type, LIMIT_EPSILON_PP)) return null;
      const message = `Exposure threshold breached: ${d}='${value}' at ${pct(observed)} ${relation(type)} of ${pct(line)}`;
      return {
        ...base,
        thresholdPct: line,
        thresholdType: type,
        breachPct: Math.abs(observed - line),
        breachUnit: "pp",
        message,
      };
    }
    case "amount": {
      if (!pastAmount(rule.basis, observed, line, type)) return null;
      const amounts = `${amountText(rule.basis, observed)} ${relation(type)} of ${amountText(rule.basis, line)}`;
      return {
        ...base,
        thresholdPct: line,
        thresholdType: type,
        breachPct: amountDistance(rule.basis, observed, line),
        breachUnit: unitOfRule(rule),
        message: `Exposure threshold breached: ${d}='${value}' at ${amounts}`,
      };
    }
    case "count": {
      if (!(type === "maximum" ? observed > line : observed < line)) return null;
      return {
        ...base,
        thresholdPct: line,
        thresholdType: type,
        breachPct: Math.abs(observed - line),
        breachUnit: "count",
        message: `Diversification threshold breached: ${d} count ${whole(observed)} ${relation(type)} of ${whole(line)}`,
      };
    }
    case "top_n": {
      if (!past(observed, line, "maximum", LIMIT_EPSILON_PP)) return null;
      return {
        ...base,
        thresholdPct: line,
        thresholdType: "maximum",
        breachPct: observed - line,
        breachUnit: "pp",
        message: `Concentration threshold breached: ${d} top ${rule.topN ?? 1} at ${pct(observed)} exceeds maximum of ${pct(line)}`,
      };
    }
    case "hhi": {
      if (!past(observed, line, "maximum", HHI_EPSILON)) return null;
      return {
        ...base,
        thresholdPct: line,
        thresholdType: "maximum",
        breachPct: observed - line,
        breachUnit: "hhi",
        message: `Concentration threshold breached: ${d} HHI ${whole(observed)} exceeds maximum of ${whole(line)}`,
      };
    }
    case "target": {
      const target = line;
      const band = rule.bandPp ?? defaultBandPp(target);
      const drift = Math.abs(observed - target);
      if (!(drift - band > LIMIT_EPSILON_PP)) return null;
      const above = observed > target;
      return {
        ...base,
        thresholdPct: target,
        thresholdType: above ? "maximum" : "minimum",
        breachPct: drift - band,
        breachUnit: "pp",
        message: `Target drift: ${d}='${value}' at ${pct(observed)} is ${drift.toFixed(1)} pp ${above ? "above" : "below"} target ${pct(target)} (band ±${band.toFixed(1)} pp)`,
      };
    }
  }
}

/**
 * The breaches of one rule over its dimension's buckets on the rule's basis (ExposureBucket's
 * exposureValue in the basis's unit, exposurePct its share of the dimension's total), in bucket
 * order. An inactive rule, or one of another dimension, has none.
 */
export function evaluateRule(rule: Limit, buckets: readonly ExposureBucket[]): Breach[] {
  if (!rule.isActive) return [];
  return measureRule(rule, buckets).flatMap((m) => breachOf(rule, m) ?? []);
}

/** The breaches of every active rule on buckets already on its basis, in rule order. */
export function evaluateRules(rules: readonly Limit[], buckets: readonly ExposureBucket[]): Breach[] {
  return rules.flatMap((rule) => evaluateRule(rule, buckets));
}

/**
 * A run's buckets (value basis) on another basis: on `positions` each bucket's amount is its
 * position count and its share that count's share of the dimension's positions; on `units`, see
 * unitsBuckets.
 */
export function basisBuckets(exposures: readonly ExposureBucket[], basis: Basis): readonly ExposureBucket[] {
  switch (basis) {
    case "value":
      return exposures;
    case "positions": {
      const totals = new Map<string, number>();
      for (const b of exposures) totals.set(b.dimensionType, (totals.get(b.dimensionType) ?? 0) + b.positionCount);
      return exposures.map((b) => {
        const total = totals.get(b.dimensionType) ?? 0;
        return { ...b, exposureValue: b.positionCount, exposurePct: total > 0 ? (b.positionCount / total) * 100 : 0 };
      });
    }
    case "units":
      return unitsBuckets(exposures);
  }
}

/**
 * The buckets on the units basis: each bucket's amount is its owned units, its share their share
 * of the dimension's units, its positionCount the positions with units. A position without units
 * is missing data on this basis, as a missing attribute is, so it falls in the `unknown` bucket
 * (adding no units): a value none of whose positions has units is no bucket, and `unknown` is
 * there only when it holds a position. Units add in hundredths, as exactly as cents; largest
 * first, ties by name, `unknown` last.
 */
function unitsBuckets(exposures: readonly ExposureBucket[]): ExposureBucket[] {
  const hundredths = (b: ExposureBucket) => Math.round(b.exposureUnits * 100);
  const byDimension = new Map<string, ExposureBucket[]>();
  for (const b of exposures) {
    const mine = byDimension.get(b.dimensionType);
    if (mine) mine.push(b);
    else byDimension.set(b.dimensionType, [b]);
  }
  return [...byDimension.values()].flatMap((mine) => {
    const total = mine.reduce((sum, b) => sum + hundredths(b), 0);
    const share = (units: number) => (total > 0 ? (units / total) * 100 : 0);
    const known = mine.filter((b) => b.dimensionValue !== UNKNOWN && b.unitsCount > 0);
    const unknown = mine.find((b) => b.dimensionValue === UNKNOWN);
    const unknownUnits = unknown === undefined ? 0 : hundredths(unknown);
    const positions = mine.reduce((sum, b) => sum + b.positionCount, 0);
    const withoutUnits = positions - known.reduce((sum, b) => sum + b.unitsCount, 0);
    const rows = known.map((b) => ({
      ...b,
      exposureValue: b.exposureUnits,
      exposurePct: share(hundredths(b)),
      positionCount: b.unitsCount,
    }));
    const first = mine[0];
    if (first !== undefined && withoutUnits > 0)
      rows.push({
        dimensionType: first.dimensionType,
        dimensionValue: UNKNOWN,
        exposureValue: unknownUnits / 100,
        exposurePct: share(unknownUnits),
        positionCount: withoutUnits,
        exposureUnits: unknownUnits / 100,
        unitsCount: unknown?.unitsCount ?? 0,
      });
    return rows.sort(compareBuckets);
  });
}

/**
 * Breaches of the active limits of every kind, each on its basis: in limit order and, within one
 * limit, bucket order (largest first). A named value with no positions stands at 0.
 */
export function evaluateLimits(exposures: readonly ExposureBucket[], limits: readonly Limit[]): Breach[] {
  const onBasis = new Map<Basis, readonly ExposureBucket[]>();
  return limits.flatMap((limit) => {
    if (!limit.isActive) return [];
    let buckets = onBasis.get(limit.basis);
    if (buckets === undefined) {
      buckets = basisBuckets(exposures, limit.basis);
      onBasis.set(limit.basis, buckets);
    }
    return evaluateRule(limit, buckets);
  });
}

/** The fields a limit of each kind takes, besides dimensionType, basis, severity and isActive. */
export const FIELDS_OF_KIND = {
  share: ["dimensionValue", "thresholdType", "thresholdPct"],
  amount: ["dimensionValue", "thresholdType", "thresholdAmount"],
  count: ["thresholdType", "thresholdCount"],
  top_n: ["thresholdType", "topN", "thresholdPct"],
  hhi: ["thresholdType", "thresholdHhi"],
  target: ["dimensionValue", "targetPct", "bandPp"],
} as const satisfies Record<LimitKind, readonly (keyof Limit)[]>;

/** The fields a limit of each kind cannot do without. */
export const REQUIRED_OF_KIND = {
  share: ["thresholdPct"],
  amount: ["thresholdAmount"],
  count: ["thresholdCount"],
  top_n: ["topN", "thresholdPct"],
  hhi: ["thresholdHhi"],
  target: ["targetPct"],
} as const satisfies Record<LimitKind, readonly (keyof Limit)[]>;

/** Every field any kind takes: what is checked for belonging. */
export const KIND_FIELDS = [
  "dimensionValue",
  "thresholdType",
  "thresholdPct",
  "thresholdAmount",
  "thresholdCount",
  "topN",
  "thresholdHhi",
  "targetPct",
  "bandPp",
] as const satisfies readonly (keyof Limit)[];
export type KindField = (typeof KIND_FIELDS)[number];

/**
 * What is wrong with a limit's fields for its kind: a field the kind needs that is missing, a field
 * of another kind that is set, a minimum on a kind that is only ever an upper bound. A field set to
 * null (or, for dimensionValue, blank) counts as not set.
 */
export function limitFieldIssues(
  kind: LimitKind,
  fields: Partial<Record<KindField, unknown>>,
): Array<{ field: KindField; message: string }> {
  const issues: Array<{ field: KindField; message: string }> = [];
  const isSet = (field: KindField) => {
    const value = fields[field];
    return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
  };
  const own: readonly KindField[] = FIELDS_OF_KIND[kind];
  const named = `${kind === "amount" || kind === "hhi" ? "an" : "a"} ${kind} limit`;
  for (const field of REQUIRED_OF_KIND[kind]) {
    if (!isSet(field)) issues.push({ field, message: `is required for ${named}` });
  }
  for (const field of KIND_FIELDS) {
    if (!own.includes(field) && isSet(field))
      issues.push({ field, message: `does not belong to ${named} (its fields: ${own.join(", ")})` });
  }
  if ((kind === "top_n" || kind === "hhi") && fields.thresholdType === "minimum")
    issues.push({ field: "thresholdType", message: `must be maximum: ${named} is an upper bound` });
  return issues;
}
