import { beforeAll, describe, expect, test } from "vitest";
import { DIMENSIONS } from "@/lib/engine/types";
import type { RunDetail } from "@/lib/services/runs";
import type { RunResult } from "@/lib/services/runs-compute";
import {
  type Api,
  expectError,
  exposureOf,
  fieldsOf,
  ISO_TIMESTAMP,
  ISSUE_EXAMPLE_CSV,
  newPortfolio,
  UUID,
} from "@/tests/support/api-client";

// A run on the issue's example, on missing data and on an empty portfolio. Runs over time
// (one per date, backfills, listing by date): runs-history.test.ts.

const SOME_UUID = "00000000-0000-4000-8000-000000000000";

describe("POST /api/exposures/runs on the issue's example", () => {
  let api: Api;
  let run: RunResult;
  let text: string;
  beforeAll(async () => {
    api = await newPortfolio("runs example");
    expect((await api.importCsv(ISSUE_EXAMPLE_CSV)).status).toBe(201);
    const reply = await api.post<RunResult>("/api/exposures/runs", { asOfDate: "2025-06-30" });
    expect(reply.status, reply.text).toBe(201);
    run = reply.body;
    text = reply.text;
  });

  test("answers 201 with the run: total, count, id, date", () => {
    expect(run).toMatchObject({
      runId: expect.stringMatching(UUID),
      asOfDate: "2025-06-30",
      totalPortfolioValue: 4500000,
      positionCount: 3,
      alerts: { opened: 0, updated: 0, resolved: 0 },
    });
    expect(run.id).toBe(run.runId);
  });

  test("exposures per value: value_add 55.56 %, core_plus 44.44 %, CA 66.67 %, TX 33.33 %", () => {
    const valueAdd = exposureOf(run.exposures, "strategy", "value_add");
    expect(valueAdd).toEqual({
      dimensionType: "strategy",
      dimensionValue: "value_add",
      exposurePct: expect.any(Number),
      exposureValue: 2500000,
      positionCount: 2,
      // The example has no units column: no owned units, no position with units.
      exposureUnits: 0,
      unitsCount: 0,
    });
    expect(valueAdd.exposurePct).toBeCloseTo(55.5556, 3);
    expect(exposureOf(run.exposures, "strategy", "core_plus").exposurePct).toBeCloseTo(44.4444, 3);
    expect(exposureOf(run.exposures, "state", "CA")).toMatchObject({ exposureValue: 3000000, positionCount: 2 });
    expect(exposureOf(run.exposures, "state", "CA").exposurePct).toBeCloseTo(66.6667, 3);
    expect(exposureOf(run.exposures, "state", "TX").exposurePct).toBeCloseTo(33.3333, 3);
  });

  test("every dimension sums to 100 %; attributes the file lacks are one `unknown` bucket", () => {
    for (const dimension of DIMENSIONS) {
      const buckets = run.exposures.filter((e) => e.dimensionType === dimension);
      expect(buckets.reduce((sum, e) => sum + e.exposurePct, 0)).toBeCloseTo(100, 9);
      expect(buckets.reduce((sum, e) => sum + e.exposureValue, 0)).toBe(4500000);
    }
    expect(run.exposures.filter((e) => e.dimensionType === "msa")).toEqual([
      {
        dimensionType: "msa",
        dimensionValue: "unknown",
        exposurePct: 100,
        exposureValue: 4500000,
        positionCount: 3,
        exposureUnits: 0,
        unitsCount: 0,
      },
    ]);
  });

  test("concentration for all six dimensions", () => {
    expect(Object.keys(run.concentration).sort()).toEqual([...DIMENSIONS].sort());
    for (const dimension of DIMENSIONS) {
      const c = run.concentration[dimension];
      expect(Object.keys(c).sort()).toEqual(["count", "coveragePct", "effectiveN", "hhi", "top1Pct", "top3Pct"]);
      for (const value of Object.values(c)) expect(Number.isFinite(value)).toBe(true);
    }
    const strategy = run.concentration.strategy;
    expect(strategy.count).toBe(2);
    expect(strategy.top1Pct).toBeCloseTo(55.5556, 3);
    expect(strategy.top3Pct).toBeCloseTo(100, 9);
    expect(strategy.hhi).toBeCloseTo((2500 / 45) ** 2 + (2000 / 45) ** 2, 6);
    expect(strategy.effectiveN).toBeCloseTo(10000 / strategy.hhi, 9);
    expect(strategy.coveragePct).toBeCloseTo(100, 9);
    expect(run.concentration.msa).toEqual({ top1Pct: 0, top3Pct: 0, count: 0, hhi: 0, effectiveN: 0, coveragePct: 0 });
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  test("GET /api/exposures/runs/{id} and /latest return the stored run", async () => {
    const byId = await api.get<RunDetail>(`/api/exposures/runs/${run.runId}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      id: run.id,
      runId: run.runId,
      asOfDate: "2025-06-30",
      totalPortfolioValue: 4500000,
      positionCount: 3,
    });
    expect(byId.body.computedAt).toMatch(ISO_TIMESTAMP);
    expect(byId.body.exposures).toEqual(run.exposures);
    expect(byId.body.concentration).toEqual(run.concentration);

    const latest = await api.get<RunDetail>("/api/exposures/latest");
    expect(latest.status).toBe(200);
    expect(latest.body).toEqual(byId.body);
  });

  test("an unknown run id, a malformed one, or another portfolio's run is a 404", async () => {
    expectError(await api.get(`/api/exposures/runs/${SOME_UUID}`), 404, "not_found");
    expectError(await api.get("/api/exposures/runs/not-a-uuid"), 404, "not_found");
    const other = await newPortfolio("runs other");
    expectError(await other.get(`/api/exposures/runs/${run.runId}`), 404, "not_found");
  });
});

describe("runs: missing data and empty portfolios", () => {
  test("missing attributes go to `unknown` and lower coverage", async () => {
    const api = await newPortfolio("runs unknown");
    const csv = [
      "position_id,strategy,state,msa_id,position_value",
      "P1,core,TX,12420,750000",
      "P2,core,  ,,250000",
    ].join("\n");
    expect((await api.importCsv(csv)).status).toBe(201);
    const run = await api.run({ asOfDate: "2025-06-30" });
    expect(exposureOf(run.exposures, "state", "unknown")).toMatchObject({
      exposureValue: 250000,
      exposurePct: 25,
      positionCount: 1,
    });
    expect(exposureOf(run.exposures, "msa", "unknown")).toMatchObject({ exposureValue: 250000, exposurePct: 25 });
    expect(run.exposures.filter((e) => e.dimensionValue === "")).toEqual([]);
    expect(run.concentration.state).toMatchObject({ count: 1, top1Pct: 75, coveragePct: 75 });
    expect(run.concentration.state.coveragePct).toBeLessThan(100);
    expect(run.concentration.strategy.coveragePct).toBe(100);
  });

  test("an empty portfolio is a 422 with a clear message, and no run is stored", async () => {
    const api = await newPortfolio("runs empty");
    const reply = await api.post<unknown>("/api/exposures/runs", { asOfDate: "2025-06-30" });
    const error = expectError(reply, 422, "invalid_data");
    expect(error.message).toMatch(/no positions/i);
    expect(reply.text).not.toMatch(/NaN|Infinity|null/);
    expectError(await api.post("/api/exposures/runs", { positions: [] }), 422, "invalid_data");
    expect((await api.get<{ items: unknown[] }>("/api/exposures/runs")).body.items).toEqual([]);
    expectError(await api.get("/api/exposures/latest"), 404, "not_found");
  });

  test("an inline position too large to store is a 422, not a 500", async () => {
    const api = await newPortfolio("runs too large");
    const reply = await api.post<unknown>("/api/exposures/runs", { positions: [{ position_value: 1e21 }] });
    expect(fieldsOf(expectError(reply, 422, "invalid_data"))).toEqual(["positions[0].position_value"]);
  });

  test("bad inline positions are a 422 naming each position and field", async () => {
    const api = await newPortfolio("runs bad inline");
    const reply = await api.post<unknown>("/api/exposures/runs", {
      positions: [{ position_value: 10 }, { position_value: -1 }, { position_value: 5, state: "ZZ" }],
    });
    expect(fieldsOf(expectError(reply, 422, "invalid_data"))).toEqual([
      "positions[1].position_value",
      "positions[2].state",
    ]);
  });

  test.each([
    [{ asOfDate: "2025-02-30" }, "asOfDate"],
    [{ asOfDate: "2025/06/30" }, "asOfDate"],
    [{ includeAlerts: "yes" }, "includeAlerts"],
    [{ positions: "P1,100" }, "positions"],
  ])("a bad body %o is a 400 naming the field", async (body, field) => {
    const api = await newPortfolio("runs bad body");
    await api.importCsv("position_value\n100\n");
    const error = expectError(await api.post("/api/exposures/runs", body), 400, "invalid_input");
    expect(new Set(fieldsOf(error))).toEqual(new Set([field]));
  });
});
