import { describe, expect, test } from "vitest";
import { describeRule, formatDistance, formatMeasure } from "@/components/limits/limit-rule";
import { limit } from "@/tests/support/engine-fixtures";

describe("describeRule: each kind in its own words", () => {
  test.each([
    { label: "a share maximum", l: limit({ thresholdPct: 30 }), text: "at most 30.0 %" },
    {
      label: "a share minimum of positions",
      l: limit({ thresholdPct: 10, thresholdType: "minimum", basis: "positions" }),
      text: "at least 10.0 % of positions",
    },
    {
      label: "an amount in dollars",
      l: limit({ kind: "amount", thresholdPct: null, thresholdAmount: 250_000_000 }),
      text: "at most $250.0M",
    },
    {
      label: "an amount in units",
      l: limit({ kind: "amount", basis: "units", thresholdPct: null, thresholdAmount: 1_000 }),
      text: "at most 1,000 units",
    },
    {
      label: "a count",
      l: limit({ kind: "count", thresholdType: "minimum", thresholdPct: null, thresholdCount: 10 }),
      text: "at least 10 values",
    },
    {
      label: "the largest three",
      l: limit({ kind: "top_n", topN: 3, thresholdPct: 50 }),
      text: "top 3 together at most 50.0 %",
    },
    { label: "an HHI", l: limit({ kind: "hhi", thresholdPct: null, thresholdHhi: 1_500 }), text: "HHI at most 1,500" },
    {
      label: "a target with its band",
      l: limit({ kind: "target", thresholdType: null, thresholdPct: null, targetPct: 60, bandPp: 10 }),
      text: "60.0 % ± 10.0 pp",
    },
    {
      label: "a target with the default band",
      l: limit({ kind: "target", thresholdType: null, thresholdPct: null, targetPct: 30 }),
      text: "30.0 % ± 6.0 pp (default band)",
    },
  ])("$label: $text", ({ l, text }) => {
    expect(describeRule(l)).toBe(text);
  });
});

describe("formatMeasure and formatDistance: a figure in its unit", () => {
  test.each([
    { value: 55.04, unit: "pp" as const, measure: "55.0 %", distance: "55.0 pp" },
    { value: 312_500_000, unit: "usd" as const, measure: "$312.5M", distance: "$312.5M" },
    { value: 1_240, unit: "units" as const, measure: "1,240 units", distance: "1,240 units" },
    { value: 7, unit: "count" as const, measure: "7", distance: "7" },
    { value: 1_720.4, unit: "hhi" as const, measure: "1,720", distance: "1,720" },
  ])("$value $unit", ({ value, unit, measure, distance }) => {
    expect(formatMeasure(value, unit)).toBe(measure);
    expect(formatDistance(value, unit)).toBe(distance);
  });
});

describe("units read to the hundredth where ownership makes them fractional", () => {
  test.each([
    [1_240, "1,240 units"],
    [1_000.5, "1,000.5 units"],
    [2.33, "2.33 units"],
  ])("%d", (value, text) => {
    expect(formatMeasure(value, "units")).toBe(text);
  });
});
