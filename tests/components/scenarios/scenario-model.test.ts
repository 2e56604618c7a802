import { describe, expect, test } from "vitest";
import { bucketText, labellerFor } from "@/components/scenarios/labels";
import {
  acquisitionSentence,
  affectedBars,
  barScale,
  describeLimit,
  verdictSummary,
} from "@/components/scenarios/scenario-model";
import { type BreachChangeKind, evaluateScenario, type ScenarioEvaluation, type Trade } from "@/lib/engine/scenario";
import type { Limit } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// $1,000,000: value_add 40 % (P2, P3), core 40 % (P1), core_plus 20 % (P4); TX 50 %, CA 30 %, NY 20 %.
const BOOK = [
  position({ positionId: "P1", strategy: "core", state: "TX", positionValue: 400_000 }),
  position({ positionId: "P2", strategy: "value_add", state: "TX", positionValue: 100_000 }),
  position({ positionId: "P3", strategy: "value_add", state: "CA", positionValue: 300_000 }),
  position({ positionId: "P4", strategy: "core_plus", state: "NY", positionValue: 200_000 }),
];
const VA_MAX = limit({ id: "va", dimensionValue: "value_add", thresholdPct: 50, severityLevel: "critical" });
const TX_MAX = limit({ id: "tx", dimensionType: "state", dimensionValue: "TX", thresholdPct: 45 });
const STATE_MAX = limit({ id: "st", dimensionType: "state", thresholdPct: 60 });

