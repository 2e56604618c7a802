import { beforeAll, describe, expect, test } from "vitest";
import type { CapacityRow, MaxAcquisition, ScenarioEvaluation } from "@/lib/engine/scenario";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

// A $1,000,000 book: strategy core 40 %, value_add 40 %, core_plus 20 %; state TX 50 %, CA 30 %, NY 20 %.
const BOOK_CSV = [
  "position_id,strategy,state,msa_id,vintage,position_value",
  "P1,core,TX,19100,1975,400000",
  "P2,value_add,TX,19100,1985,100000",
  "P3,value_add,CA,31080,,300000",
  "P4,core_plus,NY,35620,2005,200000",
].join("\n");

/** Everything a what-if must leave as it was: the book, runs, alerts, limits, import history, audit log. */
async function everything(api: Api, portfolioId: string) {
  const admin = api.as("admin");
  const read = async (path: string, query?: Record<string, string>) => {
    const reply = await api.get(path, query);
    expect(reply.status, `${path}: ${reply.text}`).toBe(200);
    return reply.text;
  };
  return {
    positions: await api.positions(),
    runs: await read("/api/exposures/runs"),
    alerts: await read("/api/alerts"),
    limits: await read("/api/thresholds"),
    batches: await read("/api/positions/batches"),
    // The audit log is everyone's: this portfolio's part of it.
    audit: (
      await admin.get<{ items: Array<{ portfolioId: string | null }> }>("/api/admin/audit", { limit: "500" })
    ).body.items.filter((e) => e.portfolioId === portfolioId),
  };
}

