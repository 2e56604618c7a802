import { describe, expect, test } from "vitest";
import { computeConcentration } from "@/lib/engine/concentration";
import type { Concentration, ExposureBucket } from "@/lib/engine/types";

function msaBuckets(values: Record<string, number>): ExposureBucket[] {
  const total = Object.values(values).reduce((s, v) => s + v, 0);
  return Object.entries(values).map(([dimensionValue, exposureValue]) => ({
    dimensionType: "msa",
    dimensionValue,
    exposureValue,
    exposurePct: (exposureValue / total) * 100,
    positionCount: 1,
    exposureUnits: 0,
    unitsCount: 0,
  }));
}

describe("computeConcentration", () => {
  test.each<{ label: string; values: Record<string, number>; expected: Concentration }>([
    {
      label: "shares 35/25/20/15/5",
      values: { "12420": 35, "31080": 25, "19100": 20, "26420": 15, "38060": 5 },
      expected: { top1Pct: 35, top3Pct: 80, count: 5, hhi: 2500, effectiveN: 4, coveragePct: 100 },
    },
    {
      label: "one value holds everything",
      values: { "12420": 10 },
      expected: { top1Pct: 100, top3Pct: 100, count: 1, hhi: 10_000, effectiveN: 1, coveragePct: 100 },
    },
    {
      label: "unknown excluded from top/count, HHI renormalised over known value",
      values: { "12420": 30, "31080": 30, unknown: 40 },
      expected: { top1Pct: 30, top3Pct: 60, count: 2, hhi: 5000, effectiveN: 2, coveragePct: 60 },
    },
    {
      label: "buckets in any order",
      values: { a: 5, b: 15, c: 35, d: 20, e: 25 },
      expected: { top1Pct: 35, top3Pct: 80, count: 5, hhi: 2500, effectiveN: 4, coveragePct: 100 },
    },
    {
      label: "nothing known",
      values: { unknown: 10 },
      expected: { top1Pct: 0, top3Pct: 0, count: 0, hhi: 0, effectiveN: 0, coveragePct: 0 },
    },
    {
      label: "no buckets",
      values: {},
      expected: { top1Pct: 0, top3Pct: 0, count: 0, hhi: 0, effectiveN: 0, coveragePct: 0 },
    },
  ])("$label", ({ values, expected }) => {
    const total = Object.values(values).reduce((s, v) => s + v, 0);
    const approx = Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, expect.closeTo(value, 9)]));
    expect(computeConcentration(msaBuckets(values), total)).toEqual(approx);
  });
});
