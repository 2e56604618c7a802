import { describe, expect, test } from "vitest";
import {
  EMPTY_LIMIT_FORM,
  fromLimit,
  type LimitFormValues,
  toLimitInput,
  validateLimitForm,
} from "@/components/limits/limit-form-state";
import { LIMIT_PRESETS } from "@/components/limits/presets";
import { limitCreateSchema } from "@/lib/schemas";

const form = (overrides: Partial<LimitFormValues>): LimitFormValues => ({
  ...EMPTY_LIMIT_FORM,
  thresholdPct: "30",
  ...overrides,
});

describe("validateLimitForm", () => {
  test.each<{ label: string; values: LimitFormValues; errors: Record<string, string> }>([
    { label: "a valid limit on every value", values: form({}), errors: {} },
    { label: "threshold at 0 is allowed", values: form({ thresholdPct: "0" }), errors: {} },
    { label: "threshold at 100 is allowed", values: form({ thresholdPct: "100" }), errors: {} },
    {
      label: "threshold 130 is out of range",
      values: form({ thresholdPct: "130" }),
      errors: { thresholdPct: "must be between 0 and 100" },
    },
    {
      label: "negative threshold",
      values: form({ thresholdPct: "-1" }),
      errors: { thresholdPct: "must be between 0 and 100" },
    },
    {
      label: "blank threshold",
      values: form({ thresholdPct: "  " }),
      errors: { thresholdPct: "is required for a share limit" },
    },
    { label: "text threshold", values: form({ thresholdPct: "abc" }), errors: { thresholdPct: "must be a number" } },
    {
      label: "a bad state code",
      values: form({ dimensionType: "state", dimensionValue: "ZZ" }),
      errors: { dimensionValue: 'state "ZZ" is not a US state, DC or PR code' },
    },
    {
      label: "an MSA that is not a CBSA code",
      values: form({ dimensionType: "msa", dimensionValue: "Austin" }),
      errors: { dimensionValue: 'msa must be a 5-digit CBSA code (got "Austin")' },
    },
    {
      label: "a reference of any kind is optional, and names its own error",
      values: form({ reference: "r".repeat(201), note: "n".repeat(1000) }),
      errors: { reference: "must be at most 200 characters" },
    },
    {
      label: "a note over 1,000 characters",
      values: form({ note: "n".repeat(1001) }),
      errors: { note: "must be at most 1,000 characters" },
    },
    {
      label: "every problem at once",
      values: form({ dimensionType: "state", dimensionValue: "Texas", thresholdPct: "101" }),
      errors: {
        thresholdPct: "must be between 0 and 100",
        dimensionValue: 'state "Texas" is not a US state, DC or PR code',
      },
    },
  ])("$label", ({ values, errors }) => {
    expect(validateLimitForm(values).errors).toEqual(errors);
  });

  test.each([
    { label: "a lower-case state is stored upper case", dimensionType: "state", typed: "tx", stored: "TX" },
    { label: "a strategy is stored lower case", dimensionType: "strategy", typed: "Value_Add ", stored: "value_add" },
    { label: "a year becomes its decade", dimensionType: "vintage", typed: "1987", stored: "1980s" },
    { label: "already normal: nothing to say", dimensionType: "strategy", typed: "core", stored: null },
  ] as const)("$label", ({ dimensionType, typed, stored }) => {
    expect(validateLimitForm(form({ dimensionType, dimensionValue: typed }))).toEqual({
      errors: {},
      normalizedValue: stored,
    });
  });
});

