import { describe, expect, test } from "vitest";
import { buildDials } from "@/lib/engine/dashboard";
import { bucketsFor, computeExposures } from "@/lib/engine/exposures";
import { basisBuckets, evaluateLimits } from "@/lib/engine/limit-kinds";
import { evaluateScenario } from "@/lib/engine/scenario";
import type { Dimension, Limit, Position } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// The units basis (issue 10): exposure counted in owned doors. A position owns units × ownership
// share, to the hundredth of a unit (half up, as money rounds to the cent); a position without
// units has none and, on the units basis, is missing data like a missing attribute.

const unitsOf = (positions: readonly Position[], dimension: Dimension) =>
  bucketsFor(computeExposures(positions), dimension).map((b) => [
    b.dimensionValue,
    b.exposureUnits,
    b.unitsCount,
    b.positionCount,
  ]);

describe("owned units per bucket: units × ownership, to the hundredth, half up", () => {
  test.each([
    { label: "wholly owned", positions: [position({ units: 240 })], expected: [["core", 240, 1, 1]] },
    {
      label: "half of 25 doors is 12.5",
      positions: [position({ units: 25, ownershipPct: 50 })],
      expected: [["core", 12.5, 1, 1]],
    },
    {
      label: "a third of 7 doors (2.333331) rounds down to 2.33",
      positions: [position({ units: 7, ownershipPct: 33.3333 })],
      expected: [["core", 2.33, 1, 1]],
    },
    {
      label: "rounded per position: three thirds of 7 doors are 6.99, not 7",
      positions: [1, 2, 3].map(() => position({ units: 7, ownershipPct: 33.3333 })),
      expected: [["core", 6.99, 3, 3]],
    },
    {
      label: "exactly half a hundredth rounds up (1 door at 0.5 %)",
      positions: [position({ units: 1, ownershipPct: 0.5 })],
      expected: [["core", 0.01, 1, 1]],
    },
    {
      label: "just under half a hundredth rounds down (1 door at 0.4999 %)",
      positions: [position({ units: 1, ownershipPct: 0.4999 })],
      expected: [["core", 0, 1, 1]],
    },
    {
      label: "a position without units owns none and is not counted",
      positions: [position({ units: null }), position({ units: 80 })],
      expected: [["core", 80, 1, 2]],
    },
    {
      label: "0 units count as a position with units",
      positions: [position({ units: 0 })],
      expected: [["core", 0, 1, 1]],
    },
    {
      label: "the unknown bucket holds the units of positions missing the attribute",
      positions: [position({ strategy: null, units: 30 }), position({ strategy: "unknown", units: null })],
      expected: [["unknown", 30, 1, 2]],
    },
    {
      label: "the most doors a position may have, at 33.3333 % (a product past 2^53, still exact)",
      positions: [position({ units: 2_147_483_647, ownershipPct: 33.3333 })],
      expected: [["core", 715_827_166.51, 1, 1]],
    },
  ])("$label", ({ positions, expected }) => {
    expect(unitsOf(positions, "strategy")).toEqual(expected);
  });

  test("vintage decades add their years' units", () => {
    const positions = [
      position({ vintage: 1981, units: 10 }),
      position({ vintage: 1989, units: 5, ownershipPct: 50 }),
      position({ vintage: null, units: 3 }),
    ];
    expect(unitsOf(positions, "vintage")).toEqual([
      ["1980s", 12.5, 2, 2],
      ["unknown", 3, 1, 1],
    ]);
  });
});

