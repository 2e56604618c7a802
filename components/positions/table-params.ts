import { DIMENSIONS, type Dimension } from "@/lib/engine/types";
import { POSITION_SORTS, type PositionSort, SORT_DIRECTIONS, type SortDirection } from "@/lib/schemas";

// The positions table's state lives in the URL (shareable, back button works). Parsing is lenient:
// a hand-edited or stale URL falls back to defaults rather than failing the page. Filter values
// stay raw here; the service normalises and validates them as the API does.

export const PAGE_SIZE = 50;
const MAX_PAGE = 1_000_000;

export interface TableState {
  sort: PositionSort;
  dir: SortDirection;
  /** 1-based. */
  page: number;
  filters: Partial<Record<Dimension, string>>;
}

export const DEFAULT_TABLE_STATE: TableState = { sort: "id", dir: "asc", page: 1, filters: {} };

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: SearchParamsInput, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** Money and unit counts read best biggest first; names and years alphabetically. */
export function defaultDirection(sort: PositionSort): SortDirection {
  return sort === "value" || sort === "units" ? "desc" : "asc";
}

export function parseTableState(params: SearchParamsInput): TableState {
  const sortRaw = first(params, "sort");
  const sort = isOneOf(POSITION_SORTS, sortRaw) ? sortRaw : DEFAULT_TABLE_STATE.sort;
  const dirRaw = first(params, "dir");
  const dir = isOneOf(SORT_DIRECTIONS, dirRaw) ? dirRaw : defaultDirection(sort);
  const pageRaw = first(params, "page");
  const pageNumber = pageRaw !== undefined && /^\d+$/.test(pageRaw.trim()) ? Number(pageRaw) : 1;
  const page = Math.min(Math.max(pageNumber, 1), MAX_PAGE);
  const filters: TableState["filters"] = {};
  for (const dimension of DIMENSIONS) {
    const value = first(params, dimension)?.trim();
    if (value) filters[dimension] = value;
  }
  return { sort, dir, page, filters };
}

/** The query string ("?…", or "" for the defaults) of a state; default values are left out. */
export function tableQuery(state: TableState): string {
  const query = new URLSearchParams();
  if (state.sort !== DEFAULT_TABLE_STATE.sort) query.set("sort", state.sort);
  if (state.dir !== defaultDirection(state.sort)) query.set("dir", state.dir);
  for (const dimension of DIMENSIONS) {
    const value = state.filters[dimension];
    if (value) query.set(dimension, value);
  }
  if (state.page > 1) query.set("page", String(state.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Clicking a column header: the same column flips direction, another starts at its default. */
export function sortBy(state: TableState, sort: PositionSort): TableState {
  const dir = state.sort === sort ? (state.dir === "asc" ? "desc" : "asc") : defaultDirection(sort);
  return { ...state, sort, dir, page: 1 };
}

export function withPage(state: TableState, page: number): TableState {
  return { ...state, page: Math.min(Math.max(Math.trunc(page), 1), MAX_PAGE) };
}

export function withoutFilters(state: TableState): TableState {
  return { ...state, filters: {}, page: 1 };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function offsetOf(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

/** "51–100 of 2,000": the rows a page shows, 1-based and inclusive; 0–0 past the last page. */
export function pageRange(page: number, total: number): { from: number; to: number } {
  const offset = offsetOf(page);
  if (offset >= total) return { from: 0, to: 0 };
  return { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total) };
}
