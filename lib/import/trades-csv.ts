import Papa from "papaparse";
import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";

// A what-if's trades as a CSV file, for the shell and for export: one trade per row,
// `action` (buy, sell or revalue) and `position_id`, then what the action takes: a purchase the
// import's columns (position_value its price), a sale an optional `value` (blank: all of it), a
// revaluation `position_value`. Rows become the raw trades the engine checks (parseTrades), so a
// bad one is named as the API names it: trades[0] is the first data row (row 2 of the file).

export const TRADE_CSV_COLUMNS = ["action", "position_id", "value", ...POSITION_COLUMNS.slice(1)] as const;

/** The raw trades of a trades CSV (not yet checked: see parseTrades). */
export function tradesFromCsv(text: string): unknown[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const quote = parsed.errors.find((e) => e.type === "Quotes");
  if (quote) throw new AppError("invalid_data", `malformed CSV at row ${(quote.row ?? 0) + 1}: ${quote.message}`);
  const [header, ...rows] = parsed.data;
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  if (!names.includes("action"))
    throw new AppError(
      "invalid_data",
      `a trades file needs an action column; found ${names.length ? names.join(", ") : "no header"} (columns: ${TRADE_CSV_COLUMNS.join(", ")})`,
    );
  return rows.map((cells) => {
    const row = new Map<string, string>();
    names.forEach((name, i) => {
      const cell = cells[i]?.trim() ?? "";
      if (cell !== "") row.set(name, cell);
    });
    const action = row.get("action")?.toLowerCase() ?? "";
    if (action === "buy")
      return {
        action,
        position: Object.fromEntries(POSITION_COLUMNS.filter((c) => row.has(c)).map((c) => [c, row.get(c)])),
      };
    if (action === "sell") return { action, positionId: row.get("position_id"), value: row.get("value") };
    if (action === "revalue")
      return { action, positionId: row.get("position_id"), positionValue: row.get("position_value") };
    return { action };
  });
}

/** `--shock state=TX:-20`, `--shock vintage=1970s:-10`, `--shock strategy:5` (every value). */
export function shockFromText(text: string): unknown {
  const at = text.lastIndexOf(":");
  const target = at < 0 ? text : text.slice(0, at);
  const pct = at < 0 ? Number.NaN : Number(text.slice(at + 1));
  const [dimensionType, dimensionValue] = target.split("=", 2).map((s) => s.trim());
  if (!dimensionType || !Number.isFinite(pct))
    throw new AppError("invalid_input", `--shock ${text}: expected <dimension>[=<value>]:<percent>, e.g. state=TX:-20`);
  return { dimensionType, ...(dimensionValue ? { dimensionValue } : {}), valueChangePct: pct };
}

/** A trade as the API takes it, read loosely: what tradesToCsv writes back. */
type RawTrade = Record<string, unknown> & { action?: unknown; position?: unknown };

const cell = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/** Raw trades as a trades CSV (the columns above), read back by tradesFromCsv to the same trades. */
export function tradesToCsv(trades: readonly unknown[]): string {
  const rows = trades.map((entry) => {
    const trade = (typeof entry === "object" && entry !== null ? entry : {}) as RawTrade;
    const position = (typeof trade.position === "object" && trade.position !== null ? trade.position : {}) as Record<
      string,
      unknown
    >;
    const row: Record<string, string> = Object.fromEntries(TRADE_CSV_COLUMNS.map((c) => [c, ""]));
    row.action = cell(trade.action);
    if (trade.action === "buy") for (const column of POSITION_COLUMNS) row[column] = cell(position[column]);
    else {
      row.position_id = cell(trade.positionId);
      row.value = cell(trade.value);
      row.position_value = cell(trade.positionValue);
    }
    return TRADE_CSV_COLUMNS.map((c) => row[c] ?? "");
  });
  return `${Papa.unparse({ fields: [...TRADE_CSV_COLUMNS], data: rows })}\r\n`;
}
