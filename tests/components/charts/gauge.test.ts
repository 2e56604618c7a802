import { describe, expect, test } from "vitest";
import { gaugeScaleMax } from "@/components/charts/gauge";

describe("gaugeScaleMax", () => {
  test.each([
    ["no limit: the whole 0–100 % range", 42, null, 100],
    ["a limit puts it at four fifths of the arc", 20, 35, 43.75],
    ["an exposure past 125 % of the limit stretches the scale", 60, 30, 60],
    ["exactly at 125 % of the limit", 37.5, 30, 37.5],
    ["a zero limit is treated as none", 5, 0, 100],
  ])("%s", (_label, value, limit, expected) => {
    expect(gaugeScaleMax(value, limit)).toBeCloseTo(expected, 9);
  });
});
