import { describe, expect, test } from "vitest";
import { buildExposureRows, flatMaximum } from "@/components/exposures/exposure-rows";
import { computeExposures } from "@/lib/engine/exposures";
import { capacity } from "@/lib/engine/scenario";
import type { Limit } from "@/lib/engine/types";
import { limit, position } from "@/tests/support/engine-fixtures";

// Strategy: value_add 50 %, core 30 %, unknown 20 %.
const book = computeExposures([
  position({ strategy: "value_add", positionValue: 500_000 }),
  position({ strategy: "core", positionValue: 300_000 }),
  position({ strategy: null, positionValue: 200_000 }),
]);
const exposures = book.exposures;

const rowOf = (limits: Limit[], value: string) =>
  buildExposureRows("strategy", exposures, limits).find((r) => r.value === value);

describe("buildExposureRows", () => {
  test.each([
    { label: "no limit", limits: [], value: "value_add", max: null, min: null, headroom: null, status: "none" },
    {
      label: "flat maximum: headroom is limit − exposure",
      limits: [limit({ thresholdPct: 60 })],
      value: "value_add",
      max: 60,
      min: null,
      headroom: 10,
      status: "within",
    },
    {
      label: "near a maximum",
      limits: [limit({ thresholdPct: 52 })],
      value: "value_add",
      max: 52,
      min: null,
      headroom: 2,
      status: "near",
    },
    {
      label: "over a maximum: negative headroom",
      limits: [limit({ thresholdPct: 40 })],
      value: "value_add",
      max: 40,
      min: null,
      headroom: -10,
      status: "breach",
    },
    {
      label: "named maximum tighter than the flat one wins",
      limits: [limit({ thresholdPct: 60 }), limit({ id: "L2", dimensionValue: "core", thresholdPct: 35 })],
      value: "core",
      max: 35,
      min: null,
      headroom: 5,
      status: "within",
    },
    {
      label: "a minimum is shown and counts for headroom",
      limits: [
        limit({ thresholdPct: 60 }),
        limit({ id: "L2", dimensionValue: "core", thresholdType: "minimum", thresholdPct: 28 }),
      ],
      value: "core",
      max: 60,
      min: 28,
      headroom: 2,
      status: "near",
    },
    {
      label: "a flat limit does not cover unknown",
      limits: [limit({ thresholdPct: 10 })],
      value: "unknown",
      max: null,
      min: null,
      headroom: null,
      status: "none",
    },
    {
      label: "inactive limits are ignored",
      limits: [limit({ thresholdPct: 10, isActive: false })],
      value: "core",
      max: null,
      min: null,
      headroom: null,
      status: "none",
    },
    {
      label: "other dimensions' limits are ignored",
      limits: [limit({ dimensionType: "state", thresholdPct: 10 })],
      value: "core",
      max: null,
      min: null,
      headroom: null,
      status: "none",
    },
  ])("$label", ({ limits, value, max, min, headroom, status }) => {
    const row = rowOf(limits as Limit[], value);
    expect(row?.maximum?.pct ?? null).toBe(max);
    expect(row?.minimum?.pct ?? null).toBe(min);
    if (headroom === null) expect(row?.headroomPp).toBeNull();
    else expect(row?.headroomPp).toBeCloseTo(headroom, 9);
    expect(row?.status).toBe(status);
  });

  test("a limit on a value the book does not hold gets a 0 % row before unknown", () => {
    const rows = buildExposureRows("strategy", exposures, [
      limit({ dimensionValue: "development", thresholdType: "minimum", thresholdPct: 5 }),
    ]);
    expect(rows.map((r) => r.value)).toEqual(["value_add", "core", "development", "unknown"]);
    expect(rows[2]).toMatchObject({ exposurePct: 0, positionCount: 0, status: "breach", headroomPp: -5 });
  });
});

describe("flatMaximum", () => {
  test.each([
    { label: "none", limits: [], pct: null },
    {
      label: "the tightest dimension-wide maximum",
      limits: [limit({ thresholdPct: 40 }), limit({ id: "L2", thresholdPct: 30, severityLevel: "critical" })],
      pct: 30,
    },
    {
      label: "named limits and minimums are not flat",
      limits: [limit({ dimensionValue: "core" }), limit({ thresholdType: "minimum" })],
      pct: null,
    },
  ])("$label", ({ limits, pct }) => {
    expect(flatMaximum("strategy", limits as Limit[])).toBe(pct);
  });
});

describe("buildExposureRows capacity", () => {
  // The capacity service's rows for the same book and limits, as the exposures page passes them.
  const capacityOf = (limits: Limit[], value: string) => {
    const row = buildExposureRows("strategy", exposures, limits, capacity(book, limits)).find((r) => r.value === value);
    return { capacityValue: row?.capacityValue, shortfallValue: row?.shortfallValue };
  };

  test.each([
    { label: "no limit: no capacity", limits: [], value: "core", room: null, short: null },
    // (0.6 × 1,000,000 − 300,000) / 0.4
    {
      label: "a flat maximum: dollars to reach it",
      limits: [limit({ thresholdPct: 60 })],
      value: "core",
      room: 750_000,
    },
    {
      label: "the smallest room among the maximums that apply",
      limits: [limit({ thresholdPct: 60 }), limit({ id: "L2", dimensionValue: "core", thresholdPct: 35 })],
      value: "core",
      room: 76_923.07,
    },
    { label: "past a maximum: 0", limits: [limit({ thresholdPct: 40 })], value: "value_add", room: 0 },
    { label: "a 100 % maximum: unlimited", limits: [limit({ thresholdPct: 100 })], value: "core", room: "unlimited" },
    { label: "a flat maximum does not cover unknown", limits: [limit({ thresholdPct: 60 })], value: "unknown" },
    {
      label: "a minimum met: no maximum, no shortfall",
      limits: [limit({ dimensionValue: "core", thresholdType: "minimum", thresholdPct: 28 })],
      value: "core",
    },
    // (0.4 × 1,000,000 − 300,000) / 0.6, rounded up to the cent
    {
      label: "a minimum short: what it needs",
      limits: [
        limit({ dimensionValue: "core", thresholdType: "minimum", thresholdPct: 40 }),
        limit({ thresholdPct: 60 }),
      ],
      value: "core",
      room: 750_000,
      short: 166_666.67,
    },
    {
      label: "a minimum of 100 % with other values held: out of reach",
      limits: [limit({ dimensionValue: "core", thresholdType: "minimum", thresholdPct: 100 })],
      value: "core",
      short: "unreachable",
    },
    {
      label: "other dimensions' capacity is ignored",
      limits: [limit({ dimensionType: "state", thresholdPct: 10 })],
      value: "core",
    },
  ])("$label", ({ limits, value, room = null, short = null }) => {
    expect(capacityOf(limits as Limit[], value)).toEqual({ capacityValue: room, shortfallValue: short });
  });

  test("without the capacity rows every value reads no capacity", () => {
    expect(buildExposureRows("strategy", exposures, [limit({ thresholdPct: 60 })]).map((r) => r.capacityValue)).toEqual(
      [null, null, null],
    );
  });
});
