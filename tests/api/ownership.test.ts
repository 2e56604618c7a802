import { beforeAll, describe, expect, test } from "vitest";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import type { RunResult } from "@/lib/services/runs-compute";
import { type Api, expectError, exposureOf, newPortfolio } from "@/tests/support/api-client";

// Joint ventures (issue 10, item 1): ownership_pct travels through import, storage, runs, the
// positions list, exports and what-if purchases, and only the fund's share counts as exposure.

const BOOK = [
  "position_id,strategy,state,position_value,units,ownership_pct",
  "P1,core,TX,1000000,100,",
  "P2,value_add,CA,2000000,200,50",
  "P3,value_add,CA,300000.01,30,33.3333",
].join("\n");

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("ownership");
  const reply = await api.importCsv(BOOK);
  expect(reply.status, reply.text).toBe(201);
});

describe("ownership_pct", () => {
  test("a bad share is a row error naming the row and the field, and nothing is written", async () => {
    const fresh = await newPortfolio("ownership errors");
    const reply = await fresh.importCsv(
      ["position_id,position_value,ownership_pct", "A,100,0", "B,100,100.5", "C,100,half", "D,100,50%"].join("\n"),
    );
    const error = expectError(reply, 422, "invalid_data");
    expect(error.details?.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 2, field: "ownership_pct" },
      { row: 3, field: "ownership_pct" },
      { row: 4, field: "ownership_pct" },
    ]);
    expect(error.details?.[1]?.message).toBe(
      'ownership_pct must be a percentage greater than 0 and at most 100 (got "100.5")',
    );
    expect(await fresh.positions()).toEqual([]);
  });

  test("a run counts the fund's share: 1,000,000 + 1,000,000 + 99,999.90 (a third of 300,000.01)", async () => {
    const reply = await api.post<RunResult>("/api/exposures/runs", { asOfDate: "2025-06-30" });
    expect(reply.status, reply.text).toBe(201);
    const run = reply.body;
    // 300,000.01 × 33.3333 % = 99,999.903… → 99,999.90.
    expect(run.totalPortfolioValue).toBe(2_099_999.9);
    expect(exposureOf(run.exposures, "strategy", "core").exposureValue).toBe(1_000_000);
    expect(exposureOf(run.exposures, "strategy", "value_add")).toMatchObject({
      exposureValue: 1_099_999.9,
      positionCount: 2,
    });
    expect(exposureOf(run.exposures, "state", "CA").exposurePct).toBeCloseTo((1_099_999.9 / 2_099_999.9) * 100, 9);
  });

  test("the positions list and the exports carry the share; the value stays the whole asset's", async () => {
    const list = await api.positions();
    expect(list.map((p) => [p.positionId, p.positionValue, p.ownershipPct])).toEqual([
      ["P1", 1_000_000, 100],
      ["P2", 2_000_000, 50],
      ["P3", 300_000.01, 33.3333],
    ]);
    const sorted = await api.get<{ items: Array<{ positionId: string }> }>("/api/positions", { sort: "ownership" });
    expect(sorted.body.items.map((p) => p.positionId)).toEqual(["P3", "P2", "P1"]);
    const csv = await api.get<never>("/api/positions/export", { format: "csv" });
    expect(csv.status, csv.text).toBe(200);
    const lines = csv.text.trim().split("\n");
    expect(lines[0]?.endsWith(",units,ownership_pct")).toBe(true);
    expect(lines[2]?.endsWith(",200,50")).toBe(true);
    expect(lines[3]?.endsWith(",30,33.3333")).toBe(true);
  });

  test("a what-if purchase of a joint venture adds only the fund's share", async () => {
    const reply = await api.post<ScenarioEvaluation>("/api/scenarios/evaluate", {
      trades: [
        { action: "buy", position: { strategy: "core", state: "TX", position_value: 4_000_000, ownership_pct: 25 } },
      ],
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.after.totalPortfolioValue).toBe(3_099_999.9);
    expect(exposureOf(reply.body.after.exposures, "strategy", "core").exposureValue).toBe(2_000_000);
    const bad = await api.post("/api/scenarios/evaluate", {
      trades: [{ action: "buy", position: { strategy: "core", position_value: 1, ownership_pct: 101 } }],
    });
    expect(expectError(bad, 422, "invalid_data").details?.map((d) => d.field)).toEqual(["trades[0].ownership_pct"]);
  });
});
