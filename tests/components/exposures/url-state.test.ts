import { describe, expect, test } from "vitest";
import type { ExposureRow } from "@/components/exposures/exposure-rows";
import {
  DEFAULT_SORT,
  nextSort,
  parseCrossTabAxes,
  parseShowAll,
  parseSort,
  sortRows,
  withParams,
} from "@/components/exposures/url-state";

describe("parseSort", () => {
  test.each([
    { label: "nothing: by exposure, largest first", params: {}, expected: DEFAULT_SORT },
    { label: "a key with its first direction", params: { sort: "value" }, expected: { key: "value", dir: "asc" } },
    { label: "an explicit direction", params: { sort: "amount", dir: "asc" }, expected: { key: "amount", dir: "asc" } },
    { label: "an unknown key falls back", params: { sort: "drop table", dir: "asc" }, expected: DEFAULT_SORT },
    {
      label: "a bad direction takes the key's first one",
      params: { sort: "headroom", dir: "sideways" },
      expected: { key: "headroom", dir: "asc" },
    },
    {
      label: "repeated params: the first wins",
      params: { sort: ["count", "value"] },
      expected: { key: "count", dir: "desc" },
    },
  ])("$label", ({ params, expected }) => {
    expect(parseSort(params)).toEqual(expected);
  });
});

describe("nextSort", () => {
  test.each([
    {
      label: "the same column flips",
      current: { key: "pct", dir: "desc" },
      key: "pct",
      expected: { key: "pct", dir: "asc" },
    },
    {
      label: "another column starts with its own direction",
      current: { key: "pct", dir: "desc" },
      key: "value",
      expected: { key: "value", dir: "asc" },
    },
  ] as const)("$label", ({ current, key, expected }) => {
    expect(nextSort(current, key)).toEqual(expected);
  });
});

describe("withParams", () => {
  test.each([
    { label: "adds to nothing", params: {}, changes: { sort: "pct" }, expected: "?sort=pct" },
    {
      label: "keeps others, replaces changed",
      params: { rows: "state", sort: "value" },
      changes: { sort: "pct", dir: "asc" },
      expected: "?rows=state&sort=pct&dir=asc",
    },
    { label: "undefined removes", params: { sort: "value" }, changes: { sort: undefined }, expected: "" },
  ])("$label", ({ params, changes, expected }) => {
    expect(withParams(params, changes)).toBe(expected);
  });
});

describe("parseShowAll", () => {
  test.each([
    { label: "absent: the largest only", params: {}, all: false },
    { label: "all=1: every value", params: { all: "1" }, all: true },
    { label: "anything else: the largest only", params: { all: "yes" }, all: false },
  ])("$label", ({ params, all }) => {
    expect(parseShowAll(params)).toBe(all);
  });
});

describe("parseCrossTabAxes", () => {
  test.each([
    {
      label: "defaults: this dimension × strategy",
      dimension: "state",
      params: {},
      expected: { rows: "state", cols: "strategy" },
    },
    {
      label: "on strategy the columns default to state",
      dimension: "strategy",
      params: {},
      expected: { rows: "strategy", cols: "state" },
    },
    {
      label: "from the URL",
      dimension: "state",
      params: { rows: "msa", cols: "vintage" },
      expected: { rows: "msa", cols: "vintage" },
    },
    {
      label: "bad values fall back",
      dimension: "msa",
      params: { rows: "planet", cols: "" },
      expected: { rows: "msa", cols: "strategy" },
    },
  ] as const)("$label", ({ dimension, params, expected }) => {
    expect(parseCrossTabAxes(dimension, params)).toEqual(expected);
  });
});

describe("sortRows", () => {
  const row = (value: string, exposurePct: number, limitPct: number | null = null): ExposureRow => ({
    value,
    exposurePct,
    exposureValue: exposurePct * 1000,
    positionCount: 1,
    maximum: limitPct === null ? null : { pct: limitPct, severity: "warning", named: false },
    minimum: null,
    headroomPp: limitPct === null ? null : limitPct - exposurePct,
    status: limitPct === null ? "none" : "within",
    capacityValue: limitPct === null ? null : limitPct === 100 ? "unlimited" : (limitPct - exposurePct) * 10_000,
    shortfallValue: null,
  });
  const rows = [row("unknown", 50), row("b", 10, 20), row("a", 30), row("c", 5, 6)];
  const label = (v: string) => v;

  test.each([
    {
      label: "by exposure, largest first, unknown last",
      sort: { key: "pct", dir: "desc" },
      order: ["a", "b", "c", "unknown"],
    },
    {
      label: "by exposure ascending, unknown still last",
      sort: { key: "pct", dir: "asc" },
      order: ["c", "b", "a", "unknown"],
    },
    { label: "by name descending", sort: { key: "value", dir: "desc" }, order: ["c", "b", "a", "unknown"] },
    {
      label: "by headroom: tightest first, no limit after",
      sort: { key: "headroom", dir: "asc" },
      order: ["c", "b", "a", "unknown"],
    },
  ] as const)("$label", ({ sort, order }) => {
    expect(sortRows(rows, sort, label).map((r) => r.value)).toEqual(order);
  });

  test.each([
    { dir: "asc", order: ["c", "b", "e", "d", "a", "unknown"] },
    { dir: "desc", order: ["e", "d", "b", "c", "a", "unknown"] },
  ] as const)("by capacity $dir: unlimited is the most room, no maximum after, ties by exposure", ({ dir, order }) => {
    const withUnlimited = [...rows, row("d", 2, 100), row("e", 4, 100)];
    expect(sortRows(withUnlimited, { key: "capacity", dir }, label).map((r) => r.value)).toEqual(order);
  });

  test("a first click on capacity sorts the tightest first", () => {
    expect(nextSort({ key: "pct", dir: "desc" }, "capacity")).toEqual({ key: "capacity", dir: "asc" });
  });
});
