import { describe, expect, test } from "vitest";
import { compareToLimits } from "@/lib/engine/compare";
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
