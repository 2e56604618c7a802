import { describe, expect, test } from "vitest";
import { MSA_UNRESOLVED } from "@/components/scenarios/purchase-model";
import { EMPTY_SHOCK, type ShockValues, toShock, validateShock } from "@/components/scenarios/shock-model";
import { normalizeDimensionValue } from "@/lib/engine/normalize";
import { parseShocks } from "@/lib/engine/scenario";

const shock = (values: Partial<ShockValues>): ShockValues => ({ ...EMPTY_SHOCK, valueChangePct: "-20", ...values });

describe("validateShock", () => {
  test.each([
    { label: "every value of a dimension", values: {}, errors: {}, normalized: null },
    { label: "one state, as typed", values: { dimensionValue: "tx" }, errors: {}, normalized: "TX" },
    {
      label: "a year names its decade",
      values: { dimensionType: "vintage", dimensionValue: "1975" },
      errors: {},
      normalized: "1970s",
    },
    {
      label: "a state that is not one",
      values: { dimensionValue: "Texas" },
      errors: { dimensionValue: 'state "Texas" is not a US state, DC or PR code' },
      normalized: null,
    },
    {
      label: "no percentage",
      values: { valueChangePct: "" },
      errors: { valueChangePct: "is required: the change in value, in %" },
      normalized: null,
    },
    {
      label: "a loss of everything",
      values: { valueChangePct: "-100" },
      errors: { valueChangePct: 'must be a number above -100 and at most 1000 (got "-100")' },
      normalized: null,
    },
    { label: "at most +1,000 %", values: { valueChangePct: "1000" }, errors: {}, normalized: null },
    {
      label: "past +1,000 %",
      values: { valueChangePct: "1000.5" },
      errors: { valueChangePct: 'must be a number above -100 and at most 1000 (got "1000.5")' },
      normalized: null,
    },
  ] as const)("$label", ({ values, errors, normalized }) => {
    expect(validateShock(shock(values))).toEqual({ errors, normalizedValue: normalized });
  });

  test("an MSA name typed but not picked is named", () => {
    expect(validateShock(shock({ dimensionType: "msa", dimensionValue: "" }), "Dallas").errors).toEqual({
      dimensionValue: MSA_UNRESOLVED,
    });
  });

  test.each([
    shock({ dimensionValue: "Texas" }),
    shock({ dimensionType: "vintage", dimensionValue: "old" }),
    shock({ valueChangePct: "-150" }),
  ])("the form's message is the server's: %o", (values) => {
    const server = parseShocks([toShock(values)], normalizeDimensionValue);
    const form = validateShock(values).errors;
    // The form quotes the text typed; the server gets the percentage as a number: "(got -150)".
    const unquoted = (message: string) => message.replace(/\(got "(.*)"\)$/, "(got $1)");
    expect((server.ok ? [] : server.issues).map((i) => ({ ...i, message: unquoted(i.message) }))).toEqual(
      Object.entries(form).map(([field, message]) => ({ field: `shocks[0].${field}`, message: unquoted(message) })),
    );
  });
});

describe("toShock", () => {
  test("the API's shape: a blank value left out, the percentage a number", () => {
    expect(toShock(shock({}))).toEqual({ dimensionType: "state", valueChangePct: -20 });
    expect(toShock(shock({ dimensionType: "msa", dimensionValue: "38060", valueChangePct: "12.5" }))).toEqual({
      dimensionType: "msa",
      dimensionValue: "38060",
      valueChangePct: 12.5,
    });
  });
});
