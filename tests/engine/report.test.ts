import { describe, expect, test } from "vitest";
import { largestChanges, previousQuarterEnd, previousQuarterRun } from "@/lib/engine/report";
import type { ExposureChange } from "@/lib/engine/scenario";

describe("previousQuarterEnd", () => {
  test.each([
    { label: "mid Q4", asOf: "2026-11-15", end: "2026-09-30" },
    { label: "first day of Q4", asOf: "2026-10-01", end: "2026-09-30" },
    { label: "last day of Q3", asOf: "2026-09-30", end: "2026-06-30" },
    { label: "Q1: the year before", asOf: "2026-02-01", end: "2025-12-31" },
    { label: "Q2", asOf: "2026-04-30", end: "2026-03-31" },
    { label: "Q3 in a leap year", asOf: "2024-08-31", end: "2024-06-30" },
  ])("$label: $asOf → $end", ({ asOf, end }) => {
    expect(previousQuarterEnd(asOf)).toBe(end);
  });
});

describe("previousQuarterRun", () => {
  const runs = [{ asOfDate: "2026-11-15" }, { asOfDate: "2026-09-30" }, { asOfDate: "2026-08-31" }];
  test.each([
    { label: "the quarter end itself counts", asOf: "2026-11-15", found: "2026-09-30" },
    { label: "the latest on or before the end, given in any order", asOf: "2026-10-02", found: "2026-09-30" },
    { label: "an earlier run when the quarter end has none", asOf: "2026-09-30", found: null },
    { label: "none that old", asOf: "2026-08-31", found: null },
    { label: "a later quarter reaches back to the latest", asOf: "2027-05-01", found: "2026-11-15" },
  ])("$label", ({ asOf, found }) => {
    expect(previousQuarterRun([...runs].reverse(), asOf)?.asOfDate ?? null).toBe(found);
  });
  test("no runs at all", () => expect(previousQuarterRun([], "2026-11-15")).toBeNull());
});

describe("largestChanges", () => {
  const change = (dimensionType: ExposureChange["dimensionType"], dimensionValue: string, deltaPp: number) => ({
    dimensionType,
    dimensionValue,
    beforePct: 50,
    afterPct: 50 + deltaPp,
    deltaPp,
    beforeValue: 500,
    afterValue: 500 + deltaPp * 10,
  });
  test("by absolute change across dimensions, falls as large as rises, ties in the given order", () => {
    const changes = [
      change("strategy", "core", 2),
      change("strategy", "value_add", -2),
      change("state", "TX", -7.5),
      change("msa", "12420", 3),
      change("vintage", "1990s", 0.1),
    ];
    expect(largestChanges(changes, 4).map((c) => `${c.dimensionValue} ${c.deltaPp}`)).toEqual([
      "TX -7.5",
      "12420 3",
      "core 2",
      "value_add -2",
    ]);
  });
  test("fewer changes than asked for: all of them; none: none", () => {
    expect(largestChanges([change("state", "CA", 1)], 10)).toHaveLength(1);
    expect(largestChanges([], 10)).toEqual([]);
  });
});