describe("what-if scenarios over the REST API", () => {
  let api: Api;
  let vaMax: string;
  let txMax: string;
  beforeAll(async () => {
    api = await newPortfolio("scenarios");
    expect((await api.importCsv(BOOK_CSV)).status).toBe(201);
    const addLimit = async (body: object) => {
      const reply = await api.post<{ id: string }>("/api/thresholds", body);
      expect(reply.status, reply.text).toBe(201);
      return reply.body.id;
    };
    vaMax = await addLimit({
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 50,
      severityLevel: "critical",
    });
    txMax = await addLimit({ dimensionType: "state", dimensionValue: "TX", thresholdPct: 45 });
    await api.run();
  });

  test("POST /api/scenarios/evaluate: the book after, what moved, the breach diff and the verdict; nothing written", async () => {
    const portfolioId = (
      await api.get<Array<{ id: string; slug: string }> | { items: Array<{ id: string; slug: string }> }>(
        "/api/portfolios",
      )
    ).body;
    const id =
      (Array.isArray(portfolioId) ? portfolioId : portfolioId.items).find((p) => p.slug === api.portfolio)?.id ?? "";
    expect(id).not.toBe("");
    const before = await everything(api, id);
    const reply = await api.as("viewer").post<ScenarioEvaluation>("/api/scenarios/evaluate", {
      trades: [
        {
          action: "buy",
          position: { position_id: "N1", strategy: "Value_Add", state: "az", msa_id: "38060", position_value: 500000 },
        },
        { action: "sell", positionId: "P1" },
      ],
      shocks: [{ dimensionType: "state", dimensionValue: "CA", valueChangePct: -20 }],
    });
    expect(reply.status, reply.text).toBe(200);
    const result = reply.body;
    // After: P2 100k TX, P3 240k CA, P4 200k NY, N1 500k AZ = 1,040,000; value_add 840k (80.8 %).
    expect(result.before).toEqual({ totalPortfolioValue: 1_000_000, positionCount: 4 });
    expect(result.after).toMatchObject({ totalPortfolioValue: 1_040_000, positionCount: 4 });
    expect(result.after.exposures.find((e) => e.dimensionType === "state" && e.dimensionValue === "AZ")).toMatchObject({
      exposureValue: 500_000,
      positionCount: 1,
    });
    expect(result.after.concentration.state.count).toBe(4);
    expect(result.breaches).toEqual([
      {
        thresholdId: vaMax,
        kind: "share",
        basis: "value",
        dimensionType: "strategy",
        dimensionValue: "value_add",
        severity: "critical",
        thresholdType: "maximum",
        thresholdPct: 50,
        beforePct: 40,
        afterPct: expect.closeTo((840 / 1040) * 100, 9),
        breachUnit: "pp",
        change: "new",
      },
      {
        thresholdId: txMax,
        kind: "share",
        basis: "value",
        dimensionType: "state",
        dimensionValue: "TX",
        severity: "warning",
        thresholdType: "maximum",
        thresholdPct: 45,
        beforePct: 50,
        afterPct: expect.closeTo((100 / 1040) * 100, 9),
        breachUnit: "pp",
        change: "cleared",
      },
    ]);
    expect(result.verdict).toBe("critical");
    expect(result.changes.find((c) => c.dimensionType === "state" && c.dimensionValue === "CA")).toEqual({
      dimensionType: "state",
      dimensionValue: "CA",
      beforePct: 30,
      afterPct: expect.closeTo((240 / 1040) * 100, 9),
      deltaPp: expect.closeTo((240 / 1040) * 100 - 30, 9),
      beforeValue: 300_000,
      afterValue: 240_000,
    });
    expect(await everything(api, id)).toEqual(before);
  });

  test("a bad trade is a 422 naming the trade by index and field; nothing was evaluated", async () => {
    const reply = await api.post("/api/scenarios/evaluate", {
      trades: [
        { action: "sell", positionId: "P2" },
        { action: "revalue", positionId: "P3", positionValue: 1 },
        { action: "buy", position: { state: "TX", position_value: "lots" } },
      ],
    });
    const error = expectError(reply, 422, "invalid_data");
    expect(fieldsOf(error)).toEqual(["trades[2].position_value"]);
    expect(error.message).toBe(
      '1 trade is invalid; nothing was evaluated. trades[2].position_value: position_value must be a number greater than 0 (got "lots")',
    );
  });

  test("a purchase's MSA may be given by name, as in an import; a name that is none is the trade's error", async () => {
    const reply = await api.post<ScenarioEvaluation>("/api/scenarios/evaluate", {
      trades: [{ action: "buy", position: { position_id: "N2", msa_id: "Phoenix, AZ", position_value: 250000 } }],
    });
    expect(reply.status, reply.text).toBe(200);
    expect(
      reply.body.after.exposures.find((e) => e.dimensionType === "msa" && e.dimensionValue === "38060"),
    ).toMatchObject({ exposureValue: 250_000, positionCount: 1 });
    const bad = await api.post("/api/scenarios/evaluate", {
      trades: [
        { action: "buy", position: { msa_id: "Springfield", position_value: "lots" } },
        { action: "buy", position: { msa_id: "Atlantis", position_value: 1 } },
      ],
    });
    const error = expectError(bad, 422, "invalid_data");
    expect(fieldsOf(error)).toEqual(["trades[0].msa_id", "trades[0].position_value", "trades[1].msa_id"]);
    expect(error.details?.[0]?.message).toMatch(/^msa_id "Springfield" is ambiguous: /);
    expect(error.details?.[2]?.message).toMatch(/^msa_id "Atlantis" is not a CBSA code, title or principal city/);
  });

  test("selling a position the book does not hold is a 422 naming it", async () => {
    const reply = await api.post("/api/scenarios/evaluate", {
      trades: [
        { action: "sell", positionId: "P1" },
        { action: "sell", positionId: "P9" },
      ],
      shocks: [{ dimensionType: "state", dimensionValue: "Texas", valueChangePct: -20 }],
    });
    // The shock is refused first: nothing is read until the request itself is sound.
    expect(fieldsOf(expectError(reply, 422, "invalid_data"))).toEqual(["shocks[0].dimensionValue"]);
    const unknown = await api.post("/api/scenarios/evaluate", { trades: [{ action: "sell", positionId: "P9" }] });
    const error = expectError(unknown, 422, "invalid_data");
    expect(error.details).toEqual([
      { field: "trades[0].positionId", message: 'no stored position has position_id "P9"' },
    ]);
  });

  test("the body's shape is a 400", async () => {
    const reply = await api.post("/api/scenarios/evaluate", { trades: "buy" });
    expect(fieldsOf(expectError(reply, 400, "invalid_input"))).toEqual(["trades"]);
  });

  test("GET /api/exposures/capacity: one row per value and limit, the dimension filter, an ETag", async () => {
    const reply = await api.as("viewer").get<{ items: CapacityRow[] }>("/api/exposures/capacity");
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items).toEqual([
      {
        dimensionType: "strategy",
        dimensionValue: "value_add",
        exposurePct: 40,
        exposureValue: 400_000,
        thresholdId: vaMax,
        thresholdType: "maximum",
        thresholdPct: 50,
        capacityValue: 200_000,
        shortfallValue: 0,
      },
      {
        dimensionType: "state",
        dimensionValue: "TX",
        exposurePct: 50,
        exposureValue: 500_000,
        thresholdId: txMax,
        thresholdType: "maximum",
        thresholdPct: 45,
        capacityValue: 0,
        shortfallValue: 0,
      },
    ]);
    const state = await api.get<{ items: CapacityRow[] }>("/api/exposures/capacity", { dimensionType: "state" });
    expect(state.body.items.map((r) => r.dimensionValue)).toEqual(["TX"]);
    const etag = reply.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await api.send("GET", "/api/exposures/capacity", { query: {} });
    expect(again.headers.get("etag")).toBe(etag);
    const bad = await api.get("/api/exposures/capacity", { dimensionType: "county" });
    expect(fieldsOf(expectError(bad, 400, "invalid_input"))).toEqual(["dimensionType"]);
  });

  test("POST /api/scenarios/max-acquisition: the largest purchase and the limit that binds", async () => {
    // value_add 400k of 1M under 50 %: (0.5 × 1M − 400k) / 0.5 = 200,000; buying in CA, TX is not touched.
    const reply = await api.as("viewer").post<MaxAcquisition>("/api/scenarios/max-acquisition", {
      position: { strategy: "value_add", state: "CA" },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      maxValue: 200_000,
      binding: {
        thresholdId: vaMax,
        dimensionType: "strategy",
        dimensionValue: "value_add",
        thresholdType: "maximum",
        thresholdPct: 50,
      },
    });
    // Buying in Texas, already over its maximum: nothing fits.
    const texas = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", { position: { state: "tx" } });
    expect(texas.body).toMatchObject({ maxValue: 0, binding: { thresholdId: txMax } });
    const free = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", { position: { state: "NY" } });
    expect(free.body).toEqual({ maxValue: null, binding: null });
    // A joint venture at 40 %: the fund's share may be 200,000, so the asset's price 500,000.
    const venture = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", {
      position: { strategy: "value_add", state: "CA", ownership_pct: 40 },
    });
    expect(venture.body).toMatchObject({ maxValue: 500_000, binding: { thresholdId: vaMax } });
    // A third: 200,000 / 0.333333 = 600,000.6000006 → 600,000.60, whose owned share rounds to 200,000.00.
    const third = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", {
      position: { strategy: "value_add", ownership_pct: "33.3333" },
    });
    expect(third.body).toMatchObject({ maxValue: 600_000.6 });
  });

  test("max-acquisition: a bad attribute is a 422 naming it, a field that is not an attribute a 400", async () => {
    const bad = await api.post("/api/scenarios/max-acquisition", {
      position: { state: "Texas", vintage: 1500, ownership_pct: 0 },
    });
    expect(fieldsOf(expectError(bad, 422, "invalid_data"))).toEqual([
      "position.state",
      "position.vintage",
      "position.ownership_pct",
    ]);
    // An MSA by name, as an import takes it: the same answer as its code; a name that is none, its error.
    const byCode = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", {
      position: { strategy: "value_add", msa_id: "19100" },
    });
    const byName = await api.post<MaxAcquisition>("/api/scenarios/max-acquisition", {
      position: { strategy: "value_add", msa_id: "Dallas-Fort Worth-Arlington, TX" },
    });
    expect(byName.status, byName.text).toBe(200);
    expect(byName.body).toEqual(byCode.body);
    const unknown = await api.post("/api/scenarios/max-acquisition", {
      position: { msa_id: "Atlantis", vintage: 1500 },
    });
    expect(fieldsOf(expectError(unknown, 422, "invalid_data"))).toEqual(["position.msa_id", "position.vintage"]);
    const strange = await api.post("/api/scenarios/max-acquisition", { position: { position_value: 5 } });
    expect(fieldsOf(expectError(strange, 400, "invalid_input"))).toEqual(["position.position_value"]);
  });
});
