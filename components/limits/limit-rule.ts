// How a limit of any kind reads in a table row, and a figure in a limit's own unit (an alert's
// exposure and breach): shares as percentages, amounts in dollars, units or positions, counts and
// HHIs as whole numbers. Pure: shared by the limits table, the alert rows and their tests.

import { formatCount, formatMoney, formatMoneyExact, formatPct } from "@/lib/display/format";
import { compactMoney, defaultBandPp } from "@/lib/engine/limit-kinds";
import type { Basis, BreachUnit, Limit, LimitKind } from "@/lib/engine/types";

export const KIND_LABELS: Record<LimitKind, string> = {
  share: "Share",
  amount: "Amount",
  count: "Count of values",
  top_n: "Largest holdings",
  hhi: "Concentration (HHI)",
  target: "Target with band",
};

/** The basis as a switch reads it (Exposures and Trends pages). */
export const BASIS_WORDS: Record<Basis, string> = { value: "Value", units: "Units", positions: "Positions" };

export const BASIS_LABELS: Record<Basis, string> = {
  value: "value ($)",
  units: "units",
  positions: "positions",
};

type RuleFields = Pick<
  Limit,
  | "kind"
  | "basis"
  | "thresholdType"
  | "thresholdPct"
  | "thresholdAmount"
  | "thresholdCount"
  | "topN"
  | "thresholdHhi"
  | "targetPct"
  | "bandPp"
>;

const side = (type: Limit["thresholdType"]) => (type === "minimum" ? "at least" : "at most");
const basisNote = (basis: Basis) => (basis === "value" ? "" : ` of ${basis}`);

/** An amount on a basis: $250.0M, 1,000 units, 12 positions. */
export function formatAmount(basis: Basis, amount: number | null): string {
  if (amount === null) return "—";
  if (basis === "value") return compactMoney(amount);
  return `${formatUnits(amount)} ${basis}`;
}

/** Units as owned: whole, or to the hundredth for a joint venture's share (1,000.5). */
function formatUnits(units: number): string {
  return units.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** An amount on a basis, exact (tooltips): $1,250,000.00, 1,240 units, 12 positions. */
export function formatAmountExact(basis: Basis, amount: number): string {
  if (basis === "value") return formatMoneyExact(amount);
  return `${amount.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${basis}`;
}

/** "at most 30.0 %", "at most $250.0M", "at least 10 values", "top 3 at most 50.0 %", "60.0 % ± 10.0 pp". */
export function describeRule(limit: RuleFields): string {
  switch (limit.kind) {
    case "share":
      return `${side(limit.thresholdType)} ${formatPct(limit.thresholdPct)}${basisNote(limit.basis)}`;
    case "amount":
      return `${side(limit.thresholdType)} ${formatAmount(limit.basis, limit.thresholdAmount)}`;
    case "count":
      return `${side(limit.thresholdType)} ${formatCount(limit.thresholdCount)} values`;
    case "top_n":
      return `top ${limit.topN ?? "—"} together ${side("maximum")} ${formatPct(limit.thresholdPct)}${basisNote(limit.basis)}`;
    case "hhi":
      return `HHI ${side("maximum")} ${formatCount(limit.thresholdHhi)}${basisNote(limit.basis)}`;
    case "target": {
      const target = limit.targetPct ?? 0;
      const band = limit.bandPp ?? defaultBandPp(target);
      const note = limit.bandPp === null ? " (default band)" : "";
      return `${formatPct(target)} ± ${band.toFixed(1)} pp${note}${basisNote(limit.basis)}`;
    }
  }
}

/** A figure in a limit's unit: an alert's exposure or line. */
export function formatMeasure(value: number, unit: BreachUnit): string {
  switch (unit) {
    case "pp":
      return formatPct(value);
    case "usd":
      return formatMoney(value);
    case "units":
      return `${formatUnits(value)} units`;
    case "count":
    case "hhi":
      return formatCount(value);
    case "days":
      return `${formatCount(value)} day${value === 1 ? "" : "s"}`;
  }
}

/** A change or headroom in a unit other than pp, signed: +$12.5M, −2, ±0. */
export function formatSignedMeasure(value: number, unit: BreachUnit): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${formatMeasure(Math.abs(value), unit)}`;
}

/** A breach's distance past its limit: 5.6 pp, $62.5M, 3 units, 2, 1,328. */
export function formatDistance(value: number, unit: BreachUnit): string {
  return unit === "pp" ? `${value.toFixed(1)} pp` : formatMeasure(value, unit);
}
