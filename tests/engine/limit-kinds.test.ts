import { describe, expect, test } from "vitest";
import {
  type Basis,
  basisBuckets,
  compactMoney,
  DIMENSION_WIDE,
  defaultBandPp,
  evaluateLimits,
  evaluateRule,
  evaluateRules,
  type LimitRule,
  limitFieldIssues,
} from "@/lib/engine/limit-kinds";
import { type Dimension, type ExposureBucket, UNKNOWN } from "@/lib/engine/types";

/** One dimension's buckets, already on a rule's basis, from [value, amount] pairs; shares of their total. */
function buckets(dimensionType: Dimension, pairs: Array<[string, number]>): ExposureBucket[] {
  const total = pairs.reduce((sum, [, amount]) => sum + amount, 0);
  return pairs.map(([dimensionValue, exposureValue]) => ({
    dimensionType,
    dimensionValue,
    exposureValue,
    exposurePct: total > 0 ? (exposureValue / total) * 100 : 0,
    positionCount: 1,
    exposureUnits: 0,
    unitsCount: 0,
  }));
}

function rule(overrides: Partial<LimitRule>): LimitRule {
  return {
    id: "L",
    dimensionType: "msa",
    dimensionValue: null,
    kind: "share",
    basis: "value",
    thresholdType: "maximum",
    thresholdPct: null,
    thresholdAmount: null,
    thresholdCount: null,
    topN: null,
    thresholdHhi: null,
    targetPct: null,
    bandPp: null,
    severityLevel: "warning",
    isActive: true,
    ...overrides,
  };
}

// $1,000M across five MSAs and some unknown: 19100 31.25 %, 12420 25 %, 38060 18.75 %, 35620 12.5 %,
// 31080 6.25 %, unknown 6.25 %.
const MSAS = buckets("msa", [
  ["19100", 312_500_000],
  ["12420", 250_000_000],
  ["38060", 187_500_000],
  ["35620", 125_000_000],
  ["31080", 62_500_000],
  [UNKNOWN, 62_500_000],
]);

describe("amount: a value's exposure, in dollars, units or positions", () => {
  test.each([
    { label: "just over a $250M maximum by a cent", amount: 250_000_000.01, line: 250_000_000, breached: true },
    { label: "exactly on it", amount: 250_000_000, line: 250_000_000, breached: false },
    { label: "a cent under it", amount: 249_999_999.99, line: 250_000_000, breached: false },
  ])("value basis, $label", ({ amount, line, breached }) => {
    const found = evaluateRule(
      rule({ kind: "amount", dimensionValue: "19100", thresholdAmount: line }),
      buckets("msa", [
        ["19100", amount],
        ["12420", 1],
      ]),
    );
    expect(found.length).toBe(breached ? 1 : 0);
  });

  test("the message and the breach in dollars", () => {
    const [breach] = evaluateRule(rule({ id: "cap", kind: "amount", thresholdAmount: 250_000_000 }), MSAS);
    expect(breach).toEqual({
      limitId: "cap",
      kind: "amount",
      basis: "value",
      dimensionType: "msa",
      dimensionValue: "19100",
      exposurePct: 312_500_000,
      thresholdPct: 250_000_000,
      thresholdType: "maximum",
      severity: "warning",
      breachPct: 62_500_000,
      breachUnit: "usd",
      message: "Exposure threshold breached: msa='19100' at $312.5M exceeds maximum of $250.0M",
    });
  });

  test.each<{ basis: Basis; amount: number; line: number; message: string; unit: string }>([
    {
      basis: "units",
      amount: 1240,
      line: 1000,
      message: "Exposure threshold breached: state='TX' at 1,240 units exceeds maximum of 1,000 units",
      unit: "units",
    },
    {
      basis: "positions",
      amount: 12,
      line: 10,
      message: "Exposure threshold breached: state='TX' at 12 positions exceeds maximum of 10 positions",
      unit: "count",
    },
  ])("$basis basis: counted exactly, said in its unit", ({ basis, amount, line, message, unit }) => {
    const rows = buckets("state", [
      ["TX", amount],
      ["CA", 5],
    ]);
    const [breach] = evaluateRule(rule({ kind: "amount", basis, dimensionType: "state", thresholdAmount: line }), rows);
    expect(breach).toMatchObject({ message, breachUnit: unit, breachPct: amount - line });
    expect(
      evaluateRule(rule({ kind: "amount", basis, dimensionType: "state", thresholdAmount: amount }), rows),
    ).toEqual([]);
  });

  test("a minimum on a value not held stands at 0 and is breached", () => {
    const [breach] = evaluateRule(
      rule({ kind: "amount", dimensionValue: "47900", thresholdType: "minimum", thresholdAmount: 10_000_000 }),
      MSAS,
    );
    expect(breach?.message).toBe("Exposure threshold breached: msa='47900' at $0 below minimum of $10.0M");
  });

  test("the unknown bucket is not a value of an every-value limit", () => {
    const found = evaluateRule(rule({ kind: "amount", thresholdAmount: 100_000_000 }), MSAS);
    expect(found.map((b) => b.dimensionValue)).toEqual(["19100", "12420", "38060", "35620"]);
  });
});

