import { describe, expect, test } from "vitest";
import { normalizeDimensionValue } from "@/lib/engine/normalize";
import { parseShocks, parseTrades } from "@/lib/engine/scenario";
import { shockFromText, tradesFromCsv, tradesToCsv } from "@/lib/import/trades-csv";

describe("a trades CSV (npm run cli -- whatif)", () => {
  test("one trade per row, each action taking its own columns", () => {
    const csv = [
      "\uFEFFAction,position_id,value,strategy,state,msa_id,units,position_value",
      "buy,PHX-1,,value_add,AZ,38060,300,42000000",
      "SELL,DAL-1,,,,,,",
      "sell,DAL-2,5000000,,,,,",
      "revalue,HOU-7,,,,,,18500000",
      "",
    ].join("\r\n");
    const raw = tradesFromCsv(csv);
    expect(raw).toEqual([
      {
        action: "buy",
        position: {
          position_id: "PHX-1",
          strategy: "value_add",
          state: "AZ",
          msa_id: "38060",
          units: "300",
          position_value: "42000000",
        },
      },
      { action: "sell", positionId: "DAL-1", value: undefined },
      { action: "sell", positionId: "DAL-2", value: "5000000" },
      { action: "revalue", positionId: "HOU-7", positionValue: "18500000" },
    ]);
    const trades = parseTrades(raw);
    expect(trades.ok && trades.value.map((t) => t.action)).toEqual(["buy", "sell", "sell", "revalue"]);
  });

  test("a bad row is named as the API names it: trades[0] is the first data row", () => {
    const result = parseTrades(tradesFromCsv("action,position_id,position_value\nbuy,N1,lots\nhold,P1,\n"));
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual([
      "trades[0].position_value",
      "trades[1].action",
    ]);
  });

  test("a file without an action column is refused, naming the columns it expects", () => {
    expect(() => tradesFromCsv("position_id,position_value\nP1,5\n")).toThrow(
      /needs an action column; found position_id, position_value/,
    );
  });

  test.each([
    ["state=TX:-20", { dimensionType: "state", dimensionValue: "TX", valueChangePct: -20 }],
    ["vintage=1970s:-10", { dimensionType: "vintage", dimensionValue: "1970s", valueChangePct: -10 }],
    ["strategy:5", { dimensionType: "strategy", valueChangePct: 5 }],
  ])("--shock %s", (text, shock) => {
    expect(shockFromText(text)).toEqual(shock);
    expect(parseShocks([shockFromText(text)], normalizeDimensionValue).ok).toBe(true);
  });

  test.each(["state=TX", "state=TX:lots", ":5"])("--shock %s is refused with the expected form", (text) => {
    expect(() => shockFromText(text)).toThrow(/expected <dimension>\[=<value>\]:<percent>/);
  });

  test("tradesToCsv writes what tradesFromCsv reads back to the same trades", () => {
    const trades = [
      {
        action: "buy",
        position: {
          position_id: "PHX-1",
          strategy: "value_add",
          state: "AZ",
          msa_id: "38060",
          units: 300,
          position_value: 42_000_000,
        },
      },
      { action: "sell", positionId: "DAL-1" },
      { action: "sell", positionId: "DAL, 2", value: 5_000_000 },
      { action: "revalue", positionId: "HOU-7", positionValue: 18_500_000 },
    ];
    const text = tradesToCsv(trades);
    expect(text.split("\r\n")[0]).toBe(
      "action,position_id,value,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value,units,ownership_pct",
    );
    const back = parseTrades(tradesFromCsv(text));
    expect(back).toEqual(parseTrades(trades));
    expect(back.ok).toBe(true);
  });
});
