// The sell-or-revalue form: a stored position, what to do with it and an amount, checked as the
// server checks a sale or a revaluation (lib/engine/scenario.ts). Pure: unit-tested and run in
// the browser.

import { formatMoneyExact } from "@/lib/display/format";
import { MAX_POSITION_VALUE } from "@/lib/engine/normalize";
import { describeValue, parseMoney } from "@/lib/engine/values";

export type TradeMode = "sell-all" | "sell-part" | "revalue";

export const TRADE_MODES: ReadonlyArray<{ mode: TradeMode; label: string }> = [
  { mode: "sell-all", label: "Sell all of it" },
  { mode: "sell-part", label: "Sell part of it" },
  { mode: "revalue", label: "Revalue it" },
];

export const AMOUNT_LABELS: Record<Exclude<TradeMode, "sell-all">, string> = {
  "sell-part": "Amount sold ($)",
  revalue: "New value ($)",
};

export interface TradeErrors {
  position?: string;
  amount?: string;
}

/** A money amount above 0 and below the largest position value, or why not. */
export function amountProblem(text: string): string | null {
  if (text.trim() === "") return "is required";
  const amount = parseMoney(text);
  if (amount === null || !(amount > 0)) return `must be a number greater than 0 (got ${describeValue(text)})`;
  if (amount >= MAX_POSITION_VALUE) return `must be below 10,000,000,000,000 (got ${describeValue(text)})`;
  return null;
}

export function validateTrade(
  mode: TradeMode,
  amount: string,
  position: { positionId: string | null; positionValue: number } | null,
): TradeErrors {
  const errors: TradeErrors = {};
  if (!position) errors.position = "pick a stored position first";
  else if (position.positionId === null)
    errors.position = "this position has no position_id, so a trade cannot name it";
  if (mode === "sell-all") return errors;
  const problem = amountProblem(amount);
  if (problem) errors.amount = problem;
  else if (mode === "sell-part" && position && (parseMoney(amount) ?? 0) > position.positionValue + 0.005)
    errors.amount = `is more than the position's value (${formatMoneyExact(position.positionValue)}); choose “Sell all of it” to sell it all`;
  return errors;
}

export type SellOrRevalue =
  | { action: "sell"; positionId: string; value?: number }
  | { action: "revalue"; positionId: string; positionValue: number };

/** The trade in the REST API's shape (the form has checked the amount). */
export function toTrade(mode: TradeMode, amount: string, positionId: string): SellOrRevalue {
  const value = parseMoney(amount) ?? 0;
  if (mode === "sell-all") return { action: "sell", positionId };
  if (mode === "sell-part") return { action: "sell", positionId, value };
  return { action: "revalue", positionId, positionValue: value };
}