describe("count: distinct known values", () => {
  test.each([
    { label: "7 MSAs below a minimum of 10", held: 7, line: 10, type: "minimum" as const, breached: true },
    { label: "10 MSAs on a minimum of 10", held: 10, line: 10, type: "minimum" as const, breached: false },
    { label: "11 MSAs over a maximum of 10", held: 11, line: 10, type: "maximum" as const, breached: true },
    { label: "9 MSAs under a maximum of 10", held: 9, line: 10, type: "maximum" as const, breached: false },
    {
      label: "10 MSAs and unknown on a maximum of 10: unknown is not one",
      held: 10,
      line: 10,
      type: "maximum" as const,
      breached: false,
    },
  ])("$label", ({ held, line, type, breached }) => {
    const rows = buckets("msa", [
      ...Array.from({ length: held }, (_, i): [string, number] => [`1${i}000`, 5]),
      [UNKNOWN, 50],
    ]);
    const found = evaluateRule(rule({ kind: "count", thresholdType: type, thresholdCount: line }), rows);
    expect(found.length).toBe(breached ? 1 : 0);
  });

  test("filed under the dimension, not a value, with its message", () => {
    const rows = buckets(
      "msa",
      Array.from({ length: 7 }, (_, i): [string, number] => [`1${i}000`, 5]),
    );
    expect(evaluateRule(rule({ kind: "count", thresholdType: "minimum", thresholdCount: 10 }), rows)).toEqual([
      expect.objectContaining({
        dimensionValue: DIMENSION_WIDE,
        exposurePct: 7,
        breachPct: 3,
        breachUnit: "count",
        message: "Diversification threshold breached: msa count 7 below minimum of 10",
      }),
    ]);
  });
});

describe("top_n: the summed share of the largest values", () => {
  test.each([
    { label: "top 3 at 75 % over 50 %", n: 3, line: 50, share: 75 },
    { label: "top 1 at 31.25 % over 30 %", n: 1, line: 30, share: 31.25 },
    { label: "top 2 at 56.25 % exactly on 56.25 %", n: 2, line: 56.25, share: null },
    { label: "more than there are values: all the known ones (93.75 %)", n: 9, line: 90, share: 93.75 },
  ])("$label", ({ n, line, share }) => {
    const found = evaluateRule(rule({ kind: "top_n", topN: n, thresholdPct: line }), MSAS);
    expect(found.map((b) => b.exposurePct)).toEqual(share === null ? [] : [expect.closeTo(share, 9)]);
  });

  test("ties: the n largest by value, whichever of the tied ones", () => {
    const tied = buckets("state", [
      ["TX", 25],
      ["CA", 25],
      ["NY", 25],
      ["FL", 25],
    ]);
    const [breach] = evaluateRule(rule({ kind: "top_n", dimensionType: "state", topN: 3, thresholdPct: 50 }), tied);
    expect(breach?.message).toBe("Concentration threshold breached: state top 3 at 75.0% exceeds maximum of 50.0%");
  });

  test("the message, and the distance past the line in pp", () => {
    // Top 3 of 45 / 30 / 15 / 10: 90 %, 40 pp over a 50 % maximum.
    const rows = buckets("msa", [
      ["10000", 30],
      ["11000", 15],
      ["12000", 10],
      ["13000", 45],
    ]);
    const [breach] = evaluateRule(rule({ kind: "top_n", topN: 3, thresholdPct: 50 }), rows);
    expect(breach).toMatchObject({
      dimensionValue: DIMENSION_WIDE,
      breachPct: expect.closeTo(40, 9),
      breachUnit: "pp",
      message: "Concentration threshold breached: msa top 3 at 90.0% exceeds maximum of 50.0%",
    });
  });
});