describe("basisBuckets on units", () => {
  const onUnits = (positions: readonly Position[], dimension: Dimension = "state") =>
    basisBuckets(computeExposures(positions).exposures, "units")
      .filter((b) => b.dimensionType === dimension)
      .map((b) => [b.dimensionValue, b.exposureValue, b.exposurePct, b.positionCount]);

  test.each([
    {
      label: "each value's owned units and their share of the dimension's units, largest first",
      // CA holds more value, TX more doors.
      positions: [
        position({ state: "CA", units: 100, positionValue: 9_000_000 }),
        position({ state: "TX", units: 200 }),
        position({ state: "TX", units: 100 }),
      ],
      expected: [
        ["TX", 300, 75, 2],
        ["CA", 100, 25, 1],
      ],
    },
    {
      label: "a value none of whose positions has units moves to unknown",
      positions: [position({ state: "TX", units: 100 }), position({ state: "AZ", units: null })],
      expected: [
        ["TX", 100, 100, 1],
        ["unknown", 0, 0, 1],
      ],
    },
    {
      label: "a value keeps its positions with units; the others count in unknown",
      positions: [
        position({ state: "TX", units: 60 }),
        position({ state: "TX", units: null }),
        position({ state: null, units: 20 }),
      ],
      expected: [
        ["TX", 60, 75, 1],
        ["unknown", 20, 25, 2],
      ],
    },
    {
      label: "unknown is last even when it holds the most units",
      positions: [position({ state: "TX", units: 1 }), position({ state: null, units: 999 })],
      expected: [
        ["TX", 1, 0.1, 1],
        ["unknown", 999, 99.9, 1],
      ],
    },
    {
      label: "ties by name",
      positions: [position({ state: "TX", units: 50 }), position({ state: "AZ", units: 50, positionValue: 1 })],
      expected: [
        ["AZ", 50, 50, 1],
        ["TX", 50, 50, 1],
      ],
    },
    {
      label: "0 units stay a value; with no units anywhere every share is 0",
      positions: [position({ state: "TX", units: 0 }), position({ state: "CA", units: null })],
      expected: [
        ["TX", 0, 0, 1],
        ["unknown", 0, 0, 1],
      ],
    },
    {
      label: "fractional units from ownership",
      positions: [position({ state: "TX", units: 25, ownershipPct: 50 }), position({ state: "CA", units: 75 })],
      expected: [
        ["CA", 75, 85.71428571428571, 1],
        ["TX", 12.5, 14.285714285714285, 1],
      ],
    },
    { label: "an empty book has no buckets", positions: [], expected: [] },
  ])("$label", ({ positions, expected }) => {
    expect(onUnits(positions)).toEqual(expected);
  });

  test("each dimension's shares are of its own units, in DIMENSIONS order", () => {
    const positions = [position({ strategy: "core", units: 10 }), position({ strategy: "value_add", units: 30 })];
    const buckets = basisBuckets(computeExposures(positions).exposures, "units");
    expect(buckets.filter((b) => b.dimensionType === "strategy").map((b) => b.exposurePct)).toEqual([75, 25]);
    expect(buckets.filter((b) => b.dimensionType === "state").map((b) => [b.dimensionValue, b.exposurePct])).toEqual([
      ["TX", 100],
    ]);
    expect(buckets.map((b) => b.dimensionType).filter((d, i, all) => all[i - 1] !== d)).toEqual([
      "strategy",
      "state",
      "msa",
      "vintage",
      "construction_type",
      "rent_band",
      "region",
    ]);
    expect(buckets.filter((b) => b.dimensionType === "region").map((b) => [b.dimensionValue, b.exposurePct])).toEqual([
      ["south", 100],
    ]);
  });
});

const onState = (overrides: Partial<Limit>) =>
  limit({ dimensionType: "state", basis: "units", thresholdPct: null, ...overrides });

