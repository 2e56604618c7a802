import { describe, expect, test } from "vitest";
import {
  addEntry,
  amountOf,
  amountText,
  EMPTY_SCENARIO,
  isEmptyScenario,
  locateIssues,
  percentOf,
  refusedEntries,
  removeEntry,
  replaceEntry,
  viewShock,
  viewTrade,
  withField,
  withSaleValue,
} from "@/components/scenarios/scenario-state";

describe("scenario state edits", () => {
  test("add, replace and remove leave the state they were given alone", () => {
    const one = addEntry(EMPTY_SCENARIO, "trades", { action: "sell", positionId: "P1" });
    const two = addEntry(one, "shocks", { dimensionType: "state", valueChangePct: -10 });
    const changed = replaceEntry(two, "trades", 0, { action: "sell", positionId: "P2" });
    const removed = removeEntry(changed, "shocks", 0);
    expect(EMPTY_SCENARIO).toEqual({ trades: [], shocks: [] });
    expect(one).toEqual({ trades: [{ action: "sell", positionId: "P1" }], shocks: [] });
    expect(changed.trades).toEqual([{ action: "sell", positionId: "P2" }]);
    expect(two.trades).toEqual([{ action: "sell", positionId: "P1" }]);
    expect(removed).toEqual({ trades: [{ action: "sell", positionId: "P2" }], shocks: [] });
    expect([EMPTY_SCENARIO, one, removeEntry(one, "trades", 0)].map(isEmptyScenario)).toEqual([true, false, true]);
  });

  test.each([
    ["1,250,000", 1_250_000],
    ["$5,000,000.5", 5_000_000.5],
    ["42", 42],
    ["lots", "lots"],
    ["", ""],
    ["1,2", "1,2"],
  ])("amountOf(%j) is %j: a number when it reads as money, else the text for the server to name", (text, value) => {
    expect(amountOf(text)).toBe(value);
  });

  test.each([
    ["-20", -20],
    ["+12.5", 12.5],
    [".5", 0.5],
    ["", ""],
    ["ten", "ten"],
    ["1e3", "1e3"],
  ])("percentOf(%j) is %j", (text, value) => {
    expect(percentOf(text)).toBe(value);
  });

  test.each([
    [5_000_000, "5000000"],
    ["abc", "abc"],
    [undefined, ""],
    [null, ""],
  ])("amountText(%j) is %j", (value, text) => {
    expect(amountText(value)).toBe(text);
  });

  test("a sale's amount set, changed, or cleared to sell it all", () => {
    const sale = { action: "sell", positionId: "P1" };
    expect(withSaleValue(sale, 100)).toEqual({ action: "sell", positionId: "P1", value: 100 });
    expect(withSaleValue(withSaleValue(sale, 100), null)).toEqual(sale);
    expect(withSaleValue("not an object", 1)).toBe("not an object");
  });

  test("withField sets a purchase's column inside its position, and any other entry's own field", () => {
    const buy = { action: "buy", position: { position_id: "N1", position_value: 1 } };
    expect(withField(buy, "position_value", 5)).toEqual({
      action: "buy",
      position: { position_id: "N1", position_value: 5 },
    });
    expect(withField({ dimensionType: "state", valueChangePct: 1 }, "valueChangePct", "x")).toEqual({
      dimensionType: "state",
      valueChangePct: "x",
    });
  });
});

describe("locateIssues", () => {
  test("files each 422 detail under the trade or shock it names, with the field inside it", () => {
    const located = locateIssues([
      { field: "trades[2].position_value", message: "must be a number" },
      { field: "trades[2].state", message: "not a state" },
      { field: "trades[0]", message: "must be an object" },
      { field: "shocks[1].dimensionValue", message: "not a decade" },
      { field: "trades", message: "must be an array of trades" },
    ]);
    expect([...located.trades]).toEqual([
      [
        2,
        [
          { field: "position_value", message: "must be a number" },
          { field: "state", message: "not a state" },
        ],
      ],
      [0, [{ field: null, message: "must be an object" }]],
    ]);
    expect([...located.shocks]).toEqual([[1, [{ field: "dimensionValue", message: "not a decade" }]]]);
    expect(located.other).toEqual([{ field: "trades", message: "must be an array of trades" }]);
    expect(refusedEntries(located)).toBe("Trade 1, trade 3 and shock 2 have problems");
  });

  test.each([
    [[{ field: "shocks[0].valueChangePct", message: "x" }], "Shock 1 has a problem"],
    [
      [
        { field: "trades[9]", message: "x" },
        { field: "trades[10].value", message: "y" },
      ],
      "Trade 10 and trade 11 have problems",
    ],
    [[{ field: "shocks", message: "must be an array" }], null],
  ])("refusedEntries(%j) is %j: numbered as the list shows them", (details, text) => {
    expect(refusedEntries(locateIssues(details))).toBe(text);
  });
});

describe("viewTrade and viewShock", () => {
  test.each([
    {
      entry: { action: "buy", position: { position_id: " N1 ", asset_id: "Oak", position_value: 5 } },
      view: { action: "buy", positionId: "N1", assetId: "Oak" },
    },
    { entry: { action: "sell", positionId: "P1", value: 10 }, view: { action: "sell", positionId: "P1", value: 10 } },
    {
      entry: { action: "revalue", positionId: 7, positionValue: "x" },
      view: { action: "revalue", positionId: "7", positionValue: "x" },
    },
    { entry: { action: "sell" }, view: { action: "sell", positionId: null } },
    {
      entry: { action: "lease", positionId: "P1" },
      view: { action: "other", text: '{"action":"lease","positionId":"P1"}' },
    },
    { entry: "buy", view: { action: "other", text: '"buy"' } },
    { entry: { action: "buy", position: "P1" }, view: { action: "other" } },
  ])("$entry", ({ entry, view }) => {
    expect(viewTrade(entry)).toMatchObject(view);
  });

  test("a shock's fields, whatever the entry holds", () => {
    expect(viewShock({ dimensionType: "state", dimensionValue: "TX", valueChangePct: -20 })).toEqual({
      dimensionType: "state",
      dimensionValue: "TX",
      valueChangePct: -20,
    });
    expect(viewShock(null)).toEqual({ dimensionType: undefined, dimensionValue: undefined, valueChangePct: undefined });
  });
});
