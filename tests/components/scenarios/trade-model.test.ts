import { describe, expect, test } from "vitest";
import { toTrade, validateTrade } from "@/components/scenarios/trade-model";
import { applyScenario, parseTrades } from "@/lib/engine/scenario";
import { position } from "@/tests/support/engine-fixtures";

const P1 = { positionId: "P1", positionValue: 1_000_000 };

describe("validateTrade", () => {
  test.each([
    { label: "sell all of a picked position", mode: "sell-all", amount: "", picked: P1, errors: {} },
    {
      label: "nothing picked",
      mode: "sell-all",
      amount: "",
      picked: null,
      errors: { position: "pick a stored position first" },
    },
    {
      label: "a position without a position_id",
      mode: "sell-all",
      amount: "",
      picked: { positionId: null, positionValue: 5 },
      errors: { position: "this position has no position_id, so a trade cannot name it" },
    },
    { label: "part of it", mode: "sell-part", amount: "250,000", picked: P1, errors: {} },
    { label: "exactly all of it, as a part", mode: "sell-part", amount: "1000000", picked: P1, errors: {} },
    { label: "no amount", mode: "sell-part", amount: " ", picked: P1, errors: { amount: "is required" } },
    {
      label: "more than it is worth",
      mode: "sell-part",
      amount: "1000000.01",
      picked: P1,
      errors: {
        amount: "is more than the position's value ($1,000,000.00); choose “Sell all of it” to sell it all",
      },
    },
    {
      label: "a revaluation to nothing",
      mode: "revalue",
      amount: "0",
      picked: P1,
      errors: { amount: 'must be a number greater than 0 (got "0")' },
    },
    {
      label: "a revaluation to an absurd value",
      mode: "revalue",
      amount: "1e13",
      picked: P1,
      errors: { amount: 'must be below 10,000,000,000,000 (got "1e13")' },
    },
    { label: "a revaluation above today's value", mode: "revalue", amount: "2,000,000", picked: P1, errors: {} },
  ] as const)("$label", ({ mode, amount, picked, errors }) => {
    expect(validateTrade(mode, amount, picked)).toEqual(errors);
  });
});

describe("toTrade", () => {
  test.each([
    ["sell-all", "", { action: "sell", positionId: "P1" }],
    ["sell-part", "$250,000", { action: "sell", positionId: "P1", value: 250_000 }],
    ["revalue", "1,500,000.5", { action: "revalue", positionId: "P1", positionValue: 1_500_000.5 }],
  ] as const)("%s %j", (mode, amount, trade) => {
    expect(toTrade(mode, amount, "P1")).toEqual(trade);
  });

  test("what the form sends, the engine accepts and applies", () => {
    const parsed = parseTrades([toTrade("sell-part", "250000", "P1"), toTrade("revalue", "2,000,000", "P2")]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const book = [position({ positionId: "P1" }), position({ positionId: "P2" })];
    const after = applyScenario(book, parsed.value);
    expect(after.ok && after.value.map((p) => p.positionValue)).toEqual([750_000, 2_000_000]);
  });
});
