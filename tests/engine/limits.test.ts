import { describe, expect, test } from "vitest";
import { computeExposures } from "@/lib/engine/exposures";
import { evaluateLimits } from "@/lib/engine/limit-kinds";
import { limitStatus } from "@/lib/engine/limits";
import type { LimitStatus, ThresholdType } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

/** Two strategies whose shares of a 1,000,000 book are `valueAddPct` and the rest. */
function book(valueAddPct: number) {
  return computeExposures([
    position({ strategy: "value_add", positionValue: valueAddPct * 10_000 }),
    position({ strategy: "core_plus", positionValue: (100 - valueAddPct) * 10_000 }),
  ]).exposures;
}

describe("evaluateLimits", () => {
  test("value_add 40 % against a critical maximum of 30 % is exactly one 10 pp breach", () => {
    const breaches = evaluateLimits(book(40), [
      limit({ id: "va-max", dimensionValue: "value_add", thresholdPct: 30, severityLevel: "critical" }),
    ]);
    expect(breaches).toEqual([
      {
        limitId: "va-max",
        kind: "share",
        basis: "value",
        dimensionType: "strategy",
        dimensionValue: "value_add",
        exposurePct: expect.closeTo(40, 9),
        thresholdPct: 30,
        thresholdType: "maximum",
        severity: "critical",
        breachPct: expect.closeTo(10, 9),
        breachUnit: "pp",
        message: "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%",
      },
    ]);
  });

  test.each([
    { label: "exactly at a maximum (30 % vs 30)", pct: 30, type: "maximum", threshold: 30, breached: false },
    {
      label: "at a maximum through division (28.000000000000004 % vs 28)",
      pct: 28,
      type: "maximum",
      threshold: 28,
      breached: false,
    },
    { label: "just over a maximum (30.01 %)", pct: 30.01, type: "maximum", threshold: 30, breached: true },
    { label: "exactly at a minimum", pct: 30, type: "minimum", threshold: 30, breached: false },
    { label: "just under a minimum (29.99 %)", pct: 29.99, type: "minimum", threshold: 30, breached: true },
    { label: "comfortably above a minimum", pct: 60, type: "minimum", threshold: 30, breached: false },
  ] as const)("$label: breach $breached", ({ pct, type, threshold, breached }) => {
    const breaches = evaluateLimits(book(pct), [
      limit({ dimensionValue: "value_add", thresholdPct: threshold, thresholdType: type }),
    ]);
    expect(breaches).toHaveLength(breached ? 1 : 0);
    if (breached) expect(breaches[0]?.breachPct).toBeCloseTo(0.01, 9);
  });

  test("the 28 % exposure above really is a rounding error over the limit", () => {
    expect(book(28).find((b) => b.dimensionValue === "value_add")?.exposurePct).toBeGreaterThan(28);
  });

  const withUnknown = computeExposures([
    position({ strategy: "value_add", positionValue: 500_000 }),
    position({ strategy: "core", positionValue: 100_000 }),
    position({ strategy: null, positionValue: 400_000 }),
  ]).exposures;

  test.each([
    {
      label: "a minimum on a value with no positions breaches at 0 %",
      limits: [limit({ dimensionValue: "development", thresholdPct: 5, thresholdType: "minimum" })],
      expected: [{ dimensionValue: "development", exposurePct: 0, breachPct: 5 }],
    },
    {
      label: "a maximum on a value with no positions never breaches",
      limits: [limit({ dimensionValue: "development", thresholdPct: 0 })],
      expected: [],
    },
    {
      label: "a null-valued limit applies to every known value but not to unknown",
      limits: [limit({ dimensionValue: null, thresholdPct: 5 })],
      expected: [
        { dimensionValue: "value_add", exposurePct: 50, breachPct: 45 },
        { dimensionValue: "core", exposurePct: 10, breachPct: 5 },
      ],
    },
    {
      label: "a limit naming unknown does apply to it",
      limits: [limit({ dimensionValue: "unknown", thresholdPct: 25 })],
      expected: [{ dimensionValue: "unknown", exposurePct: 40, breachPct: 15 }],
    },
    {
      label: "inactive limits are ignored",
      limits: [limit({ dimensionValue: null, thresholdPct: 1, isActive: false })],
      expected: [],
    },
    {
      label: "a limit on another dimension sees only its own buckets",
      limits: [limit({ dimensionType: "state", dimensionValue: null, thresholdPct: 99 })],
      expected: [{ dimensionValue: "TX", exposurePct: 100, breachPct: 1 }],
    },
  ])("$label", ({ limits, expected }) => {
    const breaches = evaluateLimits(withUnknown, limits).map(({ dimensionValue, exposurePct, breachPct }) => ({
      dimensionValue,
      exposurePct,
      breachPct,
    }));
    expect(breaches).toEqual(
      expected.map((e) => ({
        ...e,
        exposurePct: expect.closeTo(e.exposurePct, 9),
        breachPct: expect.closeTo(e.breachPct, 9),
      })),
    );
  });

  test("empty portfolio: no maximum breaches, a named minimum breaches", () => {
    expect(evaluateLimits([], [limit({ dimensionValue: null, thresholdPct: 0 })])).toEqual([]);
    expect(
      evaluateLimits([], [limit({ dimensionValue: "core", thresholdPct: 10, thresholdType: "minimum" })]),
    ).toHaveLength(1);
  });
});

describe("limitStatus", () => {
  test.each<{ label: string; exposure: number; limitPct: number; type: ThresholdType; status: LimitStatus }>([
    { label: "maximum: well below", exposure: 20, limitPct: 30, type: "maximum", status: "within" },
    {
      label: "maximum: just under 90 % of the limit",
      exposure: 26.99,
      limitPct: 30,
      type: "maximum",
      status: "within",
    },
    { label: "maximum: at 90 % of the limit", exposure: 27, limitPct: 30, type: "maximum", status: "near" },
    { label: "maximum: exactly at the limit", exposure: 30, limitPct: 30, type: "maximum", status: "near" },
    {
      label: "maximum: at the limit via division",
      exposure: (280_000 / 1_000_000) * 100,
      limitPct: 28,
      type: "maximum",
      status: "near",
    },
    { label: "maximum: just over", exposure: 30.01, limitPct: 30, type: "maximum", status: "breach" },
    { label: "minimum: well above", exposure: 50, limitPct: 10, type: "minimum", status: "within" },
    { label: "minimum: at 110 % of the limit", exposure: 11, limitPct: 10, type: "minimum", status: "within" },
    { label: "minimum: just under 110 % of the limit", exposure: 10.99, limitPct: 10, type: "minimum", status: "near" },
    { label: "minimum: exactly at the limit", exposure: 10, limitPct: 10, type: "minimum", status: "near" },
    { label: "minimum: just under", exposure: 9.99, limitPct: 10, type: "minimum", status: "breach" },
  ])("$label -> $status", ({ exposure, limitPct, type, status }) => {
    expect(limitStatus(exposure, limitPct, type)).toBe(status);
  });
});
