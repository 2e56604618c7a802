import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { GroupedPositions, PositionGroup } from "@/lib/engine/exposures";
import {
  evaluateScenario,
  evaluateScenarioOnGroups,
  movedByShocks,
  namedPositionIds,
  type Shock,
  type Trade,
} from "@/lib/engine/scenario";
import { ownedCents } from "@/lib/engine/tally";
import { DIMENSIONS, type Limit, type Position } from "@/lib/engine/types";
import { limit } from "@/tests/support/engine-fixtures";

// The what-if the REST API answers without reading the book (evaluateScenarioOnGroups: the run's
// sums plus the positions the trades name and the shocks move) must equal the what-if over every
// position, exactly.

/**
 * The book's owned values and units summed per raw value of each dimension, as the database's
 * GROUPING SETS sums them (units to the hundredth, like cents; COUNT(units) skips a missing one).
 */
function groupsOf(positions: readonly Position[]): GroupedPositions {
  const sum = <K extends string | number>(key: (p: Position) => K | null): PositionGroup<K>[] => {
    const byKey = new Map<K | null, { cents: number; count: number; hundredths: number; unitsCount: number }>();
    for (const p of positions) {
      const k = key(p);
      const g = byKey.get(k) ?? { cents: 0, count: 0, hundredths: 0, unitsCount: 0 };
      g.cents += ownedCents(p.positionValue, p.ownershipPct);
      g.count += 1;
      if (p.units !== null) {
        g.hundredths += ownedCents(p.units, p.ownershipPct);
        g.unitsCount += 1;
      }
      byKey.set(k, g);
    }
    return [...byKey].map(([k, g]) => ({
      key: k,
      value: g.cents / 100,
      count: g.count,
      units: g.hundredths / 100,
      unitsCount: g.unitsCount,
    }));
  };
  const cents = positions.reduce((total, p) => total + ownedCents(p.positionValue, p.ownershipPct), 0);
  return {
    totalValue: cents / 100,
    positionCount: positions.length,
    groups: {
      strategy: sum((p) => p.strategy),
      state: sum((p) => p.state),
      msa: sum((p) => p.msaId),
      vintage: sum((p) => p.vintage),
      construction_type: sum((p) => p.constructionType),
      rent_band: sum((p) => p.rentBand),
    },
  };
}

const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: null, freq: 4 });
const cents = fc.integer({ min: 1, max: 5_000_000_000 }).map((c) => c / 100);
const attributes = fc.record({
  assetId: fc.constant(null),
  msaId: maybe(["12420", "19100", "38060"]),
  strategy: maybe(["core", "value_add", "unknown"]),
  state: maybe(["TX", "CA", "AZ"]),
  vintage: maybe([1969, 1975, 1988, 2020]),
  constructionType: maybe(["garden", "mid_rise"]),
  rentBand: maybe(["market"]),
  positionValue: cents,
  // Missing, none, a few doors, the most a position may have.
  units: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 999 }), fc.constant(2_147_483_647)),
  ownershipPct: fc.constantFrom(100, 100, 50, 33.3333, 0.0001, 99.9999),
});

const book = fc.array(attributes, { minLength: 0, maxLength: 12 }).map((rows) =>
  // Some positions have no position_id: they cannot be traded, only counted.
  rows.map((row, i): Position => ({ ...row, positionId: i % 4 === 3 ? null : `P${i}` })),
);

function tradesFor(positions: Position[]) {
  const ids = positions.flatMap((p) => p.positionId ?? []);
  const id = ids.length ? fc.constantFrom(...ids, "P99") : fc.constant("P99");
  const trade: fc.Arbitrary<Trade> = fc.oneof(
    attributes.map((a) => ({ action: "buy" as const, position: { ...a, positionId: null } })),
    fc.record({ action: fc.constant("buy" as const), position: attributes.map((a) => ({ ...a, positionId: "N1" })) }),
    fc.record({ action: fc.constant("sell" as const), positionId: id, value: fc.option(cents, { nil: null }) }),
    fc.record({ action: fc.constant("revalue" as const), positionId: id, positionValue: cents }),
  );
  return fc.array(trade, { maxLength: 5 });
}

const shock: fc.Arbitrary<Shock> = fc.oneof(
  fc.record({
    dimensionType: fc.constant("state" as const),
    dimensionValue: fc.constantFrom("TX", "CA", "unknown", null),
    valueChangePct: fc.double({ min: -99, max: 200, noNaN: true }),
  }),
  fc.record({
    dimensionType: fc.constant("vintage" as const),
    dimensionValue: fc.constantFrom("1960s", "1970s", "unknown", null),
    valueChangePct: fc.integer({ min: -50, max: 50 }),
  }),
  fc.record({
    dimensionType: fc.constant("strategy" as const),
    dimensionValue: fc.constantFrom("core", "unknown", null),
    valueChangePct: fc.constantFrom(-33.333, 12.5, 0),
  }),
);

const limits: Limit[] = DIMENSIONS.flatMap((dimensionType, i) => [
  {
    ...limit({}),
    id: `max-${dimensionType}`,
    dimensionType,
    dimensionValue: null,
    thresholdPct: 30 + i * 5,
    thresholdType: "maximum" as const,
    severityLevel: "warning" as const,
    isActive: true,
  },
  {
    ...limit({}),
    id: `min-${dimensionType}`,
    dimensionType,
    dimensionValue: dimensionType === "state" ? "AZ" : null,
    thresholdPct: 10,
    thresholdType: "minimum" as const,
    severityLevel: "critical" as const,
    isActive: true,
  },
  // On the units basis: each value's share of the owned units, an amount in units, the top two.
  limit({ id: `units-share-${dimensionType}`, dimensionType, basis: "units", thresholdPct: 40 }),
  limit({
    id: `units-amount-${dimensionType}`,
    dimensionType,
    kind: "amount",
    basis: "units",
    thresholdPct: null,
    thresholdAmount: 500.5,
  }),
  limit({ id: `units-top-${dimensionType}`, dimensionType, kind: "top_n", basis: "units", topN: 2, thresholdPct: 70 }),
]);

describe("evaluateScenarioOnGroups", () => {
  test("equals evaluateScenario over every position, to the last bit, on random books, trades and shocks", () => {
    const scenario = book.chain((positions) =>
      fc.tuple(fc.constant(positions), tradesFor(positions), fc.array(shock, { maxLength: 3 })),
    );
    let evaluated = 0;
    let onUnits = 0;
    fc.assert(
      fc.property(scenario, ([positions, trades, shocks]) => {
        const ids = new Set(namedPositionIds(trades));
        const touched = positions.filter(
          (p) => (p.positionId !== null && ids.has(p.positionId)) || movedByShocks(p, shocks),
        );
        const full = evaluateScenario(positions, trades, shocks, limits);
        const grouped = evaluateScenarioOnGroups(groupsOf(positions), touched, trades, shocks, limits);
        expect(grouped).toEqual(full);
        if (full.ok) evaluated += 1;
        if (full.ok && full.value.breaches.some((b) => b.basis === "units" && b.change !== "same")) onUnits += 1;
      }),
      { numRuns: 500 },
    );
    // Most scenarios apply (a sale of P99 or a second N1 does not): the comparison is not all refusals.
    expect(evaluated).toBeGreaterThan(150);
    // Units move breaches too: the units limits are compared, not just carried along.
    expect(onUnits).toBeGreaterThan(25);
  });
});