describe("hhi: the dimension's Herfindahl–Hirschman index over known values", () => {
  test.each([
    { label: "one value is 10,000", pairs: [["TX", 5]] as Array<[string, number]>, hhi: 10_000 },
    {
      label: "four equal values are 2,500",
      pairs: [
        ["TX", 5],
        ["CA", 5],
        ["NY", 5],
        ["FL", 5],
      ] as Array<[string, number]>,
      hhi: 2500,
    },
    {
      label: "unknown is left out, as in the concentration figures",
      pairs: [
        ["TX", 5],
        ["CA", 5],
        [UNKNOWN, 90],
      ] as Array<[string, number]>,
      hhi: 5000,
    },
  ])("$label", ({ pairs, hhi }) => {
    const found = evaluateRule(rule({ kind: "hhi", dimensionType: "state", thresholdHhi: 0 }), buckets("state", pairs));
    expect(found[0]?.exposurePct).toBeCloseTo(hhi, 6);
    // On the line is within.
    expect(
      evaluateRule(rule({ kind: "hhi", dimensionType: "state", thresholdHhi: hhi }), buckets("state", pairs)),
    ).toEqual([]);
  });

  test("the message, the HHI as a whole number", () => {
    // Shares 30 / 20 / 20 / 15 / 15: 900 + 400 + 400 + 225 + 225 = 2,150.
    const rows = buckets("state", [
      ["TX", 30],
      ["CA", 20],
      ["NY", 20],
      ["FL", 15],
      ["AZ", 15],
    ]);
    const [breach] = evaluateRule(rule({ kind: "hhi", dimensionType: "state", thresholdHhi: 1500 }), rows);
    expect(breach).toMatchObject({
      dimensionValue: DIMENSION_WIDE,
      breachUnit: "hhi",
      breachPct: expect.closeTo(650, 6),
      message: "Concentration threshold breached: state HHI 2,150 exceeds maximum of 1,500",
    });
  });
});

describe("target: a share within a drift band either side", () => {
  test.each([
    { target: 60, band: 12 },
    { target: 3, band: 1 },
    { target: 10, band: 2 },
  ])("default band for a $target % target is ±$band pp (the larger of 20 % of it and 1 pp)", ({ target, band }) => {
    expect(defaultBandPp(target)).toBeCloseTo(band, 12);
  });

  const strategy = (core: number) =>
    buckets("strategy", [
      ["core", core],
      ["value_add", 100 - core],
    ]);
  const core = (overrides: Partial<LimitRule> = {}) =>
    rule({
      kind: "target",
      dimensionType: "strategy",
      dimensionValue: "core",
      targetPct: 60,
      bandPp: 10,
      ...overrides,
    });

  test.each([
    { label: "48 %: 12 pp below, past the ±10 band by 2", share: 48, side: "minimum", past: 2 },
    { label: "72 %: 12 pp above", share: 72, side: "maximum", past: 2 },
    { label: "50 %: on the band's lower edge", share: 50, side: null, past: 0 },
    { label: "70 %: on the upper edge", share: 70, side: null, past: 0 },
    { label: "49.9 %: just past the lower edge", share: 49.9, side: "minimum", past: 0.1 },
  ])("$label", ({ share, side, past }) => {
    const found = evaluateRule(core(), strategy(share));
    if (side === null) return expect(found).toEqual([]);
    expect(found).toEqual([expect.objectContaining({ thresholdType: side, breachPct: expect.closeTo(past, 9) })]);
  });

  test("the messages, below and above", () => {
    expect(evaluateRule(core(), strategy(48))[0]?.message).toBe(
      "Target drift: strategy='core' at 48.0% is 12.0 pp below target 60.0% (band ±10.0 pp)",
    );
    expect(evaluateRule(core(), strategy(72))[0]?.message).toBe(
      "Target drift: strategy='core' at 72.0% is 12.0 pp above target 60.0% (band ±10.0 pp)",
    );
  });

  test("without a band, the default: ±12 pp around 60 %", () => {
    expect(evaluateRule(core({ bandPp: null }), strategy(48))).toEqual([]);
    expect(evaluateRule(core({ bandPp: null }), strategy(47.9))[0]?.message).toBe(
      "Target drift: strategy='core' at 47.9% is 12.1 pp below target 60.0% (band ±12.0 pp)",
    );
  });

  test("a target on a value not held stands at 0 %", () => {
    const [breach] = evaluateRule(core({ dimensionValue: "development", targetPct: 10, bandPp: null }), strategy(50));
    expect(breach?.message).toBe(
      "Target drift: strategy='development' at 0.0% is 10.0 pp below target 10.0% (band ±2.0 pp)",
    );
  });
});

