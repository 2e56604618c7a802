import { describe, expect, test } from "vitest";
import {
  breachLines,
  commitLines,
  evaluationFile,
  fileStem,
  hasUnsavedChanges,
  shockNote,
  tradesFile,
} from "@/components/scenarios/saved-model";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import { parseTrades } from "@/lib/engine/scenario";
import { tradesFromCsv } from "@/lib/import/trades-csv";

const TRADES = [
  {
    action: "buy",
    position: { position_id: "PHX-1", strategy: "value_add", state: "AZ", msa_id: "38060", position_value: 42_000_000 },
  },
  { action: "buy", position: { position_value: 5 } },
  { action: "sell", positionId: "DAL-1" },
  { action: "sell", positionId: "DAL-2", value: 5_000_000 },
  { action: "revalue", positionId: "HOU-7", positionValue: 18_500_000 },
];

describe("what a commit's confirmation lists", () => {
  test("one line per trade, as the book will change", () => {
    expect(commitLines(TRADES)).toEqual([
      "Buy PHX-1 (value_add, AZ, 38060) for $42,000,000.00",
      "Buy a position without a position_id for $5.00",
      "Sell all of DAL-1",
      "Sell $5,000,000.00 of DAL-2",
      "Revalue HOU-7 to $18,500,000.00",
    ]);
  });

  test("shocks are said to be left out; none, nothing said", () => {
    expect(shockNote([])).toBeNull();
    expect(shockNote([{ dimensionType: "state", dimensionValue: "TX", valueChangePct: -20 }])).toBe(
      "The shock (state TX -20 %) is a market move, not a trade: it is not applied.",
    );
    expect(
      shockNote([
        { dimensionType: "state", dimensionValue: "TX", valueChangePct: -20 },
        { dimensionType: "vintage", valueChangePct: 5 },
      ]),
    ).toBe("The 2 shocks (state TX -20 %; vintage +5 %) are market moves, not trades: they are not applied.");
  });

  test("the breaches it creates or worsens, not those it clears or leaves", () => {
    const breach = (change: string, dimensionValue: string) => ({
      thresholdId: "l",
      dimensionType: "state",
      dimensionValue,
      severity: "warning",
      thresholdType: "maximum",
      thresholdPct: 45,
      beforePct: 50,
      afterPct: 60,
      change,
    });
    const evaluation = {
      breaches: [breach("new", "AZ"), breach("worse", "TX"), breach("cleared", "CA"), breach("same", "NY")],
    } as unknown as ScenarioEvaluation;
    expect(breachLines(evaluation)).toEqual([
      "New warning breach: state AZ 50.0 % → 60.0 % (maximum 45.0 %)",
      "Worse warning breach: state TX 50.0 % → 60.0 % (maximum 45.0 %)",
    ]);
    expect(breachLines(null)).toEqual([]);
  });

  test("unsaved changes: anything but the saved trades and shocks, in order", () => {
    const saved = { trades: TRADES, shocks: [] };
    expect(hasUnsavedChanges(saved, { trades: [...TRADES], shocks: [] })).toBe(false);
    expect(hasUnsavedChanges(saved, { trades: TRADES.slice(1), shocks: [] })).toBe(true);
    expect(hasUnsavedChanges(saved, { trades: TRADES, shocks: [{ dimensionType: "state", valueChangePct: 1 }] })).toBe(
      true,
    );
  });
});

describe("exports", () => {
  test.each([
    ["IC deal 12/5", "ic-deal-12-5"],
    ["  ", "scenario"],
    [null, "scenario"],
    ["Café Lofts – Q3", "caf-lofts-q3"],
  ])("file stem of %j is %s", (name, stem) => {
    expect(fileStem(name)).toBe(stem);
  });

  test("the trades CSV reads back (npm run cli -- whatif) to the same trades", () => {
    const file = tradesFile("IC deal", TRADES);
    expect(file).toMatchObject({ name: "ic-deal-trades.csv", type: "text/csv" });
    expect(parseTrades(tradesFromCsv(file.body))).toEqual(parseTrades(TRADES));
  });

  test("the evaluation JSON carries what it evaluated", () => {
    const evaluation = { verdict: "pass" } as unknown as ScenarioEvaluation;
    const file = evaluationFile(null, { trades: TRADES, shocks: [] }, evaluation);
    expect(file.name).toBe("scenario-evaluation.json");
    expect(JSON.parse(file.body)).toEqual({ name: null, trades: TRADES, shocks: [], evaluation: { verdict: "pass" } });
  });
});
