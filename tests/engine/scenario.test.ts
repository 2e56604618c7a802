import { describe, expect, test } from "vitest";
import { computeExposures } from "@/lib/engine/exposures";
import { normalizeDimensionValue } from "@/lib/engine/normalize";
import {
  applyScenario,
  type BreachChangeKind,
  capacity,
  evaluateScenario,
  maxAcquisition,
  parseShocks,
  parseTrades,
  type Shock,
  type Trade,
} from "@/lib/engine/scenario";
import type { Limit, Position } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// A $1,000,000 book. strategy: core 40 %, value_add 40 %, core_plus 20 %; state: TX 50 %,
// CA 30 %, NY 20 %; vintage: 1970s 40 %, 1980s 10 %, 2000s 20 %, unknown 30 %.
const BOOK: Position[] = [
  position({ positionId: "P1", strategy: "core", state: "TX", vintage: 1975, positionValue: 400_000 }),
  position({ positionId: "P2", strategy: "value_add", state: "TX", vintage: 1985, positionValue: 100_000 }),
  position({ positionId: "P3", strategy: "value_add", state: "CA", vintage: null, positionValue: 300_000 }),
  position({ positionId: "P4", strategy: "core_plus", state: "NY", vintage: 2005, positionValue: 200_000 }),
];
const TODAY = computeExposures(BOOK);

const buy = (overrides: Partial<Position>): Trade => ({
  action: "buy",
  position: position({ positionId: null, ...overrides }),
});
const sell = (positionId: string, value: number | null = null): Trade => ({ action: "sell", positionId, value });
const revalue = (positionId: string, positionValue: number): Trade => ({
  action: "revalue",
  positionId,
  positionValue,
});
const shock = (
  dimensionType: Shock["dimensionType"],
  dimensionValue: string | null,
  valueChangePct: number,
): Shock => ({
  dimensionType,
  dimensionValue,
  valueChangePct,
});

function heldValue(positions: Position[], id: string): number | undefined {
  return positions.find((p) => p.positionId === id)?.positionValue;
}