function evaluate(trades: Trade[], limits: Limit[]): ScenarioEvaluation {
  const result = evaluateScenario(BOOK, trades, [], limits);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const buy = (strategy: string, state: string, positionValue: number): Trade => ({
  action: "buy",
  position: position({ positionId: "N1", strategy, state, positionValue }),
});

describe("verdictSummary", () => {
  const of = (...kinds: BreachChangeKind[]) => verdictSummary(kinds.map((change) => ({ change })));
  test.each([
    [[], "No limit newly breached or made worse."],
    [["new"], "1 new breach."],
    [["new", "new", "worse"], "2 new breaches and 1 breach made worse."],
    [["worse", "worse", "cleared"], "2 breaches made worse. Existing breaches: 1 cleared."],
    [
      ["same", "better", "cleared"],
      "No limit newly breached or made worse. Existing breaches: 1 cleared, 1 eased, 1 unchanged.",
    ],
  ] as Array<[BreachChangeKind[], string]>)("%j", (kinds, text) => {
    expect(of(...kinds)).toBe(text);
  });
});

describe("affectedBars", () => {
  test("a value that moved and has a limit gets a bar against it; one without a limit does not", () => {
    // Buying 500,000 of value_add in AZ: value_add 60 % (new critical breach), TX 33.3 % (cleared).
    const bars = affectedBars(evaluate([buy("value_add", "AZ", 500_000)], [VA_MAX, TX_MAX]), [VA_MAX, TX_MAX]);
    expect(bars.map((b) => [b.dimensionType, b.dimensionValue, b.limitPct, b.before, b.after])).toEqual([
      ["strategy", "value_add", 50, "within", "breach"],
      ["state", "TX", 45, "breach", "within"],
    ]);
    expect(bars[0]?.afterPct).toBeCloseTo(60, 9);
    expect(bars[0]?.severity).toBe("critical");
  });

  test("a dimension-wide limit covers every known value that moved", () => {
    const bars = affectedBars(evaluate([buy("core", "AZ", 1_000_000)], [STATE_MAX]), [STATE_MAX]);
    expect(bars.map((b) => b.dimensionValue)).toEqual(["AZ", "TX", "CA", "NY"]);
    expect(bars.every((b) => b.limitPct === 60)).toBe(true);
  });

  test("of two limits, a breached one is drawn, critical first; else the one with the least headroom", () => {
    const tight = limit({ id: "tx2", dimensionType: "state", dimensionValue: "TX", thresholdPct: 55 });
    const crit = { ...TX_MAX, id: "txc", thresholdPct: 48, severityLevel: "critical" as const };
    const limits = [STATE_MAX, tight, TX_MAX, crit];
    // Selling NY: TX 500,000 of 800,000 = 62.5 %, past all four; the critical one is drawn.
    const sold = affectedBars(evaluate([{ action: "sell", positionId: "P4", value: null }], limits), limits);
    expect(sold.find((b) => b.dimensionValue === "TX")).toMatchObject({ limitPct: 48, severity: "critical" });
    // Buying elsewhere: TX 500,000 of 1,100,000 = 45.5 %, past 45 only.
    const bought = affectedBars(evaluate([buy("core", "NY", 100_000)], limits), limits);
    expect(bought.find((b) => b.dimensionValue === "TX")).toMatchObject({ limitPct: 45, after: "breach" });
    // Buying more elsewhere: TX 500,000 of 1,200,000 = 41.7 %, within all; 45 is the nearest.
    const within = affectedBars(evaluate([buy("core", "NY", 200_000)], limits), limits);
    expect(within.find((b) => b.dimensionValue === "TX")).toMatchObject({ limitPct: 45, after: "near" });
  });

  test("a breach that did not move is still drawn; inactive limits are not", () => {
    const inactive = { ...VA_MAX, id: "off", isActive: false };
    // Revaluing CA to what it is worth moves nothing; TX stays breached.
    const bars = affectedBars(
      evaluate([{ action: "revalue", positionId: "P3", positionValue: 300_000 }], [TX_MAX, inactive]),
      [TX_MAX, inactive],
    );
    expect(bars).toEqual([
      {
        dimensionType: "state",
        dimensionValue: "TX",
        beforePct: 50,
        afterPct: 50,
        limitPct: 45,
        thresholdType: "maximum",
        severity: "warning",
        before: "breach",
        after: "breach",
      },
    ]);
  });

  test.each([
    [[], 100],
    [[{ beforePct: 10, afterPct: 20, limitPct: 30 }], 35],
    [[{ beforePct: 0, afterPct: 0, limitPct: 0 }], 100],
    [[{ beforePct: 95, afterPct: 99, limitPct: 50 }], 100],
  ])("barScale(%j) is %d", (bars, scale) => {
    expect(barScale(bars)).toBe(scale);
  });
});

describe("acquisitionSentence", () => {
  const label = labellerFor({ "38060": "Phoenix-Mesa-Scottsdale, AZ" });
  const describeIt = (b: Parameters<typeof describeLimit>[0]) => describeLimit(b, label);
  const binding = (over: Partial<Parameters<typeof describeLimit>[0]> = {}) => ({
    thresholdId: "L1",
    dimensionType: "strategy" as const,
    dimensionValue: "value_add",
    thresholdType: "maximum" as const,
    thresholdPct: 50,
    ...over,
  });

  test.each([
    {
      label: "nothing binds",
      result: { maxValue: null, binding: null },
      own: false,
      text: { headline: "No limit bounds this purchase.", detail: null },
    },
    {
      label: "an amount fits",
      result: { maxValue: 200_000, binding: binding() },
      own: true,
      text: { headline: "Up to $200K fits; binding: Strategy Value add at most 50.0 %.", detail: null },
    },
    {
      label: "0 under a maximum the asset's value is already at",
      result: { maxValue: 0, binding: binding({ dimensionType: "msa", dimensionValue: "38060", thresholdPct: 10 }) },
      own: true,
      text: {
        headline: "Nothing fits ($0); binding: MSA Phoenix-Mesa-Scottsdale, AZ at most 10.0 %.",
        detail: "Why: the asset's value already stands at or past that maximum, so any purchase makes it worse.",
      },
    },
    {
      label: "0 under another value's minimum",
      result: { maxValue: 0, binding: binding({ dimensionValue: "core", thresholdType: "minimum", thresholdPct: 45 }) },
      own: false,
      text: {
        headline: "Nothing fits ($0); binding: Strategy Core at least 45.0 %.",
        detail: "Why: that value is already below its minimum, and any purchase lowers its share further.",
      },
    },
    {
      label: "0 because the asset's new value cannot reach its minimum",
      result: {
        maxValue: 0,
        binding: binding({ dimensionType: "state", dimensionValue: "AZ", thresholdType: "minimum" }),
      },
      own: true,
      text: {
        headline: "Nothing fits ($0); binding: State AZ at least 50.0 %.",
        detail:
          "Why: the asset brings a new value that must reach that minimum, and a purchase that large breaks another limit.",
      },
    },
  ])("$label", ({ result, own, text }) => {
    expect(acquisitionSentence(result, describeIt, () => own)).toEqual(text);
  });
});

describe("labels without the CBSA list", () => {
  test("MSA titles come from the names handed over; others read as the app reads them", () => {
    const label = labellerFor({ "38060": "Phoenix-Mesa-Scottsdale, AZ" });
    expect(label("msa", "38060")).toBe("Phoenix-Mesa-Scottsdale, AZ");
    expect(label("msa", "99999")).toBe("MSA 99999");
    expect(label("strategy", "value_add")).toBe("Value add");
    expect(label("state", "unknown")).toBe("Unknown");
  });

  test.each([
    ["state", " az ", "AZ"],
    ["strategy", "Value_Add", "value_add"],
    ["msa", "38060", "38060"],
    ["vintage", "1970s", "1970s"],
  ] as const)("bucketText(%s, %j) is %j", (dimension, text, bucket) => {
    expect(bucketText(dimension, text)).toBe(bucket);
  });
});
