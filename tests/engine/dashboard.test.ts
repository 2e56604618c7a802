import { describe, expect, test } from "vitest";
import { buildDials, buildSeries, type DialRule } from "@/lib/engine/dashboard";
import { computeExposures } from "@/lib/engine/exposures";
import { DIMENSIONS, type Dimension, type Limit, type LimitStatus } from "@/lib/engine/types";
import { allNumbers, limit, position } from "@/tests/support/engine-fixtures";

// Strategy: value_add 50 %, core 30 %, unknown 20 %.
const result = computeExposures([
  position({ strategy: "value_add", positionValue: 500_000 }),
  position({ strategy: "core", positionValue: 300_000 }),
  position({ strategy: null, positionValue: 200_000 }),
]);

function dial(dimension: Dimension, limits: Limit[]) {
  const found = buildDials(result, limits).find((d) => d.dimensionType === dimension);
  if (!found) throw new Error(`no dial for ${dimension}`);
  return found;
}

describe("buildDials", () => {
  test("six dials in DIMENSIONS order, each with its concentration", () => {
    const dials = buildDials(result, []);
    expect(dials.map((d) => d.dimensionType)).toEqual([...DIMENSIONS]);
    expect(dials.map((d) => d.concentration)).toEqual(DIMENSIONS.map((d) => result.concentration[d]));
  });

  test.each([
    { label: "no limit: within", limits: [], limitPct: null, status: "within" },
    {
      label: "comfortably under a maximum: within",
      limits: [limit({ thresholdPct: 80 })],
      limitPct: 80,
      status: "within",
    },
    { label: "within 90 % of a maximum: near", limits: [limit({ thresholdPct: 55 })], limitPct: 55, status: "near" },
    { label: "over a maximum: breach", limits: [limit({ thresholdPct: 40 })], limitPct: 40, status: "breach" },
    {
      label: "tightest of several maximums",
      limits: [limit({ thresholdPct: 90 }), limit({ dimensionValue: "value_add", thresholdPct: 55 })],
      limitPct: 55,
      status: "near",
    },
    {
      label: "inactive limits ignored",
      limits: [limit({ thresholdPct: 10, isActive: false })],
      limitPct: null,
      status: "within",
    },
    {
      label: "a breach on a smaller value still shows on the dial",
      limits: [limit({ dimensionValue: "core", thresholdPct: 20 })],
      limitPct: null,
      status: "breach",
    },
    {
      label: "a minimum on a value with no positions shows as a breach",
      limits: [limit({ dimensionValue: "development", thresholdPct: 5, thresholdType: "minimum" })],
      limitPct: null,
      status: "breach",
    },
  ] as const)("$label", ({ limits, limitPct, status }) => {
    const strategy = dial("strategy", [...limits]);
    expect(strategy.top).toEqual({ dimensionValue: "value_add", exposurePct: 50, exposureValue: 500_000 });
    expect(strategy.limitPct).toBe(limitPct);
    expect(strategy.status).toBe(status);
  });

  test("per-value limits and statuses; unknown covered only by a limit naming it", () => {
    const strategy = dial("strategy", [
      limit({ thresholdPct: 40 }),
      limit({ dimensionValue: "core", thresholdPct: 32, thresholdType: "minimum" }),
      limit({ dimensionValue: "unknown", thresholdPct: 21 }),
    ]);
    expect(strategy.values.map((v) => [v.dimensionValue, v.positionCount, v.limitPct, v.status])).toEqual([
      ["value_add", 1, 40, "breach"],
      ["core", 1, 40, "breach"],
      ["unknown", 1, 21, "near"],
    ]);
  });

  test("nothing known: no top value", () => {
    const empty = buildDials(computeExposures([]), [limit()]);
    expect(empty.every((d) => d.top === null && d.values.length === 0 && d.status === "within")).toBe(true);
    expect(allNumbers(empty).every(Number.isFinite)).toBe(true);
  });
});

describe("buildSeries", () => {
  test("chart points in exposure order with unknown last", () => {
    expect(buildSeries(result, "strategy")).toEqual([
      { name: "value_add", value: 500_000, pct: 50 },
      { name: "core", value: 300_000, pct: 30 },
      { name: "unknown", value: 200_000, pct: 20 },
    ]);
  });
});

