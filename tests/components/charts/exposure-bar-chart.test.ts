import { describe, expect, test } from "vitest";
import { type BarPoint, barSummary } from "@/components/charts/exposure-bar-chart";

const point = (title: string, pct: number, status: BarPoint["status"]): BarPoint => ({
  key: title,
  label: title,
  title,
  pct,
  value: pct * 1000,
  amount: `$${pct * 1000}`,
  count: 1,
  status,
  limitPct: null,
  missing: false,
});

describe("the bar chart's accessible summary", () => {
  test("names the largest values with their status and points at the table", () => {
    const points = [point("Value add", 37.5, "breach"), point("Core", 35, "within"), point("Core plus", 20, "none")];
    expect(barSummary("Bar chart: share of portfolio value by Strategy", points)).toBe(
      "Bar chart: share of portfolio value by Strategy: Value add 37.5 % (breach), Core 35.0 % (within limit), " +
        "Core plus 20.0 % (no limit). Every value is in the table below.",
    );
  });

  test("past five values it says how many more the table holds", () => {
    const points = ["A", "B", "C", "D", "E", "F", "G"].map((t, i) => point(t, 20 - i, "near"));
    expect(barSummary("Bars", points)).toBe(
      "Bars: A 20.0 % (near limit), B 19.0 % (near limit), C 18.0 % (near limit), D 17.0 % (near limit), " +
        "E 16.0 % (near limit), and 2 more. Every value is in the table below.",
    );
  });
});
