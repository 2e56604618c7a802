import { describe, expect, test } from "vitest";

import { parseMoney, parseWholeNumber, plainNumber } from "@/lib/engine/values";

describe("parseMoney", () => {
  test.each([
    { label: "plain", raw: "1250000", value: 1_250_000 },
    { label: "thousands separators", raw: "1,250,000", value: 1_250_000 },
    { label: "dollar sign and cents", raw: "$1,250,000.00", value: 1_250_000 },
    { label: "half a dollar", raw: "1250000.5", value: 1_250_000.5 },
    { label: "exponent", raw: "1.25e6", value: 1_250_000 },
    { label: "surrounding spaces", raw: "  42 ", value: 42 },
    { label: "rounded to cents", raw: "10.555", value: 10.56 },
    { label: "binary noise rounds half up", raw: "1.005", value: 1.01 },
    { label: "a JSON number", raw: 99.999, value: 100 },
    { label: "negative (parsed, rejected later)", raw: "-5", value: -5 },
  ])("$label: $raw -> $value", ({ raw, value }) => {
    expect(parseMoney(raw)).toBe(value);
  });

  test.each([
    { label: "empty", raw: "" },
    { label: "NaN", raw: "NaN" },
    { label: "Infinity", raw: "Infinity" },
    { label: "overflows to infinity", raw: "1e309" },
    { label: "hex", raw: "0x10" },
    { label: "accounting brackets", raw: "(1,000)" },
    { label: "trailing letters", raw: "12abc" },
    { label: "wrongly grouped commas", raw: "1,25,000" },
    { label: "spaces inside", raw: "1 250 000" },
    { label: "boolean", raw: true },
    { label: "number NaN", raw: Number.NaN },
  ])("$label: $raw -> null", ({ raw }) => {
    expect(parseMoney(raw)).toBeNull();
  });
});

describe("parseWholeNumber", () => {
  test.each([
    { label: "grouped", raw: "1,200", grouping: true, value: 1200 },
    { label: "grouping refused", raw: "1,987", grouping: false, value: null },
    { label: "fraction", raw: "12.5", grouping: true, value: null },
    { label: "number fraction", raw: 12.5, grouping: true, value: null },
    { label: "negative kept", raw: "-3", grouping: true, value: -3 },
    { label: "unsafe integer", raw: "99999999999999999999", grouping: true, value: null },
  ])("$label: $raw -> $value", ({ raw, grouping, value }) => {
    expect(parseWholeNumber(raw, grouping)).toBe(value);
  });
});

describe("plainNumber: numbers as a file writes them, in the form parseMoney reads", () => {
  test.each([
    { label: "decimal comma, dot thousands", value: "1.000.000,50", decimal: ",", plain: "1000000.50" },
    { label: "decimal comma, narrow-space thousands", value: "1\u202f000,5", decimal: ",", plain: "1000.5" },
    { label: "decimal comma, percent", value: "33,5 %", decimal: ",", plain: "33.5%" },
    { label: "decimal comma, euro", value: "€ 12,00", decimal: ",", plain: "12.00" },
    { label: "decimal comma, a point is not a decimal", value: "1.5", decimal: ",", plain: Number.NaN },
    { label: "accounting negative, point", value: "(500,000)", decimal: ".", plain: "-500,000" },
    { label: "accounting negative, comma", value: "(500.000,25)", decimal: ",", plain: "-500000.25" },
    { label: "a minus inside brackets stays as written", value: "(-5)", decimal: ".", plain: "(-5)" },
    { label: "dollars, point", value: "$1,250,000.00", decimal: ".", plain: "1,250,000.00" },
    { label: "blank stays blank", value: "  ", decimal: ",", plain: "  " },
    { label: "a number is a number", value: 12.5, decimal: ",", plain: 12.5 },
  ] as const)("$label", ({ value, decimal, plain }) => {
    expect(plainNumber(value, decimal)).toEqual(plain);
  });
});