describe("buildDials: limits of other kinds", () => {
  test("an amount breached on a value marks that value and the dial as breached", () => {
    const cap = limit({ dimensionValue: "value_add", kind: "amount", thresholdPct: null, thresholdAmount: 400_000 });
    const d = dial("strategy", [cap]);
    expect(d.status).toBe("breach");
    expect(d.values.find((v) => v.dimensionValue === "value_add")?.status).toBe("breach");
    expect(d.values.find((v) => v.dimensionValue === "core")?.status).toBe("within");
    // A share-limit figure is still only for share limits.
    expect(d.limitPct).toBeNull();
  });

  test("a dimension-wide breach (an HHI) marks the dial, not a value", () => {
    const hhi = limit({ kind: "hhi", thresholdPct: null, thresholdHhi: 1_000 });
    const d = dial("strategy", [hhi]);
    expect(d.status).toBe("breach");
    expect(d.values.every((v) => v.status === "within")).toBe(true);
  });

  // Until the dials listed these rules, only their breaches counted; a rule line that reads "near"
  // under a dial that reads "within" would contradict itself, so near counts too.
  test.each([
    { label: "on its line: near, not breached", amount: 500_000, status: "near" },
    { label: "under 90 % of its line: within", amount: 560_000, status: "within" },
  ])("an amount $label", ({ amount, status }) => {
    const cap = limit({ dimensionValue: "value_add", kind: "amount", thresholdPct: null, thresholdAmount: amount });
    const d = dial("strategy", [cap]);
    expect(d.status).toBe(status);
    expect(d.values.find((v) => v.dimensionValue === "value_add")?.status).toBe(status);
  });
});

describe("buildDials: a target's band", () => {
  test("the top value's target and its band; the default band when none is set", () => {
    const named = limit({
      kind: "target",
      dimensionValue: "value_add",
      thresholdType: null,
      thresholdPct: null,
      targetPct: 40,
      bandPp: 5,
    });
    expect(dial("strategy", [named]).target).toEqual({ limitId: "L1", targetPct: 40, bandPp: 5 });
    const everyValue = limit({ kind: "target", thresholdType: null, thresholdPct: null, targetPct: 30 });
    expect(dial("strategy", [everyValue]).target).toEqual({ limitId: "L1", targetPct: 30, bandPp: 6 });
  });

  test("no target on the top value, or one on units, draws none", () => {
    const other = limit({
      kind: "target",
      dimensionValue: "core",
      thresholdType: null,
      thresholdPct: null,
      targetPct: 30,
    });
    expect(dial("strategy", [other]).target).toBeNull();
    const onUnits = limit({ kind: "target", basis: "units", thresholdType: null, thresholdPct: null, targetPct: 50 });
    expect(dial("strategy", [onUnits]).target).toBeNull();
  });
});

describe("buildDials: the rules beyond shares of value, each in its own unit", () => {
  const brief = (rules: readonly DialRule[]) =>
    rules.map((r) => ({
      limitId: r.limitId,
      dimensionValue: r.dimensionValue,
      unit: r.unit,
      exposurePct: Number(r.exposurePct.toFixed(9)),
      limitPct: r.limitPct,
      status: r.status,
    }));

  test.each<{ label: string; limits: Limit[]; rules: ReturnType<typeof brief>; status: LimitStatus }>([
    { label: "only share limits: no rules", limits: [limit({ thresholdPct: 40 })], rules: [], status: "breach" },
    {
      label: "an amount on every value: its worst value, in dollars",
      limits: [limit({ id: "cap", kind: "amount", thresholdPct: null, thresholdAmount: 400_000 })],
      rules: [
        {
          limitId: "cap",
          dimensionValue: "value_add",
          unit: "usd",
          exposurePct: 500_000,
          limitPct: 400_000,
          status: "breach",
        },
      ],
      status: "breach",
    },
    {
      label: "a count of two known values against a minimum of three",
      limits: [limit({ id: "count", kind: "count", thresholdType: "minimum", thresholdPct: null, thresholdCount: 3 })],
      rules: [{ limitId: "count", dimensionValue: "*", unit: "count", exposurePct: 2, limitPct: 3, status: "breach" }],
      status: "breach",
    },
    {
      label: "the largest two at 80 % against 70 %",
      limits: [limit({ id: "top2", kind: "top_n", topN: 2, thresholdPct: 70 })],
      rules: [{ limitId: "top2", dimensionValue: "*", unit: "pp", exposurePct: 80, limitPct: 70, status: "breach" }],
      status: "breach",
    },
    {
      // Known shares 62.5 % and 37.5 %: 3,906.25 + 1,406.25.
      label: "an HHI of 5,312.5 under 5,500: near",
      limits: [limit({ id: "hhi", kind: "hhi", thresholdPct: null, thresholdHhi: 5_500 })],
      rules: [
        { limitId: "hhi", dimensionValue: "*", unit: "hhi", exposurePct: 5_312.5, limitPct: 5_500, status: "near" },
      ],
      status: "near",
    },
    {
      label: "a target on every value: its worst value, past its band",
      limits: [limit({ id: "mix", kind: "target", thresholdType: null, thresholdPct: null, targetPct: 30, bandPp: 5 })],
      rules: [
        { limitId: "mix", dimensionValue: "value_add", unit: "pp", exposurePct: 50, limitPct: 30, status: "breach" },
      ],
      status: "breach",
    },
    {
      label: "an amount minimum on a value with no positions stands at 0",
      limits: [
        limit({
          id: "floor",
          kind: "amount",
          dimensionValue: "development",
          thresholdType: "minimum",
          thresholdPct: null,
          thresholdAmount: 100_000,
        }),
      ],
      rules: [
        {
          limitId: "floor",
          dimensionValue: "development",
          unit: "usd",
          exposurePct: 0,
          limitPct: 100_000,
          status: "breach",
        },
      ],
      status: "breach",
    },
    {
      label: "several: breaches first, then near, then within; inactive ones left out",
      limits: [
        limit({ id: "hhi", kind: "hhi", thresholdPct: null, thresholdHhi: 9_000 }),
        limit({ id: "cap", kind: "amount", thresholdPct: null, thresholdAmount: 520_000 }),
        limit({ id: "count", kind: "count", thresholdType: "minimum", thresholdPct: null, thresholdCount: 3 }),
        limit({
          id: "off",
          kind: "count",
          thresholdType: "minimum",
          thresholdPct: null,
          thresholdCount: 9,
          isActive: false,
        }),
      ],
      rules: [
        { limitId: "count", dimensionValue: "*", unit: "count", exposurePct: 2, limitPct: 3, status: "breach" },
        {
          limitId: "cap",
          dimensionValue: "value_add",
          unit: "usd",
          exposurePct: 500_000,
          limitPct: 520_000,
          status: "near",
        },
        { limitId: "hhi", dimensionValue: "*", unit: "hhi", exposurePct: 5_312.5, limitPct: 9_000, status: "within" },
      ],
      status: "breach",
    },
  ])("$label", ({ limits, rules, status }) => {
    const d = dial("strategy", limits);
    expect(brief(d.rules)).toEqual(rules);
    expect(d.status).toBe(status);
  });

  test("a top-N rule carries its N", () => {
    const d = dial("strategy", [limit({ kind: "top_n", topN: 2, thresholdPct: 70 })]);
    expect(d.rules.map((r) => r.topN)).toEqual([2]);
  });

  test("a units-basis amount is listed in units on its worst value, not drawn on the gauge of value", () => {
    // value_add is the largest in value, core in units.
    const byUnits = computeExposures([
      position({ strategy: "value_add", positionValue: 500_000, units: 40 }),
      position({ strategy: "core", positionValue: 300_000, units: 120 }),
    ]);
    const doors = limit({ id: "doors", kind: "amount", basis: "units", thresholdPct: null, thresholdAmount: 100 });
    const d = buildDials(byUnits, [doors]).find((x) => x.dimensionType === "strategy");
    expect(d?.amountCap).toBeNull();
    expect(d && brief(d.rules)).toEqual([
      { limitId: "doors", dimensionValue: "core", unit: "units", exposurePct: 120, limitPct: 100, status: "breach" },
    ]);
    expect(d?.values.map((v) => [v.dimensionValue, v.status])).toEqual([
      ["value_add", "within"],
      ["core", "breach"],
    ]);
  });
});