describe("share, as today, and the rest of the rules", () => {
  test("share keeps today's message and boundary", () => {
    const [breach] = evaluateRule(rule({ kind: "share", dimensionValue: "19100", thresholdPct: 30 }), MSAS);
    expect(breach?.message).toBe("Exposure threshold breached: msa='19100' at 31.3% exceeds maximum of 30.0%");
    expect(evaluateRule(rule({ kind: "share", dimensionValue: "12420", thresholdPct: 25 }), MSAS)).toEqual([]);
  });

  test("inactive rules and other dimensions' buckets give nothing; rules come in order", () => {
    const rules = [
      rule({ id: "a", kind: "count", thresholdType: "minimum", thresholdCount: 10 }),
      rule({ id: "off", kind: "count", thresholdType: "minimum", thresholdCount: 10, isActive: false }),
      rule({ id: "b", kind: "hhi", thresholdHhi: 100 }),
      rule({ id: "other", kind: "hhi", dimensionType: "state", thresholdHhi: 100 }),
    ];
    expect(evaluateRules(rules, MSAS).map((b) => b.limitId)).toEqual(["a", "b"]);
  });

  test.each([
    [312_500_000, "$312.5M"],
    [250_000_000, "$250.0M"],
    [1_250_000_000, "$1.3B"],
    [950_000, "$950.0K"],
    [500, "$500"],
    [0, "$0"],
  ])("compactMoney(%d) is %s", (dollars, text) => {
    expect(compactMoney(dollars)).toBe(text);
  });
});

describe("evaluateLimits: each limit on its basis", () => {
  // Three TX positions worth $100 in all, one CA position worth $900 (its units ride along).
  const units = { exposureUnits: 40, unitsCount: 1 };
  const RUN: ExposureBucket[] = [
    { dimensionType: "state", dimensionValue: "CA", exposureValue: 900, exposurePct: 90, positionCount: 1, ...units },
    { dimensionType: "state", dimensionValue: "TX", exposureValue: 100, exposurePct: 10, positionCount: 3, ...units },
  ];

  test("positions: TX holds 75 % of the positions though 10 % of the value", () => {
    expect(basisBuckets(RUN, "positions")).toEqual([
      { dimensionType: "state", dimensionValue: "CA", exposureValue: 1, exposurePct: 25, positionCount: 1, ...units },
      { dimensionType: "state", dimensionValue: "TX", exposureValue: 3, exposurePct: 75, positionCount: 3, ...units },
    ]);
    const onPositions = rule({ dimensionType: "state", kind: "share", basis: "positions", thresholdPct: 50 });
    const onValue = rule({ dimensionType: "state", kind: "share", basis: "value", thresholdPct: 50 });
    expect(evaluateLimits(RUN, [onPositions, onValue]).map((b) => [b.basis, b.dimensionValue])).toEqual([
      ["positions", "TX"],
      ["value", "CA"],
    ]);
  });

  test("an amount on positions reads as positions", () => {
    const [breach] = evaluateLimits(RUN, [
      rule({ dimensionType: "state", kind: "amount", basis: "positions", thresholdAmount: 2 }),
    ]);
    expect(breach?.message).toBe(
      "Exposure threshold breached: state='TX' at 3 positions exceeds maximum of 2 positions",
    );
    expect(breach?.breachUnit).toBe("count");
  });

  test("an inactive limit has no breaches", () => {
    expect(evaluateLimits(RUN, [rule({ dimensionType: "state", thresholdPct: 50, isActive: false })])).toEqual([]);
  });
});

describe("limitFieldIssues: each kind its own fields", () => {
  test.each([
    { kind: "share" as const, fields: { thresholdPct: 30 }, issues: [] },
    { kind: "share" as const, fields: {}, issues: [["thresholdPct", "is required for a share limit"]] },
    { kind: "amount" as const, fields: {}, issues: [["thresholdAmount", "is required for an amount limit"]] },
    {
      kind: "count" as const,
      fields: { thresholdCount: 3, dimensionValue: "TX" },
      issues: [["dimensionValue", "does not belong to a count limit (its fields: thresholdType, thresholdCount)"]],
    },
    { kind: "count" as const, fields: { thresholdCount: 3, dimensionValue: " " }, issues: [] },
    {
      kind: "hhi" as const,
      fields: { thresholdHhi: 1500, thresholdType: "minimum" },
      issues: [["thresholdType", "must be maximum: an hhi limit is an upper bound"]],
    },
    {
      kind: "top_n" as const,
      fields: {},
      issues: [
        ["topN", "is required for a top_n limit"],
        ["thresholdPct", "is required for a top_n limit"],
      ],
    },
    {
      kind: "target" as const,
      fields: { targetPct: 60, thresholdPct: 30, thresholdType: "maximum" },
      issues: [
        ["thresholdType", "does not belong to a target limit (its fields: dimensionValue, targetPct, bandPp)"],
        ["thresholdPct", "does not belong to a target limit (its fields: dimensionValue, targetPct, bandPp)"],
      ],
    },
  ])("$kind $fields", ({ kind, fields, issues }) => {
    expect(limitFieldIssues(kind, fields).map((i) => [i.field, i.message])).toEqual(issues);
  });
});
