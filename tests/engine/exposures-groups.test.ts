import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { GroupedPositions } from "@/lib/engine/exposures";
import { bucketsFor, computeExposures, computeExposuresFromGroups } from "@/lib/engine/exposures";
import type { Position } from "@/lib/engine/types";
import { position } from "@/tests/support/engine-fixtures";

/** x × share / 100 in hundredths, half up, exactly: the database's round(x * share / 100, 2). */
function ownedHundredths(amount: number, ownershipPct: number): bigint {
  const share = BigInt(Math.round(ownershipPct * 1e4));
  return (BigInt(Math.round(amount * 100)) * share + 500_000n) / 1_000_000n;
}

// What the database hands the engine for a stored run: each dimension summed per raw stored value.
// Built here from positions the way GROUP BY GROUPING SETS builds it, exact sums included: the owned
// value, the owned units of the positions that have units (SUM skips a null) and COUNT(units).
function groupsOf(positions: readonly Position[]): GroupedPositions {
  const sumBy = <K extends string | number>(key: (p: Position) => K | null) => {
    const sums = new Map<K | null, { cents: bigint; count: number; units: bigint; unitsCount: number }>();
    for (const p of positions) {
      const sum = sums.get(key(p)) ?? { cents: 0n, count: 0, units: 0n, unitsCount: 0 };
      sums.set(key(p), {
        cents: sum.cents + ownedHundredths(p.positionValue, p.ownershipPct),
        count: sum.count + 1,
        units: sum.units + (p.units === null ? 0n : ownedHundredths(p.units, p.ownershipPct)),
        unitsCount: sum.unitsCount + (p.units === null ? 0 : 1),
      });
    }
    return [...sums].map(([k, s]) => ({
      key: k,
      value: Number(s.cents) / 100,
      count: s.count,
      units: Number(s.units) / 100,
      unitsCount: s.unitsCount,
    }));
  };
  const [total] = sumBy(() => "all");
  return {
    totalValue: total?.value ?? 0,
    positionCount: total?.count ?? 0,
    groups: {
      strategy: sumBy((p) => p.strategy),
      state: sumBy((p) => p.state),
      msa: sumBy((p) => p.msaId),
      vintage: sumBy((p) => p.vintage),
      construction_type: sumBy((p) => p.constructionType),
      rent_band: sumBy((p) => p.rentBand),
    },
  };
}

describe("computeExposuresFromGroups: the same result as computeExposures", () => {
  test.each([
    {
      label: "the 4.5M portfolio",
      positions: [
        position({ strategy: "value_add", state: "CA", positionValue: 1_000_000 }),
        position({ strategy: "value_add", state: "TX", positionValue: 1_500_000 }),
        position({ strategy: "core_plus", state: "CA", positionValue: 2_000_000 }),
      ],
    },
    {
      label: "missing attributes and a value spelled unknown",
      positions: [
        position({ msaId: null, vintage: null, strategy: "unknown" }),
        position({ strategy: null, rentBand: null, positionValue: 3_000_000 }),
        position({ constructionType: null, positionValue: 0.01 }),
      ],
    },
    {
      label: "years of one decade in separate groups, and decade edges",
      positions: [1987, 1980, 1989, 1899, 1900, 2029, 12_345].map((vintage) => position({ vintage })),
    },
    {
      // Added up as float dollars, 22 of these come to 21,999,999,999,999.77, a cent short.
      label: "amounts whose float sum misses the cent",
      positions: Array.from({ length: 22 }, (_, i) =>
        position({ state: i % 2 ? "CA" : "TX", positionValue: 999_999_999_999.99 }),
      ),
    },
    {
      label: "units missing, 0 and owned in part (a third of 7 doors is 2.33)",
      positions: [
        position({ units: null }),
        position({ units: 0, strategy: null }),
        position({ units: 7, ownershipPct: 33.3333 }),
        position({ units: 1, ownershipPct: 50, vintage: null }),
      ],
    },
    { label: "a single position", positions: [position({ positionValue: 0.01 })] },
    { label: "an empty portfolio", positions: [] },
  ])("$label", ({ positions }) => {
    expect(computeExposuresFromGroups(groupsOf(positions))).toEqual(computeExposures(positions));
  });

  const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: null, freq: 4 });
  const randomPosition = fc.record({
    positionId: fc.constant(null),
    assetId: fc.constant(null),
    msaId: maybe(["12420", "19100", "38060"]),
    strategy: maybe(["core", "value_add", "unknown"]),
    state: maybe(["TX", "CA", "AZ"]),
    vintage: maybe([1969, 1975, 1988, 2020, 12_345]),
    constructionType: maybe(["garden", "mid_rise"]),
    rentBand: maybe(["market"]),
    // Up to $2 trillion: 40 of them stay below 2^53 cents, where sums in cents are exact.
    positionValue: fc.integer({ min: 1, max: 200_000_000_000_000 }).map((c) => c / 100),
    units: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 5_000 }), fc.constant(2_147_483_647)),
    ownershipPct: fc.constantFrom(100, 50, 33.3333, 12.5, 0.0001, 99.9999),
  });

  test("random books with units and ownership shares: equal to the last bit", () => {
    fc.assert(
      fc.property(fc.array(randomPosition, { maxLength: 40 }), (positions) => {
        expect(computeExposuresFromGroups(groupsOf(positions))).toEqual(computeExposures(positions));
      }),
      { numRuns: 300 },
    );
  });
});

