import { describe, expect, test } from "vitest";
import { analyzeTrend, type TrendPoint } from "@/lib/engine/trend";

const point = (asOfDate: string, exposurePct: number): TrendPoint => ({
  asOfDate,
  exposurePct,
  exposureValue: exposurePct * 1_000,
  totalPortfolioValue: 100_000,
});

describe("analyzeTrend", () => {
  test.each([
    {
      label: "rising, given out of order",
      points: [point("2024-03-31", 30), point("2023-12-31", 20), point("2024-06-30", 25)],
      dates: ["2023-12-31", "2024-03-31", "2024-06-30"],
      changePp: 5,
      changeRelPct: 25,
    },
    {
      label: "falling",
      points: [point("2024-01-31", 40), point("2024-02-29", 30)],
      dates: ["2024-01-31", "2024-02-29"],
      changePp: -10,
      changeRelPct: -25,
    },
    {
      label: "one point: no change",
      points: [point("2024-01-31", 40)],
      dates: ["2024-01-31"],
      changePp: 0,
      changeRelPct: 0,
    },
    { label: "no points", points: [], dates: [], changePp: null, changeRelPct: null },
    {
      label: "starting from 0 %: no relative change",
      points: [point("2024-01-31", 0), point("2024-02-29", 12)],
      dates: ["2024-01-31", "2024-02-29"],
      changePp: 12,
      changeRelPct: null,
    },
  ])("$label", ({ points, dates, changePp, changeRelPct }) => {
    const trend = analyzeTrend(points);
    expect(trend.points.map((p) => p.asOfDate)).toEqual(dates);
    expect(trend.changePp).toBe(changePp);
    expect(trend.changeRelPct).toBe(changeRelPct);
  });

  test("does not reorder the caller's array", () => {
    const points = [point("2024-03-31", 30), point("2023-12-31", 20)];
    analyzeTrend(points);
    expect(points.map((p) => p.asOfDate)).toEqual(["2024-03-31", "2023-12-31"]);
  });
});
