import { describe, expect, test } from "vitest";
import { compareToDefinitions, compareToLimits, type LimitDefinition } from "@/lib/engine/compare";
import { computeExposures } from "@/lib/engine/exposures";
import { position } from "@/tests/support/engine-fixtures";

// State 50/30/20 of known value plus 10 % unknown; strategy all "core".
const exposures = computeExposures([
  position({ state: "CA", positionValue: 450_000 }),
  position({ state: "TX", positionValue: 270_000 }),
  position({ state: "AZ", positionValue: 180_000 }),
  position({ state: null, positionValue: 100_000 }),
]).exposures;

describe("compareToLimits", () => {
  test("one row per known value of each named dimension, breaches first then utilization", () => {
    const rows = compareToLimits(exposures, { state: 40, strategy: 100 });
    expect(rows.map((r) => [r.dimensionType, r.dimensionValue, r.status])).toEqual([
      ["state", "CA", "breach"],
      ["strategy", "core", "within"],
      ["state", "TX", "within"],
      ["state", "AZ", "within"],
    ]);
  });

  test.each([
    { label: "over the limit", value: "CA", exposurePct: 45, headroomPp: -5, utilizationPct: 112.5, status: "breach" },
    { label: "under the limit", value: "TX", exposurePct: 27, headroomPp: 13, utilizationPct: 67.5, status: "within" },
    { label: "well under", value: "AZ", exposurePct: 18, headroomPp: 22, utilizationPct: 45, status: "within" },
  ])("$label: headroom $headroomPp pp, utilization $utilizationPct %", ({ value, ...expected }) => {
    const row = compareToLimits(exposures, { state: 40 }).find((r) => r.dimensionValue === value);
    expect(row).toEqual({
      dimensionType: "state",
      dimensionValue: value,
      limitPct: 40,
      exposurePct: expect.closeTo(expected.exposurePct, 9),
      headroomPp: expect.closeTo(expected.headroomPp, 9),
      utilizationPct: expect.closeTo(expected.utilizationPct, 9),
      status: expected.status,
    });
  });

  test.each([
    { label: "unknown is never compared", limits: { state: 40 }, values: ["CA", "TX", "AZ"] },
    { label: "dimensions without a limit are skipped", limits: { msa: 50 }, values: ["12420"] },
    { label: "no limits, no rows", limits: {}, values: [] },
  ])("$label", ({ limits, values }) => {
    expect(compareToLimits(exposures, limits).map((r) => r.dimensionValue)).toEqual(values);
  });

  test("a 0 % limit has no utilization and any exposure breaches it", () => {
    const [row] = compareToLimits(exposures, { strategy: 0 });
    expect(row).toMatchObject({ utilizationPct: null, status: "breach", headroomPp: -100 });
  });

  test("exactly at the limit is within", () => {
    const [row] = compareToLimits(exposures, { strategy: 100 });
    expect(row).toMatchObject({ status: "within", headroomPp: 0, utilizationPct: 100 });
  });
});

// Value: CA 50 %, TX 30 %, AZ 20 % of $1,000K; strategy core 80 %, value_add 20 %. Units: CA 200,
// TX 100; AZ has none, so on the units basis it is missing data (the unknown bucket), not a value.
const book = computeExposures([
  position({ state: "CA", strategy: "core", positionValue: 500_000, units: 200 }),
  position({ state: "TX", strategy: "core", positionValue: 300_000, units: 100 }),
  position({ state: "AZ", strategy: "value_add", positionValue: 200_000, units: null }),
]).exposures;

