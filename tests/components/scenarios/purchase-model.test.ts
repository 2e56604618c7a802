import { describe, expect, test } from "vitest";
import {
  acquisitionAsset,
  assetOfPosition,
  EMPTY_PURCHASE,
  MSA_UNRESOLVED,
  type PurchaseValues,
  toBuyTrade,
  validatePurchase,
} from "@/components/scenarios/purchase-model";
import { parseTrades } from "@/lib/engine/scenario";

const purchase = (values: Partial<PurchaseValues>): PurchaseValues => ({
  ...EMPTY_PURCHASE,
  position_value: "1000000",
  ...values,
});

describe("validatePurchase", () => {
  test.each([
    { label: "a value alone is a purchase", values: {}, errors: {} },
    {
      label: "no value",
      values: { position_value: "" },
      errors: { position_value: "position_value is required" },
    },
    {
      label: "a value that is not money",
      values: { position_value: "lots" },
      errors: { position_value: 'position_value must be a number greater than 0 (got "lots")' },
    },
    {
      label: "every bad column at once",
      values: { state: "Arizona", msa_id: "3806", vintage: "1492", units: "-3" },
      errors: {
        state: 'state "Arizona" is not a US state, DC or PR code',
        msa_id: 'msa_id must be a 5-digit CBSA code (got "3806")',
        vintage: expect.stringMatching(/^vintage 1492 is outside 1800–\d{4}$/),
        units: 'units must be a whole number from 0 to 2147483647 (got "-3")',
      },
    },
    {
      label: "case and spaces are the server's business, not errors",
      values: { strategy: " Value_Add ", state: "az", msa_id: "38060", position_value: "$1,250,000.50" },
      errors: {},
    },
  ])("$label", ({ values, errors }) => {
    expect(validatePurchase(purchase(values))).toEqual(errors);
  });

  test("an MSA name typed but not picked is named, and says how to fix it", () => {
    expect(validatePurchase(purchase({ msa_id: "" }), "Phoenix")).toEqual({ msa_id: MSA_UNRESOLVED });
    expect(validatePurchase(purchase({ msa_id: "38060" }), "Phoenix-Mesa-Scottsdale, AZ (38060)")).toEqual({});
  });

  // The form and the server must agree: the same bad purchase gets the same words from both (the
  // form quotes the text typed; the server may get it as a number: "(got 0)").
  test.each([
    { position_value: "0" },
    { position_value: "1e309" },
    { state: "ZZ" },
    { msa_id: "phoenix" },
    { vintage: "nineteen" },
    { units: "1.5" },
    { position_id: "x".repeat(201) },
  ])("%o: the form's message is the server's", (values) => {
    const form = validatePurchase(purchase(values));
    const server = parseTrades([toBuyTrade(purchase(values))]);
    expect(server.ok).toBe(false);
    const issues = server.ok ? [] : server.issues;
    const unquoted = (message: string) => message.replace(/\(got "(.*)"\)$/, "(got $1)");
    expect(
      Object.entries(form).map(([field, message]) => ({ field: `trades[0].${field}`, message: unquoted(message) })),
    ).toEqual(issues.map((i) => ({ ...i, message: unquoted(i.message) })));
  });
});

describe("toBuyTrade", () => {
  test("the API's shape: blanks left out, text trimmed, numbers as numbers", () => {
    expect(
      toBuyTrade(
        purchase({
          position_id: " PHX-1 ",
          strategy: "value_add",
          state: "AZ",
          msa_id: "38060",
          vintage: "1985",
          units: "1,200",
          position_value: "$42,000,000",
        }),
      ),
    ).toEqual({
      action: "buy",
      position: {
        position_id: "PHX-1",
        strategy: "value_add",
        state: "AZ",
        msa_id: "38060",
        vintage: 1985,
        units: 1200,
        position_value: 42_000_000,
      },
    });
  });

  test("what does not read as a number is sent as typed, for the server to name", () => {
    expect(toBuyTrade(purchase({ position_value: "lots", vintage: "1985.5" })).position).toEqual({
      position_value: "lots",
      vintage: "1985.5",
    });
  });
});

describe("acquisitionAsset", () => {
  test.each([
    { label: "nothing filled in", values: {}, asset: null },
    { label: "only the id and the value", values: { position_id: "N1" }, asset: null },
    {
      label: "the six attributes, nothing else",
      values: { position_id: "N1", strategy: "core", state: "tx", vintage: "1985", rent_band: "class a" },
      asset: { strategy: "core", state: "tx", vintage: 1985, rent_band: "class a" },
    },
    { label: "an invalid attribute", values: { strategy: "core", state: "Texas" }, asset: null },
    { label: "an MSA name not yet picked", values: { strategy: "core" }, msaText: "Phoe", asset: null },
  ])("$label", ({ values, msaText, asset }) => {
    const v = purchase(values);
    expect(acquisitionAsset(v, validatePurchase(v, msaText))).toEqual(asset);
  });

  test("a purchase in the list: its attributes, or null when they are missing or invalid", () => {
    expect(assetOfPosition({ position_id: "N1", strategy: "core", msa_id: "38060", position_value: 5 })).toEqual({
      strategy: "core",
      msa_id: "38060",
    });
    expect(assetOfPosition({ position_id: "N1", position_value: 5 })).toBeNull();
    expect(assetOfPosition({ state: "Texas" })).toBeNull();
  });
});
