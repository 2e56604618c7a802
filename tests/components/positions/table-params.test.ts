import { describe, expect, test } from "vitest";
import {
  DEFAULT_TABLE_STATE,
  offsetOf,
  pageCount,
  pageRange,
  parseTableState,
  sortBy,
  type TableState,
  tableQuery,
  withoutFilters,
  withPage,
} from "@/components/positions/table-params";

describe("parseTableState", () => {
  test.each([
    ["no parameters: the defaults", {}, DEFAULT_TABLE_STATE],
    [
      "a sort with its direction",
      { sort: "state", dir: "desc" },
      { ...DEFAULT_TABLE_STATE, sort: "state", dir: "desc" },
    ],
    [
      "value without a direction: biggest first",
      { sort: "value" },
      { ...DEFAULT_TABLE_STATE, sort: "value", dir: "desc" },
    ],
    [
      "an unknown sort falls back to the row order",
      { sort: "drop table", dir: "desc" },
      { ...DEFAULT_TABLE_STATE, dir: "desc" },
    ],
    [
      "an unknown direction falls back to the column's default",
      { sort: "units", dir: "up" },
      { ...DEFAULT_TABLE_STATE, sort: "units", dir: "desc" },
    ],
    ["a page number", { page: "7" }, { ...DEFAULT_TABLE_STATE, page: 7 }],
    ["page 0, negative, fractional or text: page 1", { page: "0" }, DEFAULT_TABLE_STATE],
    ["a negative page", { page: "-3" }, DEFAULT_TABLE_STATE],
    ["a fractional page", { page: "2.5" }, DEFAULT_TABLE_STATE],
    ["an absurd page is capped", { page: "99999999999" }, { ...DEFAULT_TABLE_STATE, page: 1_000_000 }],
    [
      "filters are trimmed and kept raw",
      { state: " ca ", vintage: "1980s", strategy: "" },
      { ...DEFAULT_TABLE_STATE, filters: { state: "ca", vintage: "1980s" } },
    ],
    [
      "repeated parameters: the first wins",
      { state: ["TX", "CA"] },
      { ...DEFAULT_TABLE_STATE, filters: { state: "TX" } },
    ],
    ["unrelated parameters are ignored", { portfolio: "x", utm: "y" }, DEFAULT_TABLE_STATE],
  ] as const)("%s", (_label, params, expected) => {
    expect(parseTableState(params as Record<string, string | string[]>)).toEqual(expected);
  });

  test("reads URLSearchParams as well as Next's searchParams object", () => {
    expect(parseTableState(new URLSearchParams("sort=msa&rent_band=class%20a&page=3"))).toEqual({
      sort: "msa",
      dir: "asc",
      page: 3,
      filters: { rent_band: "class a" },
    });
  });
});

describe("tableQuery", () => {
  test.each([
    ["the defaults: no query at all", DEFAULT_TABLE_STATE, ""],
    [
      "defaults are left out (value's default is desc)",
      { ...DEFAULT_TABLE_STATE, sort: "value", dir: "desc" },
      "?sort=value",
    ],
    ["a non-default direction is kept", { ...DEFAULT_TABLE_STATE, sort: "value", dir: "asc" }, "?sort=value&dir=asc"],
    [
      "filters in dimension order, then the page",
      { ...DEFAULT_TABLE_STATE, page: 2, filters: { rent_band: "class a", state: "CA" } },
      "?state=CA&rent_band=class+a&page=2",
    ],
  ] as const)("%s", (_label, state, expected) => {
    expect(tableQuery(state as TableState)).toBe(expected);
  });

  test.each([
    { sort: "vintage", dir: "desc", page: 4, filters: { msa: "31080", construction_type: "garden" } },
    { sort: "id", dir: "desc", page: 1, filters: {} },
    { sort: "value", dir: "asc", page: 12, filters: { strategy: "value_add" } },
  ] as TableState[])("round-trips through the URL: %o", (state) => {
    expect(parseTableState(new URLSearchParams(tableQuery(state).slice(1)))).toEqual(state);
  });
});

describe("sorting, paging and filters", () => {
  const onPage3: TableState = { sort: "state", dir: "asc", page: 3, filters: { strategy: "core" } };

  test.each([
    ["the same column flips direction and goes back to page 1", "state", { sort: "state", dir: "desc", page: 1 }],
    ["another column starts ascending", "position_id", { sort: "position_id", dir: "asc", page: 1 }],
    ["value starts biggest first", "value", { sort: "value", dir: "desc", page: 1 }],
  ] as const)("%s", (_label, column, expected) => {
    expect(sortBy(onPage3, column)).toEqual({ ...expected, filters: { strategy: "core" } });
  });

  test("withPage keeps everything else and clamps to page 1", () => {
    expect(withPage(onPage3, 9)).toEqual({ ...onPage3, page: 9 });
    expect(withPage(onPage3, 0).page).toBe(1);
  });

  test("withoutFilters clears filters and goes back to page 1, keeping the sort", () => {
    expect(withoutFilters(onPage3)).toEqual({ sort: "state", dir: "asc", page: 1, filters: {} });
  });

  test.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [100_000, 2000],
  ])("%i positions make %i pages", (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });

  test.each([
    ["first page", 1, 120, { from: 1, to: 50 }, 0],
    ["middle page", 2, 120, { from: 51, to: 100 }, 50],
    ["last, partial page", 3, 120, { from: 101, to: 120 }, 100],
    ["past the end", 4, 120, { from: 0, to: 0 }, 150],
    ["empty book", 1, 0, { from: 0, to: 0 }, 0],
  ])("%s: page %i of %i rows", (_label, page, total, range, offset) => {
    expect(pageRange(page, total)).toEqual(range);
    expect(offsetOf(page)).toBe(offset);
  });
});