describe("amount limits on units: exact to the hundredth", () => {
  const book = (units: number, ownershipPct = 100) => [
    position({ state: "TX", units, ownershipPct }),
    position({ state: "CA", units: 10 }),
  ];

  test.each([
    { label: "1,240 units over a maximum of 1,000", units: 1240, share: 100, line: 1000, past: 240 },
    { label: "exactly on the line", units: 1000, share: 100, line: 1000, past: null },
    { label: "a unit under it", units: 999, share: 100, line: 1000, past: null },
    { label: "a unit over it", units: 1001, share: 100, line: 1000, past: 1 },
    {
      label: "half of 2,001 doors (1,000.5) a hundredth over 1,000.49",
      units: 2001,
      share: 50,
      line: 1000.49,
      past: 0.01,
    },
    { label: "half of 2,001 doors on a line of 1,000.5", units: 2001, share: 50, line: 1000.5, past: null },
    { label: "half of 2,001 doors a hundredth under 1,000.51", units: 2001, share: 50, line: 1000.51, past: null },
    {
      label: "a third of 7 doors (2.33) on 2.33: the unrounded 2.333331 does not count",
      units: 7,
      share: 33.3333,
      line: 2.33,
      past: null,
    },
  ])("$label", ({ units, share, line, past }) => {
    const breaches = evaluateLimits(computeExposures(book(units, share)).exposures, [
      onState({ kind: "amount", dimensionValue: "TX", thresholdAmount: line }),
    ]);
    expect(breaches.map((b) => b.breachPct)).toEqual(past === null ? [] : [past]);
  });

  test.each([
    {
      label: "whole units",
      units: 1240,
      share: 100,
      line: 1000,
      type: "maximum" as const,
      message: "Exposure threshold breached: state='TX' at 1,240 units exceeds maximum of 1,000 units",
    },
    {
      label: "fractional units, up to two decimals",
      units: 2001,
      share: 50,
      line: 1000.49,
      type: "maximum" as const,
      message: "Exposure threshold breached: state='TX' at 1,000.5 units exceeds maximum of 1,000.49 units",
    },
    {
      label: "a minimum",
      units: 7,
      share: 33.3333,
      line: 12,
      type: "minimum" as const,
      message: "Exposure threshold breached: state='TX' at 2.33 units below minimum of 12 units",
    },
  ])("the message and unit: $label", ({ units, share, line, type, message }) => {
    const [breach] = evaluateLimits(computeExposures(book(units, share)).exposures, [
      onState({ id: "doors", kind: "amount", dimensionValue: "TX", thresholdType: type, thresholdAmount: line }),
    ]);
    expect(breach).toMatchObject({
      limitId: "doors",
      kind: "amount",
      basis: "units",
      dimensionValue: "TX",
      thresholdType: type,
      thresholdPct: line,
      breachUnit: "units",
      message,
    });
  });

  test("a line given past the hundredth counts as stored, to the hundredth: 1,000 units are not below 1,000.004", () => {
    const breaches = evaluateLimits(computeExposures(book(1000)).exposures, [
      onState({ kind: "amount", dimensionValue: "TX", thresholdType: "minimum", thresholdAmount: 1000.004 }),
    ]);
    expect(breaches).toEqual([]);
  });

  test("a value whose positions have no units stands at 0 units against a minimum", () => {
    const positions = [position({ state: "TX", units: 100 }), position({ state: "AZ", units: null })];
    const [breach] = evaluateLimits(computeExposures(positions).exposures, [
      onState({ kind: "amount", dimensionValue: "AZ", thresholdType: "minimum", thresholdAmount: 50 }),
    ]);
    expect(breach?.message).toBe("Exposure threshold breached: state='AZ' at 0 units below minimum of 50 units");
  });
});

