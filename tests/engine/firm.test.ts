import { describe, expect, test } from "vitest";
import { computeExposures } from "@/lib/engine/exposures";
import { computeFirmExposures, type FirmExposure, type FundExposures } from "@/lib/engine/firm";
import { DIMENSIONS, type Dimension, type Position, UNKNOWN } from "@/lib/engine/types";
import { position } from "@/tests/support/engine-fixtures";

/** A fund as its latest run would be: the engine's exposures of its positions. */
function fund(slug: string, positions: Position[], name = slug.toUpperCase()): FundExposures {
  const run = computeExposures(positions);
  return {
    slug,
    name,
    totalPortfolioValue: run.totalPortfolioValue,
    positionCount: run.positionCount,
    exposures: run.exposures,
  };
}

function bucket(rows: readonly FirmExposure[], dimension: Dimension, value: string): FirmExposure {
  const found = rows.find((r) => r.dimensionType === dimension && r.dimensionValue === value);
  if (!found) throw new Error(`no ${dimension}=${value}`);
  return found;
}

// Fund I: the 4.5M book; Fund II: 3.5M, all in Texas, one position with no strategy.
const fundI = fund("fund-i", [
  position({ strategy: "value_add", state: "CA", positionValue: 1_000_000 }),
  position({ strategy: "value_add", state: "TX", positionValue: 1_500_000 }),
  position({ strategy: "core_plus", state: "CA", positionValue: 2_000_000 }),
]);
const fundII = fund("fund-ii", [
  position({ strategy: "value_add", state: "TX", positionValue: 2_500_000 }),
  position({ strategy: null, state: "TX", positionValue: 1_000_000 }),
]);

describe("computeFirmExposures: two funds", () => {
  const firm = computeFirmExposures([fundI, fundII]);

  test("the firm's total is the sum of the funds' run totals; each fund's share of it", () => {
    expect(firm.totalValue).toBe(8_000_000);
    expect(firm.positionCount).toBe(5);
    expect(firm.funds).toEqual([
      { slug: "fund-i", name: "FUND-I", totalPortfolioValue: 4_500_000, sharePct: 56.25 },
      { slug: "fund-ii", name: "FUND-II", totalPortfolioValue: 3_500_000, sharePct: 43.75 },
    ]);
  });

  test.each([
    {
      label: "held by both: dollars summed (a tie: funds by name)",
      dimension: "strategy",
      value: "value_add",
      dollars: 5_000_000,
      pct: 62.5,
      funds: [
        { slug: "fund-i", name: "FUND-I", exposureValue: 2_500_000 },
        { slug: "fund-ii", name: "FUND-II", exposureValue: 2_500_000 },
      ],
    },
    {
      label: "held by one fund only",
      dimension: "strategy",
      value: "core_plus",
      dollars: 2_000_000,
      pct: 25,
      funds: [{ slug: "fund-i", name: "FUND-I", exposureValue: 2_000_000 }],
    },
    {
      label: "a fund's unknown bucket stays unknown",
      dimension: "strategy",
      value: UNKNOWN,
      dollars: 1_000_000,
      pct: 12.5,
      funds: [{ slug: "fund-ii", name: "FUND-II", exposureValue: 1_000_000 }],
    },
    {
      label: "Texas, in both",
      dimension: "state",
      value: "TX",
      dollars: 5_000_000,
      pct: 62.5,
      funds: [
        { slug: "fund-ii", name: "FUND-II", exposureValue: 3_500_000 },
        { slug: "fund-i", name: "FUND-I", exposureValue: 1_500_000 },
      ],
    },
  ] as const)("$label", ({ dimension, value, dollars, pct, funds }) => {
    const row = bucket(firm.exposures, dimension, value);
    expect(row.exposureValue).toBe(dollars);
    expect(row.exposurePct).toBeCloseTo(pct, 10);
    expect(row.funds).toEqual(funds);
  });

  test("ties between funds go by name (value_add: 2.5M each; core: 5 each)", () => {
    expect(bucket(firm.exposures, "strategy", "value_add").funds.map((f) => f.slug)).toEqual(["fund-i", "fund-ii"]);
    const tied = computeFirmExposures([
      fund("b", [position({ positionValue: 5 })], "Beta"),
      fund("a", [position({ positionValue: 5 })], "Alpha"),
    ]);
    expect(bucket(tied.exposures, "strategy", "core").funds.map((f) => f.name)).toEqual(["Alpha", "Beta"]);
  });

  test("every dimension sums to the firm's total and 100 %", () => {
    for (const dimension of DIMENSIONS) {
      const rows = firm.exposures.filter((e) => e.dimensionType === dimension);
      expect(
        rows.reduce((sum, r) => sum + r.exposureValue, 0),
        dimension,
      ).toBe(8_000_000);
      expect(
        rows.reduce((sum, r) => sum + r.exposurePct, 0),
        dimension,
      ).toBeCloseTo(100, 9);
    }
  });

  test("dimensions in order, largest first, unknown last even when it is the largest", () => {
    expect([...new Set(firm.exposures.map((e) => e.dimensionType))]).toEqual(DIMENSIONS);
    const big = computeFirmExposures([
      fund("x", [
        position({ strategy: null, positionValue: 9_000_000 }),
        position({ strategy: "core", positionValue: 1 }),
      ]),
    ]);
    expect(big.exposures.filter((e) => e.dimensionType === "strategy").map((e) => e.dimensionValue)).toEqual([
      "core",
      UNKNOWN,
    ]);
  });
});

describe("computeFirmExposures: money in whole cents", () => {
  // As floats, 0.1 + 0.2 is 0.30000000000000004, and large sums drift by a cent.
  const cents = [
    fund("a", [position({ strategy: "core", positionValue: 0.1 })]),
    fund("b", [position({ strategy: "core", positionValue: 0.2 })]),
    fund("c", [position({ strategy: "core", positionValue: 123_456_789_012.35 })]),
    fund("d", [position({ strategy: "core", positionValue: 987_654_321_098.41 })]),
  ];

  test("sums are exact to the cent", () => {
    const firm = computeFirmExposures(cents);
    expect(firm.totalValue).toBe(1_111_111_110_111.06);
    expect(bucket(firm.exposures, "strategy", "core").exposureValue).toBe(1_111_111_110_111.06);
    expect(computeFirmExposures(cents.slice(0, 2)).totalValue).toBe(0.3);
  });

  test("the order of the funds does not change a figure", () => {
    const forward = computeFirmExposures(cents);
    const backward = computeFirmExposures([...cents].reverse());
    expect(backward.totalValue).toBe(forward.totalValue);
    for (const row of forward.exposures)
      expect(bucket(backward.exposures, row.dimensionType, row.dimensionValue).exposureValue).toBe(row.exposureValue);
  });

  test("an owned share is counted as the fund's run counts it (60 % of 1,000,000.05 is 600,000.03)", () => {
    const firm = computeFirmExposures([
      fund("jv", [position({ strategy: "core", positionValue: 1_000_000.05, ownershipPct: 60 })]),
    ]);
    expect(firm.totalValue).toBe(600_000.03);
  });
});

describe("computeFirmExposures: nothing to add", () => {
  test("no funds: a zero total and no rows", () => {
    expect(computeFirmExposures([])).toEqual({ totalValue: 0, positionCount: 0, funds: [], exposures: [] });
  });
});
