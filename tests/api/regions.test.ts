import { beforeAll, describe, expect, test } from "vitest";
import type { ScenarioEvaluation } from "@/lib/engine/scenario";
import type { AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import type { PositionPage } from "@/lib/services/positions-list";
import type { RunDetail } from "@/lib/services/runs";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

// Region (issue 10, item 3): NCREIF's four regions derived from each position's state, a dimension
// like the others in runs, limits and alerts, trends, position filters and what-if shocks.

// Owned $800M: TX half of 400M + GA 100M = south 300M (37.5 %); CA 250M west (31.25 %); NY 150M
// east (18.75 %); PR 60M and no state 40M in the unknown region (12.5 %).
const BOOK = [
  "position_id,state,strategy,position_value,ownership_pct",
  "TX1,TX,core,400000000,50",
  "GA1,GA,core,100000000,",
  "CA1,CA,value_add,250000000,",
  "NY1,NY,value_add,150000000,",
  "PR1,PR,core,60000000,",
  "NONE,,core,40000000,",
].join("\n");

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("regions");
  expect((await api.importCsv(BOOK)).status).toBe(201);
  expect((await api.post("/api/exposures/runs", { asOfDate: "2025-03-31" })).status).toBe(201);
});

const regionsOf = (run: RunDetail) =>
  run.exposures
    .filter((e) => e.dimensionType === "region")
    .map((e) => [e.dimensionValue, e.exposureValue, e.exposurePct, e.positionCount]);

describe("region in a run", () => {
  test("each region sums its states' owned value; PR and a missing state are unknown", async () => {
    const run = (await api.get<RunDetail>("/api/exposures/latest")).body;
    expect(regionsOf(run)).toEqual([
      ["south", 300_000_000, 37.5, 2],
      ["west", 250_000_000, 31.25, 1],
      ["east", 150_000_000, 18.75, 1],
      ["unknown", 100_000_000, 12.5, 2],
    ]);
    expect(run.concentration.region).toMatchObject({ top1Pct: 37.5, count: 3, coveragePct: 87.5 });
  });

  test("a region's trend reads each run", async () => {
    const reply = await api.get<{ points: Array<{ asOfDate: string; exposurePct: number }> }>("/api/exposures/trend", {
      dimensionType: "region",
      dimensionValue: "South",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.points.map((p) => [p.asOfDate, p.exposurePct])).toEqual([["2025-03-31", 37.5]]);
  });
});

describe("limits on region", () => {
  test("an ODCE-style cap breaches on the largest region; a value is read like the data", async () => {
    const odce = await api.post<LimitDto>("/api/thresholds", {
      dimensionType: "region",
      thresholdPct: 35,
      thresholdType: "maximum",
      severityLevel: "critical",
    });
    expect(odce.status, odce.text).toBe(201);
    const west = await api.post<LimitDto>("/api/thresholds", {
      dimensionType: "region",
      dimensionValue: " West ",
      kind: "amount",
      thresholdAmount: 200_000_000,
    });
    expect(west.status, west.text).toBe(201);
    expect(west.body.dimensionValue).toBe("west");
    const alerts = (await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "open", limit: 100 })).body.items;
    expect(alerts.map((a) => a.alertMessage).sort()).toEqual([
      "Exposure threshold breached: region='south' at 37.5% exceeds maximum of 35.0%",
      "Exposure threshold breached: region='west' at $250.0M exceeds maximum of $200.0M",
    ]);
  });

  test("a division or a state is not a region: a 400 naming the value", async () => {
    const reply = await api.post("/api/thresholds", {
      dimensionType: "region",
      dimensionValue: "Northeast",
      thresholdPct: 50,
      thresholdType: "maximum",
    });
    expect(fieldsOf(expectError(reply, 400, "invalid_input"))).toEqual(["dimensionValue"]);
  });
});

describe("positions and what-ifs by region", () => {
  test.each([
    ["south", ["GA1", "TX1"]],
    ["East", ["NY1"]],
    ["unknown", ["NONE", "PR1"]],
  ])("GET /api/positions?region=%s lists its states' positions", async (region, ids) => {
    const reply = await api.get<PositionPage>("/api/positions", { region, limit: 100 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items.map((p) => p.positionId).sort()).toEqual(ids);
  });

  test("a filter on a region that does not exist is a 400 naming it", async () => {
    expect(fieldsOf(expectError(await api.get("/api/positions", { region: "north" }), 400, "invalid_input"))).toEqual([
      "region",
    ]);
  });

  test("a shock on a region moves the positions in its states, and only those", async () => {
    const reply = await api.post<ScenarioEvaluation>("/api/scenarios/evaluate", {
      trades: [],
      shocks: [{ dimensionType: "region", dimensionValue: "south", valueChangePct: -20 }],
    });
    expect(reply.status, reply.text).toBe(200);
    // South 300M → 240M (TX's 400M and GA's 100M each fall 20 %); total 740M.
    expect(reply.body.after.totalPortfolioValue).toBe(740_000_000);
    const after = reply.body.after.exposures.filter((e) => e.dimensionType === "region");
    expect(after.map((e) => [e.dimensionValue, e.exposureValue])).toEqual([
      ["west", 250_000_000],
      ["south", 240_000_000],
      ["east", 150_000_000],
      ["unknown", 100_000_000],
    ]);
  });
});