test("computeExposures adds money exactly to the cent", () => {
  const book = Array.from({ length: 22 }, () => position({ positionValue: 999_999_999_999.99 }));
  expect(computeExposures(book).totalPortfolioValue.toFixed(2)).toBe("21999999999999.78");
});

describe("computeExposuresFromGroups: buckets raw stored values", () => {
  const result = computeExposuresFromGroups({
    totalValue: 10,
    positionCount: 6,
    groups: {
      strategy: [
        { key: "core", value: 4, count: 2, units: 150.5, unitsCount: 2 },
        { key: "unknown", value: 1, count: 1, units: 0, unitsCount: 0 },
        { key: null, value: 5, count: 3, units: 40, unitsCount: 1 },
      ],
      state: [{ key: "TX", value: 10, count: 6, units: 190.5, unitsCount: 3 }],
      msa: [{ key: null, value: 10, count: 6, units: 190.5, unitsCount: 3 }],
      vintage: [
        { key: 1987, value: 3, count: 2, units: 100, unitsCount: 1 },
        { key: 1980, value: 3, count: 1, units: 50.5, unitsCount: 1 },
        { key: 1899, value: 4, count: 3, units: 40, unitsCount: 1 },
      ],
      construction_type: [{ key: "garden", value: 10, count: 6, units: 190.5, unitsCount: 3 }],
      rent_band: [{ key: "market", value: 10, count: 6, units: 190.5, unitsCount: 3 }],
    },
  });

  test.each([
    {
      label: "missing and spelled-out unknown are one bucket, last",
      dimension: "strategy",
      buckets: [
        ["core", 4, 40, 2, 150.5, 2],
        ["unknown", 6, 60, 4, 40, 1],
      ],
    },
    {
      label: "years are summed by decade, units too",
      dimension: "vintage",
      buckets: [
        ["1980s", 6, 60, 3, 150.5, 2],
        ["1890s", 4, 40, 3, 40, 1],
      ],
    },
    {
      label: "a dimension nobody filled in is all unknown",
      dimension: "msa",
      buckets: [["unknown", 10, 100, 6, 190.5, 3]],
    },
  ] as const)("$label", ({ dimension, buckets }) => {
    expect(
      bucketsFor(result, dimension).map((b) => [
        b.dimensionValue,
        b.exposureValue,
        b.exposurePct,
        b.positionCount,
        b.exposureUnits,
        b.unitsCount,
      ]),
    ).toEqual(buckets);
  });

  test("total, count and concentration come through", () => {
    expect(result.totalPortfolioValue).toBe(10);
    expect(result.positionCount).toBe(6);
    expect(result.concentration.strategy).toMatchObject({ count: 1, top1Pct: 40, coveragePct: 40 });
  });
});
