import { describe, expect, test } from "vitest";
import { bucketsFor, computeExposures, topValues } from "@/lib/engine/exposures";
import { ownedCents } from "@/lib/engine/tally";
import { DIMENSIONS, type Dimension, type Position } from "@/lib/engine/types";
import { allNumbers, position } from "@/tests/support/engine-fixtures";

const threePositions = [
  position({ strategy: "value_add", state: "CA", positionValue: 1_000_000 }),
  position({ strategy: "value_add", state: "TX", positionValue: 1_500_000 }),
  position({ strategy: "core_plus", state: "CA", positionValue: 2_000_000 }),
];

function pctOf(positions: readonly Position[], dimension: Dimension, value: string): number | undefined {
  return bucketsFor(computeExposures(positions), dimension).find((b) => b.dimensionValue === value)?.exposurePct;
}

describe("computeExposures: the 4.5M portfolio", () => {
  test("total and count", () => {
    const result = computeExposures(threePositions);
    expect(result.totalPortfolioValue).toBe(4_500_000);
    expect(result.positionCount).toBe(3);
  });

  test.each([
    {
      label: "value_add",
      dimension: "strategy",
      value: "value_add",
      pct: 55.5555555556,
      exposure: 2_500_000,
      count: 2,
    },
    {
      label: "core_plus",
      dimension: "strategy",
      value: "core_plus",
      pct: 44.4444444444,
      exposure: 2_000_000,
      count: 1,
    },
    { label: "CA", dimension: "state", value: "CA", pct: 66.6666666667, exposure: 3_000_000, count: 2 },
    { label: "TX", dimension: "state", value: "TX", pct: 33.3333333333, exposure: 1_500_000, count: 1 },
    { label: "one MSA holds everything", dimension: "msa", value: "12420", pct: 100, exposure: 4_500_000, count: 3 },
    { label: "vintage by decade", dimension: "vintage", value: "2010s", pct: 100, exposure: 4_500_000, count: 3 },
  ] as const)("$label", ({ dimension, value, pct, exposure, count }) => {
    const bucket = bucketsFor(computeExposures(threePositions), dimension).find((b) => b.dimensionValue === value);
    expect(bucket?.exposurePct).toBeCloseTo(pct, 8);
    expect(bucket?.exposureValue).toBe(exposure);
    expect(bucket?.positionCount).toBe(count);
  });

  test("a dimension where every position is known has no unknown bucket", () => {
    const result = computeExposures(threePositions);
    expect(result.exposures.some((b) => b.dimensionValue === "unknown")).toBe(false);
  });
});

describe("computeExposures: missing attributes", () => {
  const positions = [
    position({ msaId: null, vintage: null, positionValue: 1_000_000 }),
    position({ msaId: "31080", vintage: 1987, positionValue: 3_000_000 }),
  ];
  const result = computeExposures(positions);

  test.each([
    { label: "missing msa goes to unknown", dimension: "msa", value: "unknown", pct: 25 },
    { label: "missing vintage goes to unknown", dimension: "vintage", value: "unknown", pct: 25 },
    { label: "known vintage bucketed by decade", dimension: "vintage", value: "1980s", pct: 75 },
  ] as const)("$label", ({ dimension, value, pct }) => {
    expect(pctOf(positions, dimension, value)).toBeCloseTo(pct, 10);
  });

  test.each(DIMENSIONS.map((dimension) => ({ dimension })))("$dimension sums to 100 %", ({ dimension }) => {
    const sum = bucketsFor(result, dimension).reduce((s, b) => s + b.exposurePct, 0);
    expect(sum).toBeCloseTo(100, 10);
  });

  test("coverage is the known share; concentration ignores the unknown bucket", () => {
    expect(result.concentration.msa).toEqual({
      top1Pct: 75,
      top3Pct: 75,
      count: 1,
      hhi: 10_000,
      effectiveN: 1,
      coveragePct: 75,
    });
    expect(result.concentration.strategy.coveragePct).toBe(100);
  });

  test("a value spelled unknown joins the unknown bucket rather than making a second one", () => {
    const merged = computeExposures([position({ strategy: "unknown" }), position({ strategy: null })]);
    expect(bucketsFor(merged, "strategy")).toEqual([
      {
        dimensionType: "strategy",
        dimensionValue: "unknown",
        exposureValue: 2_000_000,
        exposurePct: 100,
        positionCount: 2,
        exposureUnits: 200,
        unitsCount: 2,
      },
    ]);
    expect(merged.concentration.strategy.count).toBe(0);
  });
});

