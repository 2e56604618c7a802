// The scenario builder's state: trades and shocks exactly as POST /api/scenarios/evaluate takes
// them (README "What-if scenarios"), so the same state can be saved, exported or sent as it is.
// Entries stay `unknown`: one may come from elsewhere (a saved scenario, a file) and only the
// server judges it. Pure: unit-tested and run in the browser.

import { parseMoney } from "@/lib/engine/values";

export interface ScenarioState {
  trades: unknown[];
  shocks: unknown[];
}

export type EntryKind = keyof ScenarioState;

export const EMPTY_SCENARIO: ScenarioState = { trades: [], shocks: [] };

export const isEmptyScenario = (state: ScenarioState) => state.trades.length === 0 && state.shocks.length === 0;

export function addEntry(state: ScenarioState, kind: EntryKind, entry: unknown): ScenarioState {
  return { ...state, [kind]: [...state[kind], entry] };
}

export function removeEntry(state: ScenarioState, kind: EntryKind, index: number): ScenarioState {
  return { ...state, [kind]: state[kind].filter((_, i) => i !== index) };
}

export function replaceEntry(state: ScenarioState, kind: EntryKind, index: number, entry: unknown): ScenarioState {
  return { ...state, [kind]: state[kind].map((e, i) => (i === index ? entry : e)) };
}

/** A typed amount as the API takes it: the number when it reads as money, else the text, for the server to name. */
export function amountOf(text: string): number | string {
  return parseMoney(text) ?? text;
}

/** An amount held in an entry, as an input shows it. */
export function amountText(value: unknown): string {
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value : "";
}

/** One problem the server found with an entry: `field` within it (`position_value`), or null for the whole entry. */
export interface EntryIssue {
  field: string | null;
  message: string;
}

export interface LocatedIssues {
  trades: Map<number, EntryIssue[]>;
  shocks: Map<number, EntryIssue[]>;
  /** Issues naming no entry (the body's shape). */
  other: EntryIssue[];
}

const AT = /^(trades|shocks)\[(\d+)\](?:\.(.+))?$/;

/**
 * Files a 422's details under the entry each names: `trades[2].position_value` is trade 2's
 * position_value, `shocks[0]` shock 0 as a whole.
 */
export function locateIssues(details: ReadonlyArray<{ field: string; message: string }>): LocatedIssues {
  const located: LocatedIssues = { trades: new Map(), shocks: new Map(), other: [] };
  for (const { field, message } of details) {
    const match = AT.exec(field);
    if (!match) {
      located.other.push({ field, message });
      continue;
    }
    const [, kind, index, rest] = match as unknown as [string, EntryKind, string, string | undefined];
    const list = located[kind].get(Number(index)) ?? [];
    list.push({ field: rest ?? null, message });
    located[kind].set(Number(index), list);
  }
  return located;
}

/**
 * "Trade 3 and shock 1 have problems": the entries a 422 names, numbered as the list shows them
 * (from 1; the API counts from 0). Null when it names none (the body's shape was refused).
 */
export function refusedEntries(located: LocatedIssues): string | null {
  const names = [
    ...[...located.trades.keys()].sort((a, b) => a - b).map((i) => `trade ${i + 1}`),
    ...[...located.shocks.keys()].sort((a, b) => a - b).map((i) => `shock ${i + 1}`),
  ];
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const text = `${list} ${names.length === 1 ? "has a problem" : "have problems"}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : null;

/** What the trade list shows of an entry; `other` for a shape the builder does not make. */
export type TradeView =
  | { action: "buy"; positionId: string | null; assetId: string | null; position: Record<string, unknown> }
  | { action: "sell"; positionId: string | null; value: unknown }
  | { action: "revalue"; positionId: string | null; positionValue: unknown }
  | { action: "other"; text: string };

export function viewTrade(entry: unknown): TradeView {
  if (isRecord(entry)) {
    if (entry.action === "buy" && isRecord(entry.position)) {
      const position = entry.position;
      return {
        action: "buy",
        positionId: textOf(position.position_id),
        assetId: textOf(position.asset_id),
        position,
      };
    }
    if (entry.action === "sell") return { action: "sell", positionId: textOf(entry.positionId), value: entry.value };
    if (entry.action === "revalue")
      return { action: "revalue", positionId: textOf(entry.positionId), positionValue: entry.positionValue };
  }
  let text: string;
  try {
    text = JSON.stringify(entry) ?? String(entry);
  } catch {
    text = String(entry);
  }
  return { action: "other", text };
}

/** A sale with its amount set (`value` text) or cleared (null: the whole position). */
export function withSaleValue(entry: unknown, value: number | string | null): unknown {
  if (!isRecord(entry)) return entry;
  const { value: _old, ...rest } = entry;
  return value === null ? rest : { ...rest, value };
}

/** An entry with one of its own fields (or its position's, for a purchase) set to `value`. */
export function withField(entry: unknown, field: string, value: unknown): unknown {
  if (!isRecord(entry)) return entry;
  if (entry.action === "buy" && isRecord(entry.position))
    return { ...entry, position: { ...entry.position, [field]: value } };
  return { ...entry, [field]: value };
}

export interface ShockView {
  dimensionType: unknown;
  dimensionValue: unknown;
  valueChangePct: unknown;
}

export function viewShock(entry: unknown): ShockView {
  const record = isRecord(entry) ? entry : {};
  return {
    dimensionType: record.dimensionType,
    dimensionValue: record.dimensionValue,
    valueChangePct: record.valueChangePct,
  };
}

/** A typed percentage as the API takes it: a number when it reads as one, else the text, for the server to name. */
export function percentOf(text: string): number | string {
  const trimmed = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return Number(trimmed);
  return text;
}