describe("buildDials: an amount cap on the gauge", () => {
  const cap = (overrides: Partial<Limit> = {}) =>
    limit({ id: "cap", kind: "amount", thresholdPct: null, thresholdAmount: 400_000, ...overrides });

  test.each<{
    label: string;
    limits: Limit[];
    expected: { limitId: string; limitPct: number; equivalentPct: number; status: LimitStatus } | null;
  }>([
    {
      label: "breached: $400K of a $1M book is 40 %",
      limits: [cap()],
      expected: { limitId: "cap", limitPct: 400_000, equivalentPct: 40, status: "breach" },
    },
    {
      label: "within: $800K is 80 %",
      limits: [cap({ thresholdAmount: 800_000 })],
      expected: { limitId: "cap", limitPct: 800_000, equivalentPct: 80, status: "within" },
    },
    {
      label: "the tightest of two caps on the top value",
      limits: [
        cap({ id: "loose", thresholdAmount: 900_000 }),
        cap({ id: "tight", dimensionValue: "value_add", thresholdAmount: 600_000 }),
      ],
      expected: { limitId: "tight", limitPct: 600_000, equivalentPct: 60, status: "within" },
    },
    { label: "a cap on another value: none", limits: [cap({ dimensionValue: "core" })], expected: null },
    { label: "an amount minimum: none", limits: [cap({ thresholdType: "minimum" })], expected: null },
    {
      label: "a share maximum on the top value takes the mark",
      limits: [cap(), limit({ thresholdPct: 60 })],
      expected: null,
    },
    { label: "on positions: none", limits: [cap({ basis: "positions", thresholdAmount: 1 })], expected: null },
  ])("$label", ({ limits, expected }) => {
    const d = dial("strategy", limits);
    if (expected === null) expect(d.amountCap).toBeNull();
    else
      expect(d.amountCap).toMatchObject({
        ...expected,
        dimensionValue: "value_add",
        exposurePct: 500_000,
        unit: "usd",
        equivalentPct: expect.closeTo(expected.equivalentPct, 9),
      });
  });

  test("a share minimum on the top value leaves the cap its mark", () => {
    const d = dial("strategy", [cap(), limit({ id: "floor", thresholdType: "minimum", thresholdPct: 10 })]);
    expect(d.limitPct).toBeNull();
    expect(d.amountCap?.limitId).toBe("cap");
  });
});
