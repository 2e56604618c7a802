import { describe, expect, test } from "vitest";

import { normalizeDimensionValue, normalizePosition, type RawPosition, US_STATE_CODES } from "@/lib/engine/normalize";

const YEAR = 2026;

const full: RawPosition = {
  position_id: "P1",
  asset_id: "A1",
  msa_id: "12420",
  strategy: "Core",
  state: "TX",
  vintage: "1987",
  construction_type: "Garden",
  rent_band: "Workforce",
  position_value: "1250000",
  units: "240",
};

function normalize(overrides: RawPosition) {
  return normalizePosition({ ...full, ...overrides }, 2, { currentYear: YEAR });
}

function errorsOf(overrides: RawPosition) {
  const result = normalize(overrides);
  return result.ok ? [] : result.errors;
}

describe("normalizePosition", () => {
  test("a full row becomes a normalised position", () => {
    expect(normalize({})).toEqual({
      ok: true,
      position: {
        positionId: "P1",
        assetId: "A1",
        msaId: "12420",
        strategy: "core",
        state: "TX",
        vintage: 1987,
        constructionType: "garden",
        rentBand: "workforce",
        positionValue: 1_250_000,
        units: 240,
        ownershipPct: 100,
      },
    });
  });

  test.each([
    {
      label: "mixed-case category keeps inner spaces",
      raw: { construction_type: " New Construction " },
      key: "constructionType",
      value: "new construction",
    },
    { label: "state upper-cased", raw: { state: " ca " }, key: "state", value: "CA" },
    { label: "DC accepted", raw: { state: "dc" }, key: "state", value: "DC" },
    { label: "PR accepted", raw: { state: "PR" }, key: "state", value: "PR" },
    { label: "msa as a number", raw: { msa_id: 12420 }, key: "msaId", value: "12420" },
    { label: "ids as numbers", raw: { position_id: 1001 }, key: "positionId", value: "1001" },
    { label: "vintage as a number", raw: { vintage: 1987 }, key: "vintage", value: 1987 },
    { label: "units with separators", raw: { units: "1,200" }, key: "units", value: 1200 },
    { label: "zero units", raw: { units: "0" }, key: "units", value: 0 },
    { label: "ownership blank: wholly owned", raw: { ownership_pct: " " }, key: "ownershipPct", value: 100 },
    { label: "ownership a joint venture's half", raw: { ownership_pct: "50" }, key: "ownershipPct", value: 50 },
    { label: "ownership with a percent sign", raw: { ownership_pct: " 12.5 % " }, key: "ownershipPct", value: 12.5 },
    { label: "ownership as a number", raw: { ownership_pct: 33.3333 }, key: "ownershipPct", value: 33.3333 },
    { label: "ownership exactly 100", raw: { ownership_pct: "100" }, key: "ownershipPct", value: 100 },
    { label: "ownership the smallest share", raw: { ownership_pct: "0.0001" }, key: "ownershipPct", value: 0.0001 },
    {
      label: "ownership rounded to four decimals",
      raw: { ownership_pct: "33.333333" },
      key: "ownershipPct",
      value: 33.3333,
    },
    {
      label: "money rounded to cents",
      raw: { position_value: "1250000.555" },
      key: "positionValue",
      value: 1_250_000.56,
    },
    { label: "vintage lower bound", raw: { vintage: "1800" }, key: "vintage", value: 1800 },
    { label: "vintage current year + 5", raw: { vintage: String(YEAR + 5) }, key: "vintage", value: YEAR + 5 },
  ])("$label", ({ raw, key, value }) => {
    const result = normalize(raw);
    expect(result.ok && result.position[key as keyof typeof result.position]).toBe(value);
  });

  test.each(["", "   ", "\t", null, undefined])("empty attribute %j becomes null, never an empty string", (blank) => {
    const result = normalize({
      position_id: blank,
      asset_id: blank,
      msa_id: blank,
      strategy: blank,
      state: blank,
      vintage: blank,
      construction_type: blank,
      rent_band: blank,
      units: blank,
    });
    expect(result).toEqual({
      ok: true,
      position: {
        positionId: null,
        assetId: null,
        msaId: null,
        strategy: null,
        state: null,
        vintage: null,
        constructionType: null,
        rentBand: null,
        positionValue: 1_250_000,
        units: null,
        ownershipPct: 100,
      },
    });
  });

  test.each([
    { label: "missing value", field: "position_value", raw: "", message: "position_value is required" },
    { label: "blank value", field: "position_value", raw: "  ", message: "position_value is required" },
    {
      label: "negative",
      field: "position_value",
      raw: "-5",
      message: 'position_value must be a number greater than 0 (got "-5")',
    },
    { label: "negative zero", field: "position_value", raw: "-0", message: 'greater than 0 (got "-0")' },
    { label: "zero", field: "position_value", raw: "0", message: 'greater than 0 (got "0")' },
    { label: "rounds to zero", field: "position_value", raw: "0.001", message: 'greater than 0 (got "0.001")' },
    { label: "NaN", field: "position_value", raw: "NaN", message: '(got "NaN")' },
    { label: "Infinity", field: "position_value", raw: "Infinity", message: '(got "Infinity")' },
    { label: "not finite", field: "position_value", raw: "1e309", message: '(got "1e309")' },
    { label: "hex", field: "position_value", raw: "0x10", message: '(got "0x10")' },
    { label: "brackets", field: "position_value", raw: "(1,000)", message: '(got "(1,000)")' },
    { label: "letters", field: "position_value", raw: "12abc", message: '(got "12abc")' },
    { label: "bad grouping", field: "position_value", raw: "1,25,000", message: '(got "1,25,000")' },
    { label: "inner spaces", field: "position_value", raw: "1 250 000", message: '(got "1 250 000")' },
    { label: "boolean", field: "position_value", raw: true, message: "(got true)" },
    { label: "number NaN", field: "position_value", raw: Number.NaN, message: "(got NaN)" },
    { label: "unknown state", field: "state", raw: "ZZ", message: 'state "ZZ" is not a US state, DC or PR code' },
    { label: "state name", field: "state", raw: "Texas", message: 'state "Texas" is not a US state' },
    { label: "short msa", field: "msa_id", raw: "1242", message: 'msa_id must be a 5-digit CBSA code (got "1242")' },
    { label: "msa with letters", field: "msa_id", raw: "1242A", message: '(got "1242A")' },
    { label: "vintage too old", field: "vintage", raw: "1799", message: `vintage 1799 is outside 1800–${YEAR + 5}` },
    { label: "vintage too new", field: "vintage", raw: String(YEAR + 6), message: `vintage ${YEAR + 6} is outside` },
    { label: "vintage 1750", field: "vintage", raw: 1750, message: `vintage 1750 is outside 1800–${YEAR + 5}` },
    {
      label: "vintage fraction",
      field: "vintage",
      raw: "1987.5",
      message: 'vintage must be a whole year (got "1987.5")',
    },
    { label: "vintage grouped", field: "vintage", raw: "1,987", message: '(got "1,987")' },
    {
      label: "vintage a date",
      field: "vintage",
      raw: new Date("1987-01-01"),
      message: "must be a whole year (got a date)",
    },
    {
      label: "negative units",
      field: "units",
      raw: "-3",
      message: 'units must be a whole number from 0 to 2147483647 (got "-3")',
    },
    {
      label: "units beyond a 32-bit integer",
      field: "units",
      raw: "3000000000",
      message: 'units must be a whole number from 0 to 2147483647 (got "3000000000")',
    },
    {
      label: "value too large to store",
      field: "position_value",
      raw: "1e19",
      message: "position_value must be below 10,000,000,000,000",
    },
    { label: "value at the storage cap", field: "position_value", raw: 1e13, message: "position_value must be below" },
    { label: "fractional units", field: "units", raw: "2.5", message: '(got "2.5")' },
    { label: "infinite units", field: "units", raw: Number.POSITIVE_INFINITY, message: "(got Infinity)" },
    { label: "NaN units", field: "units", raw: "NaN", message: '(got "NaN")' },
    {
      label: "ownership zero",
      field: "ownership_pct",
      raw: "0",
      message: 'ownership_pct must be a percentage greater than 0 and at most 100 (got "0")',
    },
    {
      label: "ownership over 100",
      field: "ownership_pct",
      raw: "100.01",
      message: 'ownership_pct must be a percentage greater than 0 and at most 100 (got "100.01")',
    },
    {
      label: "ownership negative",
      field: "ownership_pct",
      raw: -50,
      message: "ownership_pct must be a percentage greater than 0 and at most 100 (got -50)",
    },
    { label: "ownership below the smallest share", field: "ownership_pct", raw: "0.00004", message: '(got "0.00004")' },
    { label: "ownership as a fraction word", field: "ownership_pct", raw: "half", message: '(got "half")' },
    { label: "ownership with separators", field: "ownership_pct", raw: "1,5", message: '(got "1,5")' },
    { label: "ownership a date", field: "ownership_pct", raw: new Date("2020-01-01"), message: "(got a date)" },
    { label: "boolean strategy", field: "strategy", raw: false, message: "strategy must be text (got false)" },
  ])("$label: $field $raw is rejected", ({ field, raw, message }) => {
    const errors = errorsOf({ [field]: raw });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, field });
    expect(errors[0]?.message).toContain(message);
  });

  test("every bad field of a row is reported, not just the first", () => {
    const errors = errorsOf({ msa_id: "12", state: "ZZ", vintage: "1700", position_value: "-1", units: "x" });
    expect(errors.map((e) => e.field)).toEqual(["msa_id", "state", "vintage", "position_value", "units"]);
  });

  test("a long bad value is shortened in the message", () => {
    const [error] = errorsOf({ position_value: "x".repeat(500) });
    expect(error?.message.length).toBeLessThan(150);
    expect(error?.message).toContain('(got "xxxx');
  });

  test("currentYear defaults to the current UTC year", () => {
    const year = new Date().getUTCFullYear();
    expect(normalizePosition({ position_value: 1, vintage: year + 5 }, 2).ok).toBe(true);
    expect(normalizePosition({ position_value: 1, vintage: year + 6 }, 2).ok).toBe(false);
  });
});

