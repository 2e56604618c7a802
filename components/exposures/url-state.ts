import { isDimension } from "@/lib/display/labels";
import { BASES, type Basis, type Dimension, UNKNOWN } from "@/lib/engine/types";
import type { ExposureRow } from "./exposure-rows";

export type SearchParams = Record<string, string | string[] | undefined>;

export const SORT_KEYS = ["value", "pct", "amount", "count", "limit", "headroom", "capacity"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";
export interface TableSort {
  key: SortKey;
  dir: SortDirection;
}

export const DEFAULT_SORT: TableSort = { key: "pct", dir: "desc" };

// What a first click on a column sorts by: names A→Z, headroom and capacity tightest first, amounts largest first.
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  value: "asc",
  pct: "desc",
  amount: "desc",
  count: "desc",
  limit: "asc",
  headroom: "asc",
  capacity: "asc",
};

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The basis the page counts in (?basis=units); value when absent or unknown. */
export function parseBasis(params: SearchParams): Basis {
  const basis = first(params.basis);
  return basis && (BASES as readonly string[]).includes(basis) ? (basis as Basis) : "value";
}

export function parseSort(params: SearchParams): TableSort {
  const key = first(params.sort);
  const dir = first(params.dir);
  if (!key || !(SORT_KEYS as readonly string[]).includes(key)) return DEFAULT_SORT;
  const sortKey = key as SortKey;
  return { key: sortKey, dir: dir === "asc" || dir === "desc" ? dir : FIRST_DIRECTION[sortKey] };
}

/** The sort a click on a column header asks for: the same column flips, another starts fresh. */
export function nextSort(current: TableSort, key: SortKey): TableSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: FIRST_DIRECTION[key] };
}

/** The query string for `changes` on top of the current params (other params kept). */
export function withParams(params: SearchParams, changes: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    const v = first(value);
    if (v !== undefined && !(name in changes)) query.set(name, v);
  }
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

function sortValue(row: ExposureRow, key: Exclude<SortKey, "value">): number | null {
  switch (key) {
    case "pct":
      return row.exposurePct;
    case "amount":
      return row.exposureValue;
    case "count":
      return row.positionCount;
    case "limit":
      return row.maximum?.pct ?? row.minimum?.pct ?? null;
    case "headroom":
      return row.headroomPp;
    case "capacity":
      return row.capacityValue === "unlimited" ? Number.POSITIVE_INFINITY : row.capacityValue;
  }
}

/** Sorted copy; `unknown` stays last and rows without a limit sort after those with one. */
export function sortRows(
  rows: readonly ExposureRow[],
  sort: TableSort,
  labelOf: (value: string) => string,
): ExposureRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const unknown = Number(a.value === UNKNOWN) - Number(b.value === UNKNOWN);
    if (unknown !== 0) return unknown;
    if (sort.key === "value") return sign * labelOf(a.value).localeCompare(labelOf(b.value), "en", { numeric: true });
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return Number(x === null) - Number(y === null);
    // Two unlimited capacities are equal (∞ − ∞ is NaN, which || passes over too).
    return sign * (x - y) || b.exposurePct - a.exposurePct;
  });
}

/** ?all=1: the table lists every value of a long dimension, not just the largest. */
export function parseShowAll(params: SearchParams): boolean {
  return first(params.all) === "1";
}

export interface CrossTabAxes {
  rows: Dimension;
  cols: Dimension;
}

/** ?rows=state&cols=strategy; defaults: rows = the page's dimension, columns = strategy (or state). */
export function parseCrossTabAxes(dimension: Dimension, params: SearchParams): CrossTabAxes {
  const rows = first(params.rows);
  const cols = first(params.cols);
  return {
    rows: rows && isDimension(rows) ? rows : dimension,
    cols: cols && isDimension(cols) ? cols : dimension === "strategy" ? "state" : "strategy",
  };
}