describe("computeExposures: ordering", () => {
  const positions = [
    position({ state: null, positionValue: 9_000_000 }),
    position({ state: "TX", positionValue: 1_000_000 }),
    position({ state: "AZ", positionValue: 1_000_000 }),
    position({ state: "CA", positionValue: 5_000_000 }),
  ];
  const result = computeExposures(positions);

  test.each([
    {
      label: "largest first, ties by name, unknown last even when largest",
      dimension: "state",
      order: ["CA", "AZ", "TX", "unknown"],
    },
  ] as const)("$label", ({ dimension, order }) => {
    expect(bucketsFor(result, dimension).map((b) => b.dimensionValue)).toEqual(order);
  });

  test("buckets are grouped by dimension in DIMENSIONS order", () => {
    const seen = result.exposures.map((b) => b.dimensionType).filter((d, i, all) => all[i - 1] !== d);
    expect(seen).toEqual([...DIMENSIONS]);
  });

  test.each([
    { label: "top 2 skips unknown", n: 2, values: ["CA", "AZ"] },
    { label: "top 10 returns only the known values", n: 10, values: ["CA", "AZ", "TX"] },
    { label: "top 0 is empty", n: 0, values: [] },
  ])("topValues: $label", ({ n, values }) => {
    expect(topValues(result, "state", n).map((b) => b.dimensionValue)).toEqual(values);
  });
});

describe("computeExposures: empty portfolio", () => {
  const result = computeExposures([]);

  test("zero totals and no buckets", () => {
    expect(result.totalPortfolioValue).toBe(0);
    expect(result.positionCount).toBe(0);
    expect(result.exposures).toEqual([]);
  });

  test.each(DIMENSIONS.map((dimension) => ({ dimension })))(
    "$dimension concentration is all zeros",
    ({ dimension }) => {
      expect(result.concentration[dimension]).toEqual({
        top1Pct: 0,
        top3Pct: 0,
        count: 0,
        hhi: 0,
        effectiveN: 0,
        coveragePct: 0,
      });
    },
  );

  test("no NaN or Infinity anywhere, and it survives a JSON round trip", () => {
    expect(allNumbers(result).every(Number.isFinite)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("computeExposures: vintage decades", () => {
  test.each([
    { label: "ordinary years share a decade", years: [1987, 1980, 1989], expected: { "1980s": 3 } },
    { label: "1899 and 1900 straddle a decade", years: [1899, 1900], expected: { "1890s": 1, "1900s": 1 } },
    {
      label: "years beyond the direct table still count",
      years: [12_345, 12_349, 2001],
      expected: { "12340s": 2, "2000s": 1 },
    },
  ])("$label", ({ years, expected }) => {
    const result = computeExposures(years.map((vintage) => position({ vintage })));
    const counts = Object.fromEntries(bucketsFor(result, "vintage").map((b) => [b.dimensionValue, b.positionCount]));
    expect(counts).toEqual(expected);
  });
});

describe("computeExposures: many values", () => {
  test("more distinct values than the initial accumulator size are all counted", () => {
    const positions = Array.from({ length: 300 }, (_, i) =>
      position({ msaId: String(10_000 + i), positionValue: 1_000 + i }),
    );
    const result = computeExposures(positions);
    const msas = bucketsFor(result, "msa");
    expect(msas).toHaveLength(300);
    expect(msas[0]).toMatchObject({ dimensionValue: "10299", exposureValue: 1_299, positionCount: 1 });
    expect(msas.reduce((s, b) => s + b.exposureValue, 0)).toBe(result.totalPortfolioValue);
  });
});

describe("computeExposures: ownership share (joint ventures)", () => {
  test("only the fund's share counts: 50 % of $2M is $1M", () => {
    const result = computeExposures([
      position({ strategy: "core", positionValue: 1_000_000 }),
      position({ strategy: "value_add", positionValue: 2_000_000, ownershipPct: 50 }),
    ]);
    expect(result.totalPortfolioValue).toBe(2_000_000);
    expect(bucketsFor(result, "strategy")).toMatchObject([
      { dimensionValue: "core", exposureValue: 1_000_000, exposurePct: 50, positionCount: 1 },
      { dimensionValue: "value_add", exposureValue: 1_000_000, exposurePct: 50, positionCount: 1 },
    ]);
  });

  test("a wholly owned position counts in full", () => {
    const result = computeExposures([position({ positionValue: 1_234_567.89, ownershipPct: 100 })]);
    expect(result.totalPortfolioValue).toBe(1_234_567.89);
  });
});

describe("ownedCents: value × ownership / 100, to the cent, half up", () => {
  test.each([
    ["wholly owned", 1_000_000, 100, 100_000_000],
    ["half", 1_000_000, 50, 50_000_000],
    ["a third: 0.333333 of a cent rounds down", 1, 33.3333, 33],
    ["exactly half a cent rounds up", 0.01, 50, 1],
    ["just under half a cent rounds down", 0.01, 49.9999, 0],
    ["the smallest share of the largest value", 9_999_999_999_999.99, 0.0001, 1_000_000_000],
    ["a product beyond 2^53 stays exact", 9_999_999_999_999.99, 33.3333, 333_333_000_000_000],
    ["a cent at 99.9999 %", 0.01, 99.9999, 1],
  ])("%s: %d at %d %% is %d cents", (_, value, ownership, cents) => {
    expect(ownedCents(value, ownership)).toBe(cents);
  });
});
