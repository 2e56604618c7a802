import { describe, expect, test } from "vitest";
import { buildDials, buildSeries } from "@/lib/engine/dashboard";
import { computeExposures } from "@/lib/engine/exposures";
import { DIMENSIONS, type Dimension, type Limit } from "@/lib/engine/types";
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

  test("an amount within its line leaves the dial within", () => {
    const cap = limit({ dimensionValue: "value_add", kind: "amount", thresholdPct: null, thresholdAmount: 500_000 });
    expect(dial("strategy", [cap]).status).toBe("within");
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
    expect(dial("strategy", [named]).target).toEqual({ targetPct: 40, bandPp: 5 });
    const everyValue = limit({ kind: "target", thresholdType: null, thresholdPct: null, targetPct: 30 });
    expect(dial("strategy", [everyValue]).target).toEqual({ targetPct: 30, bandPp: 6 });
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
