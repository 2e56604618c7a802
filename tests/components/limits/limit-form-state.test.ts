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
      dimensionValue: null,
      thresholdPct: 12.5,
      thresholdType: "maximum",
      severityLevel: "warning",
      isActive: true,
    });
  });

  test("a stored limit round-trips through the form", () => {
    const limit = {
      dimensionType: "state" as const,
      dimensionValue: "CA",
      thresholdPct: 27.5,
      thresholdType: "minimum" as const,
      severityLevel: "critical" as const,
      isActive: false,
    };
    expect(toLimitInput(fromLimit(limit))).toEqual(limit);
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