describe("share and top_n limits on units", () => {
  // $9M and 100 doors in CA; $2M and 300 doors in TX; $1M and 100 doors in AZ; one NY position without units.
  const positions = [
    position({ state: "CA", units: 100, positionValue: 9_000_000 }),
    position({ state: "TX", units: 300, positionValue: 2_000_000 }),
    position({ state: "AZ", units: 100 }),
    position({ state: "NY", units: null, positionValue: 5_000_000 }),
  ];
  const exposures = computeExposures(positions).exposures;

  test.each([
    { label: "TX holds 60 % of the doors, over 50 %", line: 50, breached: [["TX", 60]] },
    { label: "on the line is within", line: 60, breached: [] },
    {
      label: "every known value over 15 %: unknown (NY) is not one",
      line: 15,
      breached: [
        ["TX", 60],
        ["AZ", 20],
        ["CA", 20],
      ],
    },
  ])("share: $label", ({ line, breached }) => {
    const found = evaluateLimits(exposures, [onState({ kind: "share", thresholdPct: line })]);
    expect(found.map((b) => [b.dimensionValue, b.exposurePct])).toEqual(breached);
    expect(found.every((b) => b.basis === "units" && b.breachUnit === "pp")).toBe(true);
  });

  test("share on units reads like share on value", () => {
    const [breach] = evaluateLimits(exposures, [onState({ kind: "share", dimensionValue: "TX", thresholdPct: 50 })]);
    expect(breach?.message).toBe("Exposure threshold breached: state='TX' at 60.0% exceeds maximum of 50.0%");
    // On value, CA (9 of 17M) leads and TX is 11.8 %: within.
    expect(
      evaluateLimits(exposures, [limit({ dimensionType: "state", dimensionValue: "TX", thresholdPct: 50 })]),
    ).toEqual([]);
  });

  test.each([
    { label: "top 1 (TX) at 60 % over 55 %", n: 1, line: 55, share: 60 },
    { label: "top 2 at 80 % over 79.9 %", n: 2, line: 79.9, share: 80 },
    { label: "top 3 at 100 % on 100 %", n: 3, line: 100, share: null },
  ])("top_n: $label", ({ n, line, share }) => {
    const found = evaluateLimits(exposures, [onState({ kind: "top_n", topN: n, thresholdPct: line })]);
    expect(found.map((b) => b.exposurePct)).toEqual(share === null ? [] : [share]);
  });

  test("count and hhi count the values with units", () => {
    const [count] = evaluateLimits(exposures, [
      onState({ kind: "count", thresholdType: "minimum", thresholdCount: 4 }),
    ]);
    expect(count?.message).toBe("Diversification threshold breached: state count 3 below minimum of 4");
    // Shares 60 / 20 / 20: 3,600 + 400 + 400.
    const [hhi] = evaluateLimits(exposures, [onState({ kind: "hhi", thresholdHhi: 4000 })]);
    expect(hhi?.message).toBe("Concentration threshold breached: state HHI 4,400 exceeds maximum of 4,000");
  });

  test("the state dial turns red on a units breach", () => {
    const result = computeExposures(positions);
    const dial = (limits: Limit[]) => buildDials(result, limits).find((d) => d.dimensionType === "state");
    expect(dial([onState({ kind: "share", dimensionValue: "TX", thresholdPct: 50 })])?.status).toBe("breach");
    // On the line is no breach, but near (as on value).
    expect(dial([onState({ kind: "share", dimensionValue: "TX", thresholdPct: 60 })])?.status).toBe("near");
    expect(dial([onState({ kind: "share", dimensionValue: "TX", thresholdPct: 70 })])?.status).toBe("within");
  });
});

describe("what-if breaches on units", () => {
  const book = [
    position({ positionId: "A", state: "TX", units: 100 }),
    position({ positionId: "B", state: "CA", units: 100 }),
  ];
  const cap = onState({ id: "doors", kind: "amount", dimensionValue: "TX", thresholdAmount: 150 });

  test.each([
    {
      label: "buying 51 more TX doors breaches the 150-unit cap",
      trade: { action: "buy" as const, position: position({ positionId: "N", state: "TX", units: 51 }) },
      change: [["new", 100, 151]],
    },
    {
      label: "buying half of 101 doors (50.5) crosses it by half a unit",
      trade: {
        action: "buy" as const,
        position: position({ positionId: "N", state: "TX", units: 101, ownershipPct: 50 }),
      },
      change: [["new", 100, 150.5]],
    },
    {
      label: "buying 50 doors lands on it",
      trade: { action: "buy" as const, position: position({ positionId: "N", state: "TX", units: 50 }) },
      change: [],
    },
    {
      label: "a purchase without units changes nothing on units",
      trade: { action: "buy" as const, position: position({ positionId: "N", state: "TX", units: null }) },
      change: [],
    },
  ])("$label", ({ trade, change }) => {
    const result = evaluateScenario(book, [trade], [], [cap]);
    if (!result.ok) throw new Error("the scenario should apply");
    expect(result.value.breaches.map((b) => [b.change, b.beforePct, b.afterPct])).toEqual(change);
    expect(result.value.breaches.every((b) => b.basis === "units" && b.breachUnit === "units")).toBe(true);
  });

  test("selling the TX position clears a breach", () => {
    const result = evaluateScenario(
      book,
      [{ action: "sell", positionId: "A", value: null }],
      [],
      [onState({ kind: "amount", dimensionValue: "TX", thresholdAmount: 50 })],
    );
    if (!result.ok) throw new Error("the scenario should apply");
    expect(result.value.breaches.map((b) => [b.change, b.beforePct, b.afterPct])).toEqual([["cleared", 100, 0]]);
  });
});
