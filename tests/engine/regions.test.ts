import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { computeCrossTab } from "@/lib/engine/crosstab";
import { bucketsFor, computeExposures } from "@/lib/engine/exposures";
import { evaluateLimits } from "@/lib/engine/limit-kinds";
import { normalizeDimensionValue, US_STATE_CODES } from "@/lib/engine/normalize";
import { divisionOf, NCREIF_DIVISIONS, NCREIF_REGIONS, REGIONS, regionOf, statesOf } from "@/lib/engine/regions";
import { bucketOf } from "@/lib/engine/scenario";
import { limit, position } from "@/tests/support/engine-fixtures";

describe("NCREIF regions from a position's state", () => {
  test("every state and DC is in exactly one division; Puerto Rico in none", () => {
    const listed = Object.values(NCREIF_DIVISIONS).flat();
    expect(new Set(listed).size).toBe(listed.length);
    const expected = [...US_STATE_CODES].filter((code) => code !== "PR").sort();
    expect([...listed].sort()).toEqual(expected);
    expect(listed).toHaveLength(51);
    expect(regionOf("PR")).toBeNull();
  });

  test("each region is two divisions, and each division in one region", () => {
    const divisions = Object.values(NCREIF_REGIONS).flat();
    expect([...divisions].sort()).toEqual(Object.keys(NCREIF_DIVISIONS).sort());
    for (const pair of Object.values(NCREIF_REGIONS)) expect(pair).toHaveLength(2);
  });

  test.each([
    ["NY", "east", "northeast"],
    ["DC", "east", "mideast"],
    ["KY", "east", "mideast"],
    ["IL", "midwest", "east_north_central"],
    ["MO", "midwest", "west_north_central"],
    ["FL", "south", "southeast"],
    ["TX", "south", "southwest"],
    ["AZ", "west", "mountain"],
    ["HI", "west", "pacific"],
  ])("%s is in the %s region (%s)", (state, region, division) => {
    expect(regionOf(state)).toBe(region);
    expect(divisionOf(state)).toBe(division);
  });

  test.each([null, "unknown", "tx", "ZZ"])("%j has no region", (state) => {
    expect(regionOf(state)).toBeNull();
  });
});

describe("region as a dimension: the state tally folded into regions", () => {
  const book = [
    position({ positionId: "tx", state: "TX", positionValue: 400_000_000, units: 1_000, ownershipPct: 50 }),
    position({ positionId: "ga", state: "GA", positionValue: 100_000_000, units: 300 }),
    position({ positionId: "ca", state: "CA", positionValue: 250_000_000, units: null }),
    position({ positionId: "ny", state: "NY", positionValue: 150_000_000, units: 200 }),
    position({ positionId: "pr", state: "PR", positionValue: 60_000_000, units: 50 }),
    position({ positionId: "none", state: null, positionValue: 40_000_000, units: 10 }),
  ];
  const regions = () =>
    bucketsFor(computeExposures(book), "region").map((b) => [
      b.dimensionValue,
      b.exposureValue,
      b.exposurePct,
      b.positionCount,
      b.exposureUnits,
      b.unitsCount,
    ]);

  test("a region sums its states' owned value, units and positions; PR and a missing state are unknown", () => {
    // Owned: TX 200M (half of 400M) + GA 100M = south 300M; CA 250M west; NY 150M east; PR 60M and
    // no state 40M unknown. Total 800M.
    expect(regions()).toEqual([
      ["south", 300_000_000, 37.5, 2, 800, 2],
      ["west", 250_000_000, 31.25, 1, 0, 0],
      ["east", 150_000_000, 18.75, 1, 200, 1],
      ["unknown", 100_000_000, 12.5, 2, 60, 2],
    ]);
  });

  test("concentration over regions leaves unknown out", () => {
    const c = computeExposures(book).concentration.region;
    expect(c.count).toBe(3);
    expect(c.top1Pct).toBe(37.5);
    expect(c.coveragePct).toBe(87.5);
  });

  test("a book with no known state has one unknown region bucket", () => {
    const only = computeExposures([position({ state: "PR" }), position({ state: null })]);
    expect(bucketsFor(only, "region").map((b) => [b.dimensionValue, b.positionCount])).toEqual([["unknown", 2]]);
  });

  test("an ODCE-style cap (at most 65 % in one region) reads region shares", () => {
    const breaches = evaluateLimits(computeExposures(book).exposures, [
      limit({ dimensionType: "region", thresholdPct: 35 }),
      limit({ id: "L2", dimensionType: "region", thresholdPct: 65 }),
    ]);
    expect(breaches.map((b) => [b.limitId, b.dimensionValue, b.message])).toEqual([
      ["L1", "south", "Exposure threshold breached: region='south' at 37.5% exceeds maximum of 35.0%"],
    ]);
  });

  test("a position's region bucket and a cross-tab by region agree with the exposures", () => {
    expect(book.map((p) => bucketOf(p, "region"))).toEqual(["south", "south", "west", "east", "unknown", "unknown"]);
    const tab = computeCrossTab(book, "region", "strategy");
    expect(tab.rows).toEqual(["south", "west", "east", "unknown"]);
  });

  test.each([
    ["East", "east"],
    [" midwest ", "midwest"],
    ["UNKNOWN", "unknown"],
  ])("a limit or filter value %j reads as %j", (raw, value) => {
    expect(normalizeDimensionValue("region", raw)).toEqual({ ok: true, value });
  });

  test("a division or a state is not a region", () => {
    expect(normalizeDimensionValue("region", "Northeast")).toEqual({
      ok: false,
      message: 'region must be one of east, midwest, south, west (NCREIF\'s regions; got "Northeast")',
    });
    expect(normalizeDimensionValue("region", "TX").ok).toBe(false);
  });

  test("the migration that gave stored runs their regions uses the same table", () => {
    const sql = readFileSync("prisma/migrations/20261207000000_region/migration.sql", "utf8");
    for (const region of REGIONS) {
      const line = sql.split("\n").find((l) => l.includes(`THEN '${region}'`));
      const states = [...(line ?? "").matchAll(/'([A-Z]{2})'/g)].map((m) => m[1]);
      expect(states).toEqual(statesOf(region));
    }
  });
});
