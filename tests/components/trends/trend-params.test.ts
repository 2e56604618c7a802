import { describe, expect, test } from "vitest";
import {
  defaultValues,
  MAX_TREND_VALUES,
  parseTrendParams,
  rangeStart,
  serializeTrendParams,
  type TrendRange,
  type TrendSelection,
  toggleValue,
  type ValueOptions,
} from "@/components/trends/trend-params";

const options: ValueOptions = {
  strategy: ["value_add", "core", "core_plus", "development", "unknown"],
  state: ["TX", "CA"],
  msa: [],
};

describe("parseTrendParams", () => {
  test.each<{ label: string; params: Record<string, string | string[] | undefined>; expected: TrendSelection }>([
    {
      label: "nothing given: strategy, its top 3 known values, 1 year",
      params: {},
      expected: { dimension: "strategy", values: ["value_add", "core", "core_plus"], range: "1y", basis: "value" },
    },
    {
      label: "a full selection",
      params: { dim: "state", v: ["CA", "TX"], range: "3m", basis: "value" },
      expected: { dimension: "state", values: ["CA", "TX"], range: "3m", basis: "value" },
    },
    {
      label: "a single value as a plain string",
      params: { dim: "strategy", v: "core", range: "all", basis: "value" },
      expected: { dimension: "strategy", values: ["core"], range: "all", basis: "value" },
    },
    {
      label: "unknown dimension and range fall back",
      params: { dim: "colour", range: "5y" },
      expected: { dimension: "strategy", values: ["value_add", "core", "core_plus"], range: "1y", basis: "value" },
    },
    {
      label: "values not in the latest run are dropped",
      params: { dim: "state", v: ["TX", "ZZ"] },
      expected: { dimension: "state", values: ["TX"], range: "1y", basis: "value" },
    },
    {
      label: "no valid value left: the defaults",
      params: { dim: "state", v: "ZZ" },
      expected: { dimension: "state", values: ["TX", "CA"], range: "1y", basis: "value" },
    },
    {
      label: "duplicates count once",
      params: { v: ["core", "core", "unknown"] },
      expected: { dimension: "strategy", values: ["core", "unknown"], range: "1y", basis: "value" },
    },
    {
      label: "a dimension without values gives none",
      params: { dim: "msa" },
      expected: { dimension: "msa", values: [], range: "1y", basis: "value" },
    },
  ])("$label", ({ params, expected }) => {
    expect(parseTrendParams(params, options)).toEqual(expected);
  });

  test("reads URLSearchParams the same way", () => {
    expect(parseTrendParams(new URLSearchParams("dim=state&v=CA&range=all"), options)).toEqual({
      dimension: "state",
      values: ["CA"],
      range: "all",
      basis: "value",
    });
  });

  test("keeps at most one value per chart colour", () => {
    const many = Array.from({ length: 12 }, (_, i) => `v${i}`);
    expect(parseTrendParams({ v: many }, { strategy: many }).values).toHaveLength(MAX_TREND_VALUES);
  });
});

describe("serializeTrendParams", () => {
  test.each<{ label: string; selection: TrendSelection }>([
    {
      label: "several values",
      selection: { dimension: "strategy", values: ["value_add", "core"], range: "3m", basis: "value" },
    },
    {
      label: "values needing escapes",
      selection: { dimension: "strategy", values: ["a&b", "c d", "e=f"], range: "all", basis: "value" },
    },
    { label: "no values", selection: { dimension: "msa", values: [], range: "1y", basis: "value" } },
  ])("round-trips: $label", ({ selection }) => {
    const text = serializeTrendParams(selection);
    const known: ValueOptions = { [selection.dimension]: selection.values };
    expect(parseTrendParams(new URLSearchParams(text), known)).toEqual(selection);
  });

  test("is readable", () => {
    expect(serializeTrendParams({ dimension: "state", values: ["TX", "CA"], range: "1y", basis: "value" })).toBe(
      "dim=state&v=TX&v=CA&range=1y",
    );
  });
});

describe("rangeStart", () => {
  test.each<{ label: string; range: TrendRange; asOf: string; expected: string | undefined }>([
    { label: "3 months from a mid-month date", range: "3m", asOf: "2025-06-15", expected: "2025-03-15" },
    { label: "3 months from a month end", range: "3m", asOf: "2025-06-30", expected: "2025-03-30" },
    { label: "3 months from May 31 clamps to Feb 28", range: "3m", asOf: "2025-05-31", expected: "2025-02-28" },
    { label: "3 months across a year", range: "3m", asOf: "2025-01-31", expected: "2024-10-31" },
    { label: "1 year back", range: "1y", asOf: "2025-06-30", expected: "2024-06-30" },
    { label: "1 year from a leap day", range: "1y", asOf: "2024-02-29", expected: "2023-02-28" },
    { label: "all: no start", range: "all", asOf: "2025-06-30", expected: undefined },
    { label: "a malformed date: no start", range: "1y", asOf: "soon", expected: undefined },
  ])("$label", ({ range, asOf, expected }) => {
    expect(rangeStart(range, asOf)).toBe(expected);
  });
});

describe("defaultValues and toggleValue", () => {
  test("defaults skip unknown and take the largest three", () => {
    expect(defaultValues("strategy", { strategy: ["unknown", "a", "b", "c", "d"] })).toEqual(["a", "b", "c"]);
    expect(defaultValues("vintage", options)).toEqual([]);
  });

  test.each<{ label: string; values: string[]; value: string; expected: string[] }>([
    { label: "adds at the end", values: ["a"], value: "b", expected: ["a", "b"] },
    { label: "removes", values: ["a", "b"], value: "a", expected: ["b"] },
    { label: "keeps the last one", values: ["a"], value: "a", expected: ["a"] },
    {
      label: "refuses a ninth",
      values: ["1", "2", "3", "4", "5", "6", "7", "8"],
      value: "9",
      expected: ["1", "2", "3", "4", "5", "6", "7", "8"],
    },
  ])("$label", ({ values, value, expected }) => {
    expect(toggleValue(values, value)).toEqual(expected);
  });
});

describe("the basis", () => {
  const options = { strategy: ["core", "value_add"] };
  test.each([
    { label: "absent: value", query: "dim=strategy", basis: "value" },
    { label: "units", query: "dim=strategy&basis=units", basis: "units" },
    { label: "positions", query: "dim=strategy&basis=positions", basis: "positions" },
    { label: "unknown: value", query: "dim=strategy&basis=doors", basis: "value" },
  ])("$label", ({ query, basis }) => {
    expect(parseTrendParams(new URLSearchParams(query), options).basis).toBe(basis);
  });

  test("is written only when it is not value", () => {
    const selection = parseTrendParams(new URLSearchParams("dim=strategy&v=core"), options);
    expect(serializeTrendParams(selection)).toBe("dim=strategy&v=core&range=1y");
    expect(serializeTrendParams({ ...selection, basis: "units" })).toBe("dim=strategy&v=core&range=1y&basis=units");
  });
});
