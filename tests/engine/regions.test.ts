import { describe, expect, test } from "vitest";
import { US_STATE_CODES } from "@/lib/engine/normalize";
import { divisionOf, NCREIF_DIVISIONS, NCREIF_REGIONS, regionOf } from "@/lib/engine/regions";

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