function applied(trades: Trade[], shocks: Shock[] = []): Position[] {
  const result = applyScenario(BOOK, trades, shocks);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe("applyScenario: trades, then shocks, on a copy of the book", () => {
  test.each([
    {
      label: "buy adds a position",
      trades: [buy({ positionId: "P5", positionValue: 50_000 })],
      count: 5,
      total: 1_050_000,
    },
    { label: "sell removes a position", trades: [sell("P2")], count: 3, total: 900_000 },
    { label: "a partial sell reduces it", trades: [sell("P1", 150_000)], count: 4, total: 850_000 },
    { label: "selling exactly its value removes it", trades: [sell("P1", 400_000)], count: 3, total: 600_000 },
    { label: "revalue sets a value", trades: [revalue("P4", 260_000)], count: 4, total: 1_060_000 },
    {
      label: "trades apply in order: revalue, then sell part of the new value",
      trades: [revalue("P4", 260_000), sell("P4", 60_000)],
      count: 4,
      total: 1_000_000,
    },
  ])("$label", ({ trades, count, total }) => {
    const after = applied(trades);
    expect(after).toHaveLength(count);
    expect(after.reduce((sum, p) => sum + p.positionValue, 0)).toBeCloseTo(total, 6);
  });

  test("the book passed in is not changed", () => {
    const copy = structuredClone(BOOK);
    applied([sell("P1", 100), revalue("P2", 1), buy({ positionValue: 5 })], [shock("state", "TX", -50)]);
    expect(BOOK).toEqual(copy);
  });

  test.each([
    { label: "Texas −20 %", shocks: [shock("state", "TX", -20)], values: { P1: 320_000, P2: 80_000, P3: 300_000 } },
    {
      label: "every 1970s vintage −10 % (a decade names the bucket)",
      shocks: [shock("vintage", "1970s", -10)],
      values: { P1: 360_000, P2: 100_000 },
    },
    {
      label: "the unknown bucket is a bucket: unknown vintage +50 %",
      shocks: [shock("vintage", "unknown", 50)],
      values: { P3: 450_000, P1: 400_000 },
    },
    {
      label: "no value: every known value of the dimension, not unknown",
      shocks: [shock("vintage", null, -10)],
      values: { P1: 360_000, P2: 90_000, P3: 300_000, P4: 180_000 },
    },
    {
      label: "shocks compound in order",
      shocks: [shock("state", "TX", -20), shock("strategy", "core", 10)],
      values: { P1: 352_000, P2: 80_000 },
    },
    {
      label: "amounts are rounded to the cent after each shock",
      shocks: [shock("state", "NY", -33.333)],
      values: { P4: 133_334 },
    },
  ])("shock: $label", ({ shocks, values }) => {
    const after = applied([], shocks);
    for (const [id, value] of Object.entries(values)) expect(heldValue(after, id), id).toBe(value);
  });

  test("shocks apply after trades, to what was bought too", () => {
    const after = applied(
      [buy({ positionId: "P5", state: "TX", positionValue: 100_000 })],
      [shock("state", "TX", -20)],
    );
    expect(heldValue(after, "P5")).toBe(80_000);
  });

  test.each([
    {
      label: "selling a position the book does not hold",
      trades: [sell("P9")],
      issue: { field: "trades[0].positionId", message: 'no stored position has position_id "P9"' },
    },
    {
      label: "a trade on a position an earlier trade sold",
      trades: [sell("P2"), revalue("P2", 5)],
      issue: { field: "trades[1].positionId", message: 'position "P2" was sold by trades[0]' },
    },
    {
      label: "selling more than the position is worth",
      trades: [sell("P2", 100_000.01)],
      issue: {
        field: "trades[0].value",
        message: expect.stringContaining("more than the position's value (100000.00)"),
      },
    },
    {
      label: "buying a position_id the book holds",
      trades: [buy({ positionId: "P1" })],
      issue: { field: "trades[0].position_id", message: expect.stringContaining("already in the book") },
    },
  ])("refused: $label", ({ trades, issue }) => {
    const result = applyScenario(BOOK, trades);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([issue]);
  });
});

describe("parseTrades and parseShocks: every problem, named by index and field", () => {
  test("a purchase is checked as an import row is", () => {
    const result = parseTrades([
      { action: "sell", positionId: "P1" },
      { action: "buy", position: { position_id: "N1", state: "Texas", position_value: "-5" } },
      { action: "buy", position: { position_value: 1, positionValue: 2 } },
      { action: "hold" },
      { action: "revalue", positionId: "", positionValue: 0 },
      { action: "sell", positionId: "P2", value: "abc", extra: 1 },
      "buy",
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual([
      "trades[1].state",
      "trades[1].position_value",
      "trades[2].positionValue",
      "trades[3].action",
      "trades[4].positionId",
      "trades[4].positionValue",
      "trades[5].extra",
      "trades[5].value",
      "trades[6]",
    ]);
    expect(result.issues[1]?.message).toBe('position_value must be a number greater than 0 (got "-5")');
  });

  test("good trades come back normalised", () => {
    const result = parseTrades([
      {
        action: "buy",
        position: { position_id: "N1", strategy: "Value_Add ", state: "az", position_value: "42,000,000" },
      },
      { action: "sell", positionId: "P1", value: 1000 },
      { action: "sell", positionId: "P2" },
      { action: "revalue", positionId: "P3", positionValue: "250000.5" },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        {
          action: "buy",
          position: expect.objectContaining({
            positionId: "N1",
            strategy: "value_add",
            state: "AZ",
            positionValue: 42_000_000,
          }),
        },
        { action: "sell", positionId: "P1", value: 1000 },
        { action: "sell", positionId: "P2", value: null },
        { action: "revalue", positionId: "P3", positionValue: 250_000.5 },
      ],
    });
  });

  test("shocks: bucket names as limits take them; a change above −100 % and at most +1,000 %", () => {
    expect(
      parseShocks(
        [
          { dimensionType: "state", dimensionValue: "tx", valueChangePct: -20 },
          { dimensionType: "vintage", dimensionValue: "1975", valueChangePct: -10 },
          { dimensionType: "strategy", valueChangePct: 5 },
        ],
        normalizeDimensionValue,
      ),
    ).toEqual({
      ok: true,
      value: [shock("state", "TX", -20), shock("vintage", "1970s", -10), shock("strategy", null, 5)],
    });
    const bad = parseShocks(
      [
        { dimensionType: "county", valueChangePct: 1 },
        { dimensionType: "state", dimensionValue: "Texas", valueChangePct: -100 },
        { dimensionType: "state", valueChangePct: "5" },
      ],
      normalizeDimensionValue,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual([
      "shocks[0].dimensionType",
      "shocks[1].dimensionValue",
      "shocks[1].valueChangePct",
      "shocks[2].valueChangePct",
    ]);
  });
});

describe("evaluateScenario: the breach diff and the verdict", () => {
  const TX_MAX_45 = limit({ id: "tx-max", dimensionType: "state", dimensionValue: "TX", thresholdPct: 45 });
  const VA_MAX_50 = limit({ id: "va-max", dimensionValue: "value_add", thresholdPct: 50, severityLevel: "critical" });
  const NY_MIN_15 = limit({
    id: "ny-min",
    dimensionType: "state",
    dimensionValue: "NY",
    thresholdType: "minimum",
    thresholdPct: 15,
  });
  const AZ_MIN_10 = limit({
    id: "az-min",
    dimensionType: "state",
    dimensionValue: "AZ",
    thresholdType: "minimum",
    thresholdPct: 10,
  });

  test.each<{
    label: string;
    trades: Trade[];
    shocks?: Shock[];
    limits: Limit[];
    change: BreachChangeKind;
    before: number;
    after: number;
  }>([
    {
      label: "new: value_add 40 % → 60 %",
      trades: [buy({ strategy: "value_add", positionValue: 500_000 })],
      limits: [VA_MAX_50],
      change: "new",
      before: 40,
      after: 60,
    },
    {
      label: "cleared: Texas 50 % → 16.7 %",
      trades: [sell("P1")],
      limits: [TX_MAX_45],
      change: "cleared",
      before: 50,
      after: (100 / 600) * 100,
    },
    {
      label: "worse: Texas 50 % → 54.5 %",
      trades: [buy({ state: "TX", positionValue: 100_000 })],
      limits: [TX_MAX_45],
      change: "worse",
      before: 50,
      after: (600 / 1100) * 100,
    },
    {
      label: "worse by a hair (0.05 pp) is worse",
      trades: [buy({ state: "TX", positionValue: 1_000 })],
      limits: [TX_MAX_45],
      change: "worse",
      before: 50,
      after: (501 / 1001) * 100,
    },
    {
      label: "better: Texas 50 % → 47.4 %",
      trades: [sell("P1", 50_000)],
      limits: [TX_MAX_45],
      change: "better",
      before: 50,
      after: (450 / 950) * 100,
    },
    {
      label: "same: a 0 % shock",
      trades: [],
      shocks: [shock("state", "TX", 0)],
      limits: [TX_MAX_45],
      change: "same",
      before: 50,
      after: 50,
    },
    {
      label: "a minimum counts a value sold off as 0 %: new",
      trades: [sell("P4")],
      limits: [NY_MIN_15],
      change: "new",
      before: 20,
      after: 0,
    },
    {
      label: "a minimum on a value not held is breached at 0 %: better",
      trades: [buy({ state: "AZ", positionValue: 50_000 })],
      limits: [AZ_MIN_10],
      change: "better",
      before: 0,
      after: (50 / 1050) * 100,
    },
  ])("$label", ({ trades, shocks = [], limits, change, before, after }) => {
    const result = evaluateScenario(BOOK, trades, shocks, limits);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.breaches).toHaveLength(1);
    expect(result.value.breaches[0]).toMatchObject({
      change,
      beforePct: expect.closeTo(before, 9),
      afterPct: expect.closeTo(after, 9),
    });
  });

  test("the whole answer for a purchase and a sale: new and worse first, the verdict their worst severity", () => {
    const trades = [
      buy({ positionId: "P5", strategy: "value_add", state: "TX", vintage: 2020, positionValue: 500_000 }),
      sell("P3"),
    ];
    const limits = [NY_MIN_15, TX_MAX_45, VA_MAX_50, limit({ id: "off", thresholdPct: 1, isActive: false })];
    const result = evaluateScenario(BOOK, trades, [], limits);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { before, after, changes, breaches, verdict } = result.value;
    expect(before).toEqual({ totalPortfolioValue: 1_000_000, positionCount: 4 });
    expect(after).toMatchObject({ totalPortfolioValue: 1_200_000, positionCount: 4 });
    // TX 1,000,000 / 1,200,000; value_add 600,000 / 1,200,000 = 50 % exactly: on the line is within.
    expect(breaches.map((b) => [b.thresholdId, b.dimensionValue, b.change, b.severity])).toEqual([
      ["tx-max", "TX", "worse", "warning"],
    ]);
    expect(verdict).toBe("warning");
    expect(changes.find((c) => c.dimensionType === "state" && c.dimensionValue === "CA")).toEqual({
      dimensionType: "state",
      dimensionValue: "CA",
      beforePct: 30,
      afterPct: 0,
      deltaPp: -30,
      beforeValue: 300_000,
      afterValue: 0,
    });
    // Within a dimension, the largest move first.
    expect(changes.filter((c) => c.dimensionType === "state").map((c) => c.dimensionValue)).toEqual(["TX", "CA", "NY"]);
    expect(after.concentration.state.count).toBe(2);
  });

  test.each([
    {
      label: "a new critical breach",
      trades: [buy({ strategy: "value_add", positionValue: 500_000 })],
      verdict: "critical",
    },
    { label: "only a cleared breach", trades: [sell("P2")], verdict: "pass" },
    { label: "nothing breached", trades: [sell("P2", 1)], verdict: "pass" },
  ])("verdict: $label → $verdict", ({ trades, verdict }) => {
    const result = evaluateScenario(BOOK, trades, [], [VA_MAX_50, TX_MAX_45]);
    expect(result.ok && result.value.verdict).toBe(verdict);
  });

  test("a bad trade is reported, not evaluated", () => {
    expect(evaluateScenario(BOOK, [sell("nope")], [], [])).toEqual({
      ok: false,
      issues: [{ field: "trades[0].positionId", message: 'no stored position has position_id "nope"' }],
    });
  });
});

describe("capacity: (L·T − v) / (1 − L) dollars to a maximum, the same to reach a minimum", () => {
  const row = (l: Partial<Limit>) => capacity(TODAY, [limit({ dimensionType: "strategy", ...l })])[0];
  test.each([
    { label: "exactly at the limit: 0", l: { dimensionValue: "core", thresholdPct: 40 }, capacityValue: 0 },
    {
      label: "exactly: 200,000 takes 40 % to 50 %",
      l: { dimensionValue: "value_add", thresholdPct: 50 },
      capacityValue: 200_000,
    },
    {
      label: "rounded down to the cent",
      l: { dimensionValue: "core_plus", thresholdPct: 30 },
      capacityValue: 142_857.14,
    },
    {
      label: "float division leaves 249,999.99999999997: it is 250,000",
      l: { dimensionType: "state" as const, dimensionValue: "CA", thresholdPct: 44 },
      capacityValue: 250_000,
    },
    { label: "already in breach: 0", l: { dimensionValue: "core", thresholdPct: 30 }, capacityValue: 0 },
    { label: "L = 100 %: unlimited", l: { dimensionValue: "core", thresholdPct: 100 }, capacityValue: null },
    {
      label: "a named value not held starts at 0 %",
      l: { dimensionValue: "opportunistic", thresholdPct: 10 },
      capacityValue: 111_111.11,
    },
  ])("maximum: $label", ({ l, capacityValue }) => {
    expect(row(l)).toMatchObject({ thresholdType: "maximum", capacityValue, shortfallValue: 0 });
  });

  test.each([
    {
      label: "short of it: rounded up to the cent",
      l: { dimensionValue: "core_plus", thresholdPct: 25 },
      shortfallValue: 66_666.67,
    },
    { label: "met: 0", l: { dimensionValue: "core", thresholdPct: 40 }, shortfallValue: 0 },
    {
      label: "100 % with other values held: unreachable",
      l: { dimensionValue: "core", thresholdPct: 100 },
      shortfallValue: null,
    },
    {
      label: "a named value not held",
      l: { dimensionValue: "opportunistic", thresholdPct: 10 },
      shortfallValue: 111_111.12,
    },
  ])("minimum: $label", ({ l, shortfallValue }) => {
    expect(row({ ...l, thresholdType: "minimum" })).toMatchObject({ capacityValue: null, shortfallValue });
  });

  test("adding the capacity lands on the limit, a cent more crosses it", () => {
    const [r] = capacity(TODAY, [limit({ dimensionValue: "core_plus", thresholdPct: 30 })]);
    const x = r?.capacityValue ?? 0;
    const share = (add: number) => ((200_000 + add) / (1_000_000 + add)) * 100;
    expect(share(x)).toBeLessThanOrEqual(30);
    expect(share(x + 0.01)).toBeGreaterThan(30);
  });

  test("one row per value a limit covers; a dimension keeps its own limits", () => {
    const rows = capacity(
      TODAY,
      [limit({ thresholdPct: 45 }), limit({ id: "s", dimensionType: "state", thresholdPct: 60 })],
      "strategy",
    );
    expect(rows.map((r) => [r.dimensionValue, r.exposureValue, r.capacityValue])).toEqual([
      ["core", 400_000, 90_909.09],
      ["value_add", 400_000, 90_909.09],
      ["core_plus", 200_000, 454_545.45],
    ]);
  });
});

describe("maxAcquisition: the largest purchase that breaches no active limit", () => {
  const ASSET = {
    strategy: "value_add",
    state: "TX",
    msaId: "38060",
    vintage: 1978,
    constructionType: null,
    rentBand: null,
  };
  test.each<{
    label: string;
    limits: Limit[];
    asset?: Partial<typeof ASSET>;
    maxValue: number | null;
    binding: string | null;
  }>([
    {
      label: "the asset's own strategy under a maximum on every value: (0.5·1M − 400k) / 0.5",
      limits: [
        limit({ id: "va", thresholdPct: 50 }),
        limit({ id: "tx", dimensionType: "state", dimensionValue: "TX", thresholdPct: 60 }),
      ],
      maxValue: 200_000,
      binding: "va value_add",
    },
    {
      label: "a minimum on another value binds first: NY 200k / 18 % − 1M",
      limits: [
        limit({ id: "va", thresholdPct: 50 }),
        limit({ id: "ny", dimensionType: "state", dimensionValue: "NY", thresholdType: "minimum", thresholdPct: 18 }),
      ],
      maxValue: 111_111.11,
      binding: "ny NY",
    },
    {
      label: "a vintage limit names the asset's decade",
      limits: [limit({ id: "70s", dimensionType: "vintage", dimensionValue: "1970s", thresholdPct: 45 })],
      maxValue: 90_909.09,
      binding: "70s 1970s",
    },
    {
      label: "a maximum the book already breaches and the purchase makes worse: 0",
      limits: [
        limit({ id: "va", dimensionValue: "value_add", thresholdPct: 30 }),
        limit({ id: "tx", dimensionType: "state", thresholdPct: 90 }),
      ],
      maxValue: 0,
      binding: "va value_add",
    },
    {
      label: "a minimum the book already breaches on another value, whose share the purchase lowers: 0",
      limits: [
        limit({ id: "ny", dimensionType: "state", dimensionValue: "NY", thresholdType: "minimum", thresholdPct: 25 }),
      ],
      maxValue: 0,
      binding: "ny NY",
    },
    {
      label: "a breach the purchase does not worsen is not held against it (CA over 20 %, buying in TX)",
      limits: [limit({ id: "ca", dimensionType: "state", dimensionValue: "CA", thresholdPct: 20 })],
      maxValue: null,
      binding: null,
    },
    {
      label: "a minimum on every state: a new state must reach it, and the others bound it",
      limits: [limit({ id: "states", dimensionType: "state", thresholdType: "minimum", thresholdPct: 5 })],
      asset: { state: "FL" },
      maxValue: 3_000_000,
      binding: "states NY",
    },
    {
      label: "…and when the others allow less than the new state needs, nothing fits",
      limits: [limit({ id: "states", dimensionType: "state", thresholdType: "minimum", thresholdPct: 20 })],
      asset: { state: "FL" },
      maxValue: 0,
      binding: "states FL",
    },
    { label: "no limits: nothing binds", limits: [], maxValue: null, binding: null },
  ])("$label", ({ limits, asset, maxValue, binding }) => {
    const result = maxAcquisition(TODAY, limits, { ...ASSET, ...asset });
    expect(result.maxValue).toBe(maxValue);
    expect(result.binding ? `${result.binding.thresholdId} ${result.binding.dimensionValue}` : null).toBe(binding);
  });

  test("the binding limit names the value that binds", () => {
    const result = maxAcquisition(
      TODAY,
      [limit({ id: "ny", dimensionType: "state", thresholdType: "minimum", thresholdPct: 5 })],
      {
        ...ASSET,
        state: "FL",
      },
    );
    expect(result.binding).toEqual({
      thresholdId: "ny",
      dimensionType: "state",
      dimensionValue: "NY",
      thresholdType: "minimum",
      thresholdPct: 5,
    });
  });

  test("buying the largest acquisition breaches nothing; a cent more does", () => {
    const limits = [
      limit({ id: "va", thresholdPct: 50 }),
      limit({ id: "ny", dimensionType: "state", dimensionValue: "NY", thresholdType: "minimum", thresholdPct: 18 }),
      limit({ id: "70s", dimensionType: "vintage", dimensionValue: "1970s", thresholdPct: 48 }),
    ];
    const { maxValue } = maxAcquisition(TODAY, limits, ASSET);
    const purchase = (value: number) => evaluateScenario(BOOK, [buy({ ...ASSET, positionValue: value })], [], limits);
    const at = purchase(maxValue ?? 0);
    const over = purchase((maxValue ?? 0) + 0.01);
    expect(at.ok && at.value.verdict).toBe("pass");
    expect(over.ok && over.value.verdict).toBe("warning");
  });
});

describe("evaluateScenario: limits of every kind", () => {
  const TX_CAP = limit({
    id: "tx-cap",
    dimensionType: "state",
    dimensionValue: "TX",
    kind: "amount",
    thresholdPct: null,
    thresholdAmount: 600_000,
  });
  const THREE_STATES = limit({
    id: "states",
    dimensionType: "state",
    kind: "count",
    thresholdPct: null,
    thresholdType: "minimum",
    thresholdCount: 3,
  });
  const CORE_TARGET = limit({
    id: "core-target",
    dimensionType: "strategy",
    dimensionValue: "core",
    kind: "target",
    thresholdPct: null,
    thresholdType: null,
    targetPct: 40,
    bandPp: 5,
  });

  test("an amount: TX $500k → $700k is a new breach of $600k, in dollars", () => {
    const result = evaluateScenario(BOOK, [buy({ state: "TX", positionValue: 200_000 })], [], [TX_CAP]);
    expect(result.ok && result.value.breaches).toEqual([
      {
        thresholdId: "tx-cap",
        kind: "amount",
        basis: "value",
        dimensionType: "state",
        dimensionValue: "TX",
        severity: "warning",
        thresholdType: "maximum",
        thresholdPct: 600_000,
        beforePct: 500_000,
        afterPct: 700_000,
        breachUnit: "usd",
        change: "new",
      },
    ]);
  });

  test("a count: selling all of NY leaves two states, under a minimum of three, filed under *", () => {
    const result = evaluateScenario(BOOK, [sell("P4")], [], [THREE_STATES]);
    expect(result.ok && result.value.breaches).toMatchObject([
      { dimensionValue: "*", beforePct: 3, afterPct: 2, breachUnit: "count", change: "new" },
    ]);
    expect(result.ok && result.value.verdict).toBe("warning");
  });

  test("a target: core 40 % → 25 % drifts past its ±5 pp band, then back inside is cleared", () => {
    const drift = evaluateScenario(BOOK, [sell("P1", 200_000)], [], [CORE_TARGET]);
    // core 200k of 800k = 25 %: 15 pp below 40, 10 past the band.
    expect(drift.ok && drift.value.breaches).toMatchObject([
      { thresholdType: "minimum", thresholdPct: 40, beforePct: 40, afterPct: 25, change: "new" },
    ]);
    const back = evaluateScenario(BOOK, [buy({ strategy: "core", positionValue: 50_000 })], [], [CORE_TARGET]);
    expect(back.ok && back.value.breaches).toEqual([]);
  });
});