function definition(overrides: Partial<LimitDefinition>): LimitDefinition {
  return {
    dimensionType: "state",
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

describe("compareToDefinitions: limits of any kind, not stored", () => {
  test.each<{
    label: string;
    definition: Partial<LimitDefinition>;
    rows: Array<[value: string, exposure: number, headroom: number, status: string, message: string | null]>;
  }>([
    {
      label: "an amount: the value over its maximum breaches, those under it are within",
      definition: { kind: "amount", thresholdAmount: 400_000 },
      rows: [
        [
          "CA",
          500_000,
          -100_000,
          "breach",
          "Exposure threshold breached: state='CA' at $500.0K exceeds maximum of $400.0K",
        ],
        ["TX", 300_000, 100_000, "within", null],
        ["AZ", 200_000, 200_000, "within", null],
      ],
    },
    {
      label: "a count is one row for the whole dimension, *",
      definition: { kind: "count", thresholdCount: 2 },
      rows: [["*", 3, -1, "breach", "Diversification threshold breached: state count 3 exceeds maximum of 2"]],
    },
    {
      label: "a count exactly on its minimum is no breach (near: under 110 % of it)",
      definition: { kind: "count", thresholdCount: 3, thresholdType: "minimum" },
      rows: [["*", 3, 0, "near", null]],
    },
    {
      label: "a target breached above its band (core 80 % against 70 ± 5)",
      definition: { dimensionType: "strategy", kind: "target", dimensionValue: "core", targetPct: 70, bandPp: 5 },
      rows: [
        [
          "core",
          80,
          -5,
          "breach",
          "Target drift: strategy='core' at 80.0% is 10.0 pp above target 70.0% (band ±5.0 pp)",
        ],
      ],
    },
    {
      label: "a target breached below its band (value_add 20 % against 30 ± 5)",
      definition: { dimensionType: "strategy", kind: "target", dimensionValue: "value_add", targetPct: 30, bandPp: 5 },
      rows: [
        [
          "value_add",
          20,
          -5,
          "breach",
          "Target drift: strategy='value_add' at 20.0% is 10.0 pp below target 30.0% (band ±5.0 pp)",
        ],
      ],
    },
    {
      label: "a target inside its band is within (2 pp of ±5 used)",
      definition: { dimensionType: "strategy", kind: "target", dimensionValue: "value_add", targetPct: 22, bandPp: 5 },
      rows: [["value_add", 20, 3, "within", null]],
    },
    {
      label: "an amount on the units basis counts owned doors; AZ, without units, is no value there",
      definition: { kind: "amount", basis: "units", thresholdAmount: 150 },
      rows: [
        ["CA", 200, -50, "breach", "Exposure threshold breached: state='CA' at 200 units exceeds maximum of 150 units"],
        ["TX", 100, 50, "within", null],
      ],
    },
  ])("$label", ({ definition: overrides, rows }) => {
    const found = compareToDefinitions(book, [definition(overrides)]);
    expect(
      found.map((r) => [r.dimensionValue, r.exposurePct, Number(r.headroomPp.toFixed(9)), r.status, r.message]),
    ).toEqual(rows);
  });

  test("rows point back to their definition and sort as the utilisation table does: breaches first, the most used first", () => {
    const rows = compareToDefinitions(book, [
      definition({ kind: "share", thresholdPct: 55 }),
      definition({ kind: "hhi", thresholdHhi: 3_000 }),
      definition({ kind: "share", thresholdPct: 25, dimensionValue: "TX", severityLevel: "critical" }),
    ]);
    expect(rows.map((r) => [r.index, r.limitId, r.kind, r.dimensionValue, r.status, r.utilizationPct])).toEqual([
      [1, "limits[1]", "hhi", "*", "breach", expect.closeTo(3_800 / 30, 9)], // 50² + 30² + 20² = 3,800
      [2, "limits[2]", "share", "TX", "breach", expect.closeTo(120, 9)],
      [0, "limits[0]", "share", "CA", "near", expect.closeTo((50 / 55) * 100, 9)],
      [0, "limits[0]", "share", "TX", "within", expect.closeTo((30 / 55) * 100, 9)],
      [0, "limits[0]", "share", "AZ", "within", expect.closeTo((20 / 55) * 100, 9)],
    ]);
  });

  test("a share of value agrees with the flat form, and has the alert's message", () => {
    const [row] = compareToDefinitions(book, [definition({ thresholdPct: 40, dimensionValue: "CA" })]);
    const [flat] = compareToLimits(book, { state: 40 });
    expect(row).toMatchObject({ ...flat, unit: "pp", bandPp: null, thresholdType: "maximum" });
    expect(row?.message).toBe("Exposure threshold breached: state='CA' at 50.0% exceeds maximum of 40.0%");
  });

  test.each([
    { label: "an inactive definition checks nothing", definitions: [definition({ thresholdPct: 1, isActive: false })] },
    { label: "no definitions, no rows", definitions: [] },
  ])("$label", ({ definitions }) => {
    expect(compareToDefinitions(book, definitions)).toEqual([]);
  });
});
