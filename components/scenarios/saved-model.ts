// What the saved-scenario controls show and send: the lines a commit's confirmation lists, whether
// the builder holds changes not yet saved, and the export files. Pure: unit-tested, run in the browser.

import { formatMoneyExact, formatPct } from "@/lib/display/format";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import { tradesToCsv } from "@/lib/import/trades-csv";
import type { ScenarioState } from "./scenario-state";
import { viewShock, viewTrade } from "./scenario-state";

const money = (value: unknown) => (typeof value === "number" ? formatMoneyExact(value) : String(value ?? ""));

/** One line per trade, as the book will change when it is committed. */
export function commitLines(trades: readonly unknown[]): string[] {
  return trades.map((entry) => {
    const trade = viewTrade(entry);
    switch (trade.action) {
      case "buy": {
        const p = trade.position;
        const where = [p.strategy, p.state, p.msa_id].filter((v) => v !== undefined && v !== "").join(", ");
        return `Buy ${trade.positionId ?? "a position without a position_id"}${where ? ` (${where})` : ""} for ${money(p.position_value)}`;
      }
      case "sell":
        return trade.value === undefined || trade.value === null || trade.value === ""
          ? `Sell all of ${trade.positionId}`
          : `Sell ${money(trade.value)} of ${trade.positionId}`;
      case "revalue":
        return `Revalue ${trade.positionId} to ${money(trade.positionValue)}`;
      default:
        return trade.text;
    }
  });
}

/** What a commit leaves out, said before the user confirms: shocks are not trades. */
export function shockNote(shocks: readonly unknown[]): string | null {
  if (shocks.length === 0) return null;
  const listed = shocks.map((s) => {
    const { dimensionType, dimensionValue, valueChangePct } = viewShock(s);
    const pct =
      typeof valueChangePct === "number"
        ? `${valueChangePct > 0 ? "+" : ""}${valueChangePct} %`
        : String(valueChangePct);
    return `${String(dimensionType)}${dimensionValue ? ` ${String(dimensionValue)}` : ""} ${pct}`;
  });
  return `${shocks.length === 1 ? "The shock" : `The ${shocks.length} shocks`} (${listed.join("; ")}) ${shocks.length === 1 ? "is a market move, not a trade: it is" : "are market moves, not trades: they are"} not applied.`;
}

/** The breaches a commit creates or worsens, in words, for the confirmation. */
export function breachLines(evaluation: ScenarioEvaluation | null): string[] {
  if (!evaluation) return [];
  return evaluation.breaches
    .filter((b) => b.change === "new" || b.change === "worse")
    .map(
      (b) =>
        `${b.change === "new" ? "New" : "Worse"} ${b.severity} breach: ${b.dimensionType} ${b.dimensionValue} ${formatPct(b.beforePct)} → ${formatPct(b.afterPct)} (${b.thresholdType} ${formatPct(b.thresholdPct)})`,
    );
}

/** Whether the builder's state differs from what was saved (a commit applies what was saved). */
export function hasUnsavedChanges(saved: ScenarioState, current: ScenarioState): boolean {
  return JSON.stringify(saved) !== JSON.stringify(current);
}

/** A file name from a scenario's name: "IC deal 12/5" → "ic-deal-12-5". */
export function fileStem(name: string | null): string {
  const stem = (name ?? "scenario")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return stem || "scenario";
}

export interface ExportFile {
  name: string;
  type: string;
  body: string;
}

/** The trades as the CSV `npm run cli -- whatif` reads. */
export function tradesFile(name: string | null, trades: readonly unknown[]): ExportFile {
  return { name: `${fileStem(name)}-trades.csv`, type: "text/csv", body: tradesToCsv(trades) };
}

/** The evaluation as the REST API answers it, with the trades and shocks it evaluated. */
export function evaluationFile(name: string | null, state: ScenarioState, evaluation: ScenarioEvaluation): ExportFile {
  return {
    name: `${fileStem(name)}-evaluation.json`,
    type: "application/json",
    body: `${JSON.stringify({ name, trades: state.trades, shocks: state.shocks, evaluation }, null, 2)}\n`,
  };
}
