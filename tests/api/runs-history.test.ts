import { beforeAll, describe, expect, test } from "vitest";
import type { RunDetail, RunSummary } from "@/lib/services/runs";
import {
  type Api,
  expectError,
  exposureOf,
  fieldsOf,
  ISSUE_EXAMPLE_CSV,
  newPortfolio,
  UUID,
} from "@/tests/support/api-client";

describe("runs over time", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("runs history");
    expect((await api.importCsv(ISSUE_EXAMPLE_CSV)).status).toBe(201);
  });

  const runsBetween = async (from?: string, to?: string) => {
    const reply = await api.get<{ items: RunSummary[] }>("/api/exposures/runs", { from, to });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };

  test("computing the same date twice keeps one run for that date, with the newer figures", async () => {
    const first = await api.run({ asOfDate: "2025-06-30" });
    await api.importCsv("position_id,strategy,position_value\nP4,core,500000\n", { mode: "upsert" });
    const second = await api.run({ asOfDate: "2025-06-30" });
    expect(second.totalPortfolioValue).toBe(5000000);
    expect(second.runId).toBe(first.runId);
    const runs = await runsBetween("2025-06-30", "2025-06-30");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      runId: second.runId,
      asOfDate: "2025-06-30",
      totalPortfolioValue: 5000000,
      positionCount: 4,
    });
  });

  test("a run with inline positions for an older date leaves the stored positions alone", async () => {
    const before = await api.positions();
    const backfill = await api.run({
      asOfDate: "2025-03-31",
      positions: [
        { position_id: "OLD1", strategy: "Core", state: "ny", position_value: "$600,000" },
        { positionId: "OLD2", strategy: "value_add", positionValue: 400000 },
      ],
    });
    expect(backfill).toMatchObject({ asOfDate: "2025-03-31", totalPortfolioValue: 1000000, positionCount: 2 });
    expect(exposureOf(backfill.exposures, "strategy", "core").exposurePct).toBeCloseTo(60, 9);
    expect(exposureOf(backfill.exposures, "state", "NY").exposurePct).toBeCloseTo(60, 9);
    expect(await api.positions()).toEqual(before);

    const latest = await api.get<RunDetail>("/api/exposures/latest");
    expect(latest.body).toMatchObject({ asOfDate: "2025-06-30", totalPortfolioValue: 5000000 });
  });

  test("GET /api/exposures/runs lists newest first and filters by from/to", async () => {
    await api.run({ asOfDate: "2024-12-31", positions: [{ position_value: 1 }] });
    expect((await runsBetween()).map((r) => r.asOfDate)).toEqual(["2025-06-30", "2025-03-31", "2024-12-31"]);
    expect((await runsBetween("2025-01-01")).map((r) => r.asOfDate)).toEqual(["2025-06-30", "2025-03-31"]);
    expect((await runsBetween(undefined, "2025-03-31")).map((r) => r.asOfDate)).toEqual(["2025-03-31", "2024-12-31"]);
    expect((await runsBetween("2025-01-01", "2025-06-29")).map((r) => r.asOfDate)).toEqual(["2025-03-31"]);
    for (const run of await runsBetween()) {
      expect(run).toMatchObject({
        id: expect.stringMatching(UUID),
        runId: run.id,
        totalPortfolioValue: expect.any(Number),
        positionCount: expect.any(Number),
      });
    }
  });

  test("a bad range is a 400 naming the field", async () => {
    expect(
      fieldsOf(expectError(await api.get("/api/exposures/runs", { from: "2025-13-01" }), 400, "invalid_input")),
    ).toEqual(["from"]);
    expect(
      fieldsOf(
        expectError(
          await api.get("/api/exposures/runs", { from: "2025-06-30", to: "2025-01-01" }),
          400,
          "invalid_input",
        ),
      ),
    ).toEqual(["from"]);
  });

  test("year 0 is a 400 naming the field, not a 500", async () => {
    const run = await api.post<unknown>("/api/exposures/runs", {
      asOfDate: "0000-01-01",
      positions: [{ position_value: 1 }],
    });
    expect(fieldsOf(expectError(run, 400, "invalid_input"))).toEqual(["asOfDate"]);
    expect(
      fieldsOf(expectError(await api.get("/api/exposures/runs", { to: "0000-01-01" }), 400, "invalid_input")),
    ).toEqual(["to"]);
  });

  test("without asOfDate a run is for today (UTC)", async () => {
    const before = new Date().toISOString().slice(0, 10);
    const run = await api.run();
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).toContain(run.asOfDate);
    expect((await api.get<RunDetail>("/api/exposures/latest")).body.runId).toBe(run.runId);
  });
});
