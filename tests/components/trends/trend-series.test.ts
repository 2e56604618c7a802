import { describe, expect, test } from "vitest";
import {
  buildChartRows,
  formatSignedPct,
  referenceLimits,
  type TrendData,
  yAxisScale,
} from "@/components/trends/trend-series";
import type { Limit } from "@/lib/engine/types";
import { limit as baseLimit } from "@/tests/support/engine-fixtures";

function trend(value: string, points: Array<[string, number]>): TrendData {
  return {
    dimensionType: "strategy",
    dimensionValue: value,
    points: points.map(([asOfDate, exposurePct]) => ({
      asOfDate,
      exposurePct,
      exposureValue: exposurePct * 1000,
      totalPortfolioValue: 100_000,
    })),
    changePp: null,
    changeRelPct: null,
  };
}

const limit = (overrides: Partial<Limit>): Limit => ({
  ...baseLimit({}),
  id: "L",
  dimensionType: "strategy",
  dimensionValue: null,
  thresholdPct: 30,
  thresholdType: "maximum",
  severityLevel: "warning",
  isActive: true,
  ...overrides,
});

describe("buildChartRows", () => {
  test("one row per date, oldest first, a key per series in selection order", () => {
    const rows = buildChartRows([
      trend("core", [
        ["2025-02-28", 20],
        ["2025-01-31", 10],
      ]),
      trend("value_add", [
        ["2025-01-31", 30],
        ["2025-03-31", 35],
      ]),
    ]);
    expect(rows).toEqual([
      { asOfDate: "2025-01-31", s0: 10, s1: 30 },
      { asOfDate: "2025-02-28", s0: 20 },
      { asOfDate: "2025-03-31", s1: 35 },
    ]);
  });

  test.each([
    { label: "nothing loaded yet", series: [undefined, undefined] },
    { label: "no series", series: [] },
  ])("$label: no rows", ({ series }) => {
    expect(buildChartRows(series)).toEqual([]);
  });
});

describe("referenceLimits", () => {
  const limits = [
    limit({ id: "every", dimensionValue: null, thresholdPct: 40 }),
    limit({ id: "core", dimensionValue: "core", thresholdPct: 25 }),
    limit({ id: "dev", dimensionValue: "development", thresholdPct: 30 }),
    limit({ id: "off", dimensionValue: "core", isActive: false }),
    limit({ id: "state", dimensionType: "state", dimensionValue: null }),
  ];

  test.each<{ label: string; values: string[]; expected: Array<{ id: string; seriesIndex: number | null }> }>([
    {
      label: "a named limit gets its line's index; the every-value limit none",
      values: ["value_add", "core"],
      expected: [
        { id: "every", seriesIndex: null },
        { id: "core", seriesIndex: 1 },
      ],
    },
    {
      label: "limits on values not shown are left out",
      values: ["value_add"],
      expected: [{ id: "every", seriesIndex: null }],
    },
    { label: "the every-value limit does not cover unknown", values: ["unknown"], expected: [] },
  ])("$label", ({ values, expected }) => {
    expect(referenceLimits(limits, "strategy", values).map(({ id, seriesIndex }) => ({ id, seriesIndex }))).toEqual(
      expected,
    );
  });
});

describe("yAxisScale", () => {
  test.each([
    {
      label: "room above the highest line, in steps of 10",
      rows: [{ asOfDate: "d", s0: 31 }],
      limitPct: null,
      max: 40,
      ticks: [0, 10, 20, 30, 40],
    },
    {
      label: "a limit above every line is still visible",
      rows: [{ asOfDate: "d", s0: 5 }],
      limitPct: 40,
      max: 50,
      ticks: [0, 10, 20, 30, 40, 50],
    },
    {
      label: "small shares get fine steps",
      rows: [
        { asOfDate: "d", s0: 4 },
        { asOfDate: "e", s1: 7 },
      ],
      limitPct: null,
      max: 8,
      ticks: [0, 2, 4, 6, 8],
    },
    {
      label: "steps of 5 up to 25",
      rows: [{ asOfDate: "d", s0: 18 }],
      limitPct: null,
      max: 20,
      ticks: [0, 5, 10, 15, 20],
    },
    {
      label: "never above 100",
      rows: [{ asOfDate: "d", s0: 98 }],
      limitPct: null,
      max: 100,
      ticks: [0, 20, 40, 60, 80, 100],
    },
    { label: "all zero: a small axis", rows: [{ asOfDate: "d", s0: 0 }], limitPct: null, max: 2, ticks: [0, 2] },
    { label: "no rows at all", rows: [], limitPct: null, max: 2, ticks: [0, 2] },
  ])("$label", ({ rows, limitPct, max, ticks }) => {
    const limits =
      limitPct === null
        ? []
        : [{ id: "l", limitPct, thresholdType: "maximum" as const, dimensionValue: null, seriesIndex: null }];
    expect(yAxisScale(rows, limits)).toEqual({ max, ticks });
  });
});

describe("formatSignedPct", () => {
  test.each([
    { value: 12.345, expected: "+12.3 %" },
    { value: -3, expected: "−3.0 %" },
    { value: 0, expected: "±0.0 %" },
    { value: null, expected: "—" },
    { value: Number.NaN, expected: "—" },
  ])("$value -> $expected", ({ value, expected }) => {
    expect(formatSignedPct(value)).toBe(expected);
  });
});
