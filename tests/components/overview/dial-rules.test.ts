import { describe, expect, test } from "vitest";
import { dialLines, dialRuleDistance, dialRuleText } from "@/components/overview/dial-rules";
import { buildDials } from "@/lib/engine/dashboard";
import { computeExposures } from "@/lib/engine/exposures";
import type { Limit } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// MSA: Dallas $600K (150 units), Los Angeles $400K (100 units): a $1M book.
const result = computeExposures([
  position({ msaId: "19100", positionValue: 600_000, units: 150 }),
  position({ msaId: "31080", positionValue: 400_000, units: 100 }),
]);
const onMsa = (overrides: Partial<Limit>) => limit({ dimensionType: "msa", thresholdPct: null, ...overrides });

function msaDial(limits: Limit[]) {
  const dial = buildDials(result, limits).find((d) => d.dimensionType === "msa");
  if (!dial) throw new Error("no msa dial");
  return dial;
}

describe("dialRuleText: each kind in its own unit", () => {
  test.each([
    {
      label: "an amount in dollars",
      l: onMsa({ kind: "amount", thresholdAmount: 500_000 }),
      text: "Dallas-Fort Worth-Arlington, TX $600.0K · max $500.0K",
      distance: "over by $100.0K",
    },
    {
      label: "an amount in units",
      l: onMsa({ kind: "amount", basis: "units", thresholdAmount: 200 }),
      text: "Dallas-Fort Worth-Arlington, TX 150 units · max 200 units",
      distance: "headroom 50 units",
    },
    {
      label: "a share of positions",
      l: onMsa({ kind: "share", basis: "positions", thresholdPct: 40 }),
      text: "Dallas-Fort Worth-Arlington, TX 50.0 % of positions · max 40.0 %",
      distance: "over by 10.0 pp",
    },
    {
      label: "a count",
      l: onMsa({ kind: "count", thresholdType: "minimum", thresholdCount: 10 }),
      text: "2 values · min 10",
      distance: "under by 8",
    },
    {
      label: "the largest few",
      l: onMsa({ kind: "top_n", topN: 1, thresholdPct: 50 }),
      text: "Top 1 at 60.0 % · max 50.0 %",
      distance: "over by 10.0 pp",
    },
    {
      label: "an HHI",
      l: onMsa({ kind: "hhi", thresholdHhi: 1_500 }),
      text: "HHI 5,200 · max 1,500",
      distance: "over by 3,700",
    },
    {
      label: "a target",
      l: onMsa({ kind: "target", dimensionValue: "31080", thresholdType: null, targetPct: 25, bandPp: 5 }),
      text: "Los Angeles-Long Beach-Anaheim, CA 40.0 % · target 25.0 % ± 5.0 pp",
      distance: "10.0 pp past its band",
    },
  ])("$label: $text", ({ l, text, distance }) => {
    const [rule] = msaDial([l]).rules;
    if (!rule) throw new Error("no rule");
    expect(dialRuleText("msa", rule)).toBe(text);
    expect(dialRuleDistance(rule)).toBe(distance);
  });
});

describe("dialLines: the gauge's mark, then the other rules", () => {
  const cap = onMsa({ id: "cap", kind: "amount", thresholdAmount: 500_000 });
  const hhi = onMsa({ id: "hhi", kind: "hhi", thresholdHhi: 1_500 });
  const count = onMsa({ id: "count", kind: "count", thresholdType: "minimum", thresholdCount: 3 });
  const top1 = onMsa({ id: "top1", kind: "top_n", topN: 1, thresholdPct: 70 });

  test.each([
    {
      label: "only a share minimum: no mark, nothing listed",
      limits: [onMsa({ thresholdType: "minimum", thresholdPct: 10 })],
      markPct: null,
      markLine: null,
      shown: [],
      hidden: [],
    },
    {
      label: "an amount cap is the mark, at its share of the book; not listed again",
      limits: [cap],
      markPct: 50,
      markLine: "Limit $500.0K (≈ 50.0 %) · over by $100.0K",
      shown: [],
      hidden: [],
    },
    {
      label: "a share maximum is the mark; the cap is listed",
      limits: [onMsa({ id: "share", thresholdPct: 65 }), cap],
      markPct: 65,
      markLine: "Limit 65.0 % · headroom 5.0 pp",
      shown: ["cap"],
      hidden: [],
    },
    {
      label: "with a mark, one rule has a line, the rest wait",
      limits: [cap, hhi, count, top1],
      markPct: 50,
      markLine: "Limit $500.0K (≈ 50.0 %) · over by $100.0K",
      shown: ["hhi"],
      hidden: ["count", "top1"],
    },
    {
      label: "without a mark, two rules have lines",
      limits: [hhi, count, top1],
      markPct: null,
      markLine: null,
      shown: ["hhi", "count"],
      hidden: ["top1"],
    },
  ])("$label", ({ limits, markPct, markLine, shown, hidden }) => {
    const lines = dialLines(msaDial(limits), 2);
    expect(lines.markPct === null ? null : Number(lines.markPct.toFixed(9))).toBe(markPct);
    expect(lines.markLine).toBe(markLine);
    expect(lines.shown.map((r) => r.limitId)).toEqual(shown);
    expect(lines.hidden.map((r) => r.limitId)).toEqual(hidden);
  });

  test("what the gauge's marks stand for, for its label", () => {
    const target = onMsa({ id: "t", kind: "target", thresholdType: null, targetPct: 55, bandPp: 10 });
    expect(dialLines(msaDial([cap, target]), 2).spoken).toBe(
      "a cap of $500.0K, about 50.0 % of the portfolio and a target of 55.0 % ± 10.0 pp",
    );
    expect(dialLines(msaDial([hhi]), 2).spoken).toBe("");
  });
});