describe("toLimitInput and fromLimit", () => {
  test("blank value means every value; numbers are numbers", () => {
    expect(toLimitInput(form({ dimensionValue: " ", thresholdPct: "12.5" }))).toEqual({
      dimensionType: "strategy",
      kind: "share",
      basis: "value",
      dimensionValue: null,
      thresholdPct: 12.5,
      thresholdType: "maximum",
      severityLevel: "warning",
      isActive: true,
      reference: null,
      note: null,
    });
  });

  test("the reference and note are sent as typed (the schema trims them), blank as null to clear them", () => {
    const input = toLimitInput(form({ reference: " LPA §7.2(b) ", note: "  " }));
    expect(input).toMatchObject({ reference: " LPA §7.2(b) ", note: null });
    expect(limitCreateSchema.parse(input)).toMatchObject({ reference: "LPA §7.2(b)", note: null });
  });

  const stored = {
    dimensionType: "state" as const,
    kind: "share" as const,
    basis: "value" as const,
    dimensionValue: "CA",
    thresholdType: "minimum" as const,
    thresholdPct: 27.5,
    thresholdAmount: null,
    thresholdCount: null,
    topN: null,
    thresholdHhi: null,
    targetPct: null,
    bandPp: null,
    severityLevel: "critical" as const,
    isActive: false,
    reference: "LPA §7.2(b)",
    note: "Agreed with the advisory committee,\nMarch 2026.",
  };

  test.each([
    { label: "a share", limit: stored },
    {
      label: "an amount on positions",
      limit: {
        ...stored,
        kind: "amount" as const,
        basis: "positions" as const,
        thresholdPct: null,
        thresholdAmount: 12,
      },
    },
    {
      label: "a count",
      limit: { ...stored, kind: "count" as const, dimensionValue: null, thresholdPct: null, thresholdCount: 10 },
    },
    {
      label: "a top-N",
      limit: { ...stored, kind: "top_n" as const, dimensionValue: null, thresholdType: "maximum" as const, topN: 3 },
    },
    {
      label: "an HHI",
      limit: {
        ...stored,
        kind: "hhi" as const,
        dimensionValue: null,
        thresholdType: "maximum" as const,
        thresholdPct: null,
        thresholdHhi: 1500,
      },
    },
    {
      label: "a target with its band",
      limit: { ...stored, kind: "target" as const, thresholdType: null, thresholdPct: null, targetPct: 60, bandPp: 10 },
    },
    {
      label: "a target with the default band",
      limit: { ...stored, kind: "target" as const, thresholdType: null, thresholdPct: null, targetPct: 60 },
    },
  ])("$label round-trips through the form to what the server stores", ({ limit }) => {
    const { severityLevel, isActive, dimensionType, kind, basis, ...fields } = limit;
    const parsed = limitCreateSchema.parse(toLimitInput(fromLimit(limit)));
    expect(parsed).toEqual({ dimensionType, kind, basis, ...fields, severityLevel, isActive });
  });

  test("only the kind's own fields are sent: a count does not send a value or a percent left in the form", () => {
    const values = form({ kind: "count", dimensionValue: "core", thresholdPct: "30", thresholdCount: "4" });
    expect(toLimitInput(values)).toEqual({
      dimensionType: "strategy",
      kind: "count",
      basis: "value",
      thresholdType: "maximum",
      thresholdCount: 4,
      severityLevel: "warning",
      isActive: true,
      reference: null,
      note: null,
    });
    expect(validateLimitForm(values).errors).toEqual({});
  });

  test("each kind names its own missing field", () => {
    expect(validateLimitForm(form({ kind: "amount" })).errors).toEqual({
      thresholdAmount: "is required for an amount limit",
    });
    expect(validateLimitForm(form({ kind: "top_n", thresholdPct: "" })).errors).toEqual({
      topN: "is required for a top_n limit",
      thresholdPct: "is required for a top_n limit",
    });
    expect(validateLimitForm(form({ kind: "target", targetPct: "60", bandPp: "x" })).errors).toEqual({
      bandPp: "must be a number",
    });
  });
});

describe("presets", () => {
  test.each(LIMIT_PRESETS.map((p) => ({ label: p.label, preset: p })))(
    "$label is a limit the server accepts",
    ({ preset }) => {
      expect(validateLimitForm(preset.values).errors).toEqual({});
      expect(limitCreateSchema.safeParse(toLimitInput(preset.values)).success).toBe(true);
    },
  );
});
