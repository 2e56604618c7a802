import { describe, expect, test } from "vitest";
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyExact,
  formatPct,
  formatPctExact,
  formatPp,
} from "@/lib/display/format";
import { labelValue } from "@/lib/display/labels";

describe("numbers for people", () => {
  test.each([
    [12_400_000, "$12.4M"],
    [1_250_000_000, "$1.3B"],
    [950_000, "$950K"],
    [999, "$999"],
    [0, "$0"],
    [-2_500_000, "-$2.5M"],
    [Number.NaN, "—"],
    [null, "—"],
  ])("formatMoney(%s) = %s", (value, text) => expect(formatMoney(value)).toBe(text));

  test.each([
    [34.2345, "34.2 %"],
    [100, "100.0 %"],
    [0, "0.0 %"],
    [0.04, "<0.1 %"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("formatPct(%s) = %s", (value, text) => expect(formatPct(value)).toBe(text));

  test.each([
    [2.345, "+2.3 pp"],
    [-1, "−1.0 pp"],
    [0, "±0.0 pp"],
  ])("formatPp(%s) = %s", (value, text) => expect(formatPp(value)).toBe(text));

  test("exact forms keep every cent and digit for tooltips", () => {
    expect(formatMoneyExact(12_400_000.5)).toBe("$12,400,000.50");
    expect(formatPctExact(55.55555555555556)).toBe("55.5555555556 %");
    expect(formatCount(100000)).toBe("100,000");
  });

  test("as-of dates never shift with the time zone; timestamps say UTC", () => {
    expect(formatDate("2025-06-30")).toBe("Jun 30, 2025");
    expect(formatDate("2025-01-01")).toBe("Jan 1, 2025");
    expect(formatDateTime("2025-06-30T23:30:00.000Z")).toBe("Jun 30, 2025, 23:30 UTC");
  });

  // hour12: false gave "24:05" in Node and "00:05" in Chromium: the page failed to hydrate after
  // midnight UTC. The hour cycle is named instead, so server and browser print the same text.
  test("the first hour of a day reads 00, on the server as in the browser", () => {
    expect(formatDateTime("2026-11-30T00:05:00.000Z")).toBe("Nov 30, 2026, 00:05 UTC");
  });
});

describe("labelValue", () => {
  test.each([
    ["strategy", "value_add", "Value add"],
    ["construction_type", "new construction", "New construction"],
    ["state", "TX", "TX"],
    ["vintage", "1980s", "1980s"],
    ["msa", "31080", "Los Angeles-Long Beach-Anaheim, CA"],
    ["msa", "99999", "MSA 99999"],
    ["rent_band", "unknown", "Unknown"],
  ])("%s %s reads %s", (dimension, value, label) => expect(labelValue(dimension, value)).toBe(label));
});
