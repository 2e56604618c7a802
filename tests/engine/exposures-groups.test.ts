import { describe, expect, test } from "vitest";
import type { GroupedPositions } from "@/lib/engine/exposures";
import { bucketsFor, computeExposures, computeExposuresFromGroups } from "@/lib/engine/exposures";
import type { Position } from "@/lib/engine/types";
import { position } from "@/tests/support/engine-fixtures";

// What the database hands the engine for a stored run: each dimension summed per raw stored value.
// Built here from positions the way GROUP BY GROUPING SETS builds it, exact sums included.
function groupsOf(positions: readonly Position[]): GroupedPositions {
  const sumBy = <K extends string | number>(key: (p: Position) => K | null) => {
    const sums = new Map<K | null, { cents: bigint; count: number }>();
    for (const p of positions) {
      const sum = sums.get(key(p)) ?? { cents: 0n, count: 0 };
      sums.set(key(p), { cents: sum.cents + BigInt(Math.round(p.positionValue * 100)), count: sum.count + 1 });
    }
    return [...sums].map(([k, s]) => ({ key: k, value: Number(s.cents) / 100, count: s.count }));
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
    { label: "a single position", positions: [position({ positionValue: 0.01 })] },
    { label: "an empty portfolio", positions: [] },
  ])("$label", ({ positions }) => {
    expect(computeExposuresFromGroups(groupsOf(positions))).toEqual(computeExposures(positions));
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
        { key: "core", value: 4, count: 2 },
        { key: "unknown", value: 1, count: 1 },
        { key: null, value: 5, count: 3 },
      ],
      state: [{ key: "TX", value: 10, count: 6 }],
      msa: [{ key: null, value: 10, count: 6 }],
      vintage: [
        { key: 1987, value: 3, count: 2 },
        { key: 1980, value: 3, count: 1 },
        { key: 1899, value: 4, count: 3 },
      ],
      construction_type: [{ key: "garden", value: 10, count: 6 }],
      rent_band: [{ key: "market", value: 10, count: 6 }],
    },
  });

  test.each([
    {
      label: "missing and spelled-out unknown are one bucket, last",
      dimension: "strategy",
      buckets: [
        ["core", 4, 40, 2],
        ["unknown", 6, 60, 4],
      ],
    },
    {
      label: "years are summed by decade",
      dimension: "vintage",
      buckets: [
        ["1980s", 6, 60, 3],
        ["1890s", 4, 40, 3],
      ],
    },
    { label: "a dimension nobody filled in is all unknown", dimension: "msa", buckets: [["unknown", 10, 100, 6]] },
  ] as const)("$label", ({ dimension, buckets }) => {
    expect(
      bucketsFor(result, dimension).map((b) => [b.dimensionValue, b.exposureValue, b.exposurePct, b.positionCount]),
    ).toEqual(buckets);
  });

  test("total, count and concentration come through", () => {
    expect(result.totalPortfolioValue).toBe(10);
    expect(result.positionCount).toBe(6);
    expect(result.concentration.strategy).toMatchObject({ count: 1, top1Pct: 40, coveragePct: 40 });
  });
});