describe("US_STATE_CODES", () => {
  test("holds the 50 states, DC and PR", () => {
    expect(US_STATE_CODES.size).toBe(52);
    expect(["CA", "DC", "PR", "WY"].every((code) => US_STATE_CODES.has(code))).toBe(true);
    expect(US_STATE_CODES.has("GU")).toBe(false);
  });
});

describe("normalizeDimensionValue", () => {
  test.each([
    { label: "strategy lower-cased", dimension: "strategy", raw: " Value_Add ", value: "value_add" },
    {
      label: "construction keeps inner spaces",
      dimension: "construction_type",
      raw: "New Construction",
      value: "new construction",
    },
    { label: "rent band", dimension: "rent_band", raw: "LUXURY", value: "luxury" },
    { label: "state upper-cased", dimension: "state", raw: "ca", value: "CA" },
    { label: "msa", dimension: "msa", raw: " 12420 ", value: "12420" },
    { label: "decade", dimension: "vintage", raw: "1980s", value: "1980s" },
    { label: "decade upper-case S", dimension: "vintage", raw: "1980S", value: "1980s" },
    { label: "year to decade", dimension: "vintage", raw: "1987", value: "1980s" },
    { label: "unknown strategy", dimension: "strategy", raw: "Unknown", value: "unknown" },
    { label: "unknown state", dimension: "state", raw: "UNKNOWN", value: "unknown" },
    { label: "unknown msa", dimension: "msa", raw: "unknown", value: "unknown" },
    { label: "unknown vintage", dimension: "vintage", raw: "unknown", value: "unknown" },
  ] as const)("$label: $raw -> $value", ({ dimension, raw, value }) => {
    expect(normalizeDimensionValue(dimension, raw)).toEqual({ ok: true, value });
  });

  test.each([
    { label: "empty", dimension: "strategy", raw: "  " },
    { label: "bad state", dimension: "state", raw: "ZZ" },
    { label: "short msa", dimension: "msa", raw: "1242" },
    { label: "decade not ending in 0", dimension: "vintage", raw: "1985s" },
    { label: "not a year", dimension: "vintage", raw: "old" },
  ] as const)("$label: $raw is rejected", ({ dimension, raw }) => {
    const result = normalizeDimensionValue(dimension, raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(dimension);
  });
});
