import { describe, expect, test } from "vitest";
import { stateShapes } from "@/components/exposures/state-shapes";
import { US_STATE_CODES } from "@/lib/engine/normalize";
import { stateByCode, stateByFips, US_STATES } from "@/lib/reference/us-states";

describe("the FIPS → USPS table", () => {
  test("covers exactly the codes positions may carry (50 states, DC, PR)", () => {
    expect(new Set(US_STATES.map((s) => s.code))).toEqual(US_STATE_CODES);
  });

  test.each([
    { label: "Texas", fips: "48", code: "TX", name: "Texas" },
    { label: "DC", fips: "11", code: "DC", name: "District of Columbia" },
    { label: "Puerto Rico", fips: "72", code: "PR", name: "Puerto Rico" },
    { label: "leading zero kept", fips: "06", code: "CA", name: "California" },
  ])("$label", ({ fips, code, name }) => {
    expect(stateByFips(fips)).toEqual({ fips, code, name });
    expect(stateByCode(code.toLowerCase())?.fips).toBe(fips);
  });

  test.each([
    { label: "unknown FIPS", fips: "99" },
    { label: "unpadded FIPS", fips: "6" },
  ])("$label is null", ({ fips }) => {
    expect(stateByFips(fips)).toBeNull();
  });
});

describe("stateShapes", () => {
  const shapes = stateShapes();

  test("every shape of the atlas gets a state: the 50 states and DC (the atlas has no Puerto Rico)", () => {
    expect(shapes).toHaveLength(51);
    expect(shapes.map((s) => s.code)).not.toContain("PR");
  });

  test("paths are non-empty SVG path data with whole-number coordinates", () => {
    for (const shape of shapes) expect(shape.d).toMatch(/^M-?\d+,-?\d+/);
    expect(shapes.some((s) => /\.\d/.test(s.d))).toBe(false);
  });

  test("computed once per process", () => {
    expect(stateShapes()).toBe(shapes);
  });
});
