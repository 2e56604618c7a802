import { beforeAll, describe, expect, test } from "vitest";
import type { PositionDto } from "@/lib/services/positions-list";
import type { RunResult } from "@/lib/services/runs-compute";
import type { ScenarioDetail, ScenarioSummary } from "@/lib/services/scenarios";
import type { ScenarioCommit } from "@/lib/services/scenarios-commit";
import { type Api, expectError, fieldsOf, newPortfolio, UUID } from "@/tests/support/api-client";

const HEADER = "position_id,asset_id,strategy,state,msa_id,vintage,position_value,units";
const BOOK = [
  "P1,A1,core,TX,19100,1975,400000,40",
  "P2,A2,value_add,TX,19100,1985,100000,10",
  "P3,A3,value_add,CA,31080,,300000,30",
  "P4,A4,core_plus,NY,35620,2005,200000,20",
];
const csv = (rows: string[]) => [HEADER, ...rows].join("\n");

// Buy a Phoenix asset, sell P1, sell 100,000 of P3, revalue P4; a Texas shock that a commit ignores.
const TRADES = [
  {
    action: "buy",
    position: {
      position_id: "N1",
      asset_id: "A9",
      strategy: "value_add",
      state: "AZ",
      msa_id: "38060",
      vintage: 2020,
      position_value: 500000,
      units: 300,
    },
  },
  { action: "sell", positionId: "P1" },
  { action: "sell", positionId: "P3", value: 100000 },
  { action: "revalue", positionId: "P4", positionValue: 250000 },
];
const SHOCKS = [{ dimensionType: "state", dimensionValue: "TX", valueChangePct: -20 }];
// The book the trades leave, as a file: what a commit must equal.
const AFTER = [
  "P2,A2,value_add,TX,19100,1985,100000,10",
  "P3,A3,value_add,CA,31080,,200000,30",
  "P4,A4,core_plus,NY,35620,2005,250000,20",
  "N1,A9,value_add,AZ,38060,2020,500000,300",
];

/** A position without where or when it was stored: what two books must agree on. */
const content = ({ id: _id, batchId: _batch, updatedAt: _at, ...rest }: PositionDto) => rest;
const byPositionId = (a: { positionId: string | null }, b: { positionId: string | null }) =>
  (a.positionId ?? "").localeCompare(b.positionId ?? "");

async function bookOf(api: Api) {
  return (await api.positions()).map(content).sort(byPositionId);
}

describe("saved scenarios", () => {
  let api: Api;
  let limitId: string;
  beforeAll(async () => {
    api = await newPortfolio("saved scenarios");
    expect((await api.importCsv(csv(BOOK))).status).toBe(201);
    const limit = await api.post<{ id: string }>("/api/thresholds", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 50,
      severityLevel: "critical",
    });
    limitId = limit.body.id;
    await api.run({ asOfDate: "2025-06-30" });
  });

  async function save(body: object = { name: "Phoenix for Dallas", trades: TRADES, shocks: SHOCKS }) {
    const reply = await api.post<ScenarioDetail>("/api/scenarios", body);
    expect(reply.status, reply.text).toBe(201);
    return reply.body;
  }

  test("save, list with verdicts, read back with a fresh evaluation, rename, delete", async () => {
    const saved = await save({
      name: "  Phoenix for Dallas ",
      description: "IC 12 May",
      trades: TRADES,
      shocks: SHOCKS,
    });
    expect(saved).toMatchObject({
      id: expect.stringMatching(UUID),
      name: "Phoenix for Dallas",
      description: "IC 12 May",
      trades: TRADES,
      shocks: SHOCKS,
      committedAt: null,
      batchId: null,
      issues: [],
    });
    expect(saved.createdBy).toBeTruthy();
    // P2 80k TX, P3 200k CA, P4 250k NY, N1 500k AZ: value_add 780k of 1,030k is 75.7 %: a new critical breach.
    expect(saved.evaluation?.verdict).toBe("critical");
    expect(saved.evaluation?.breaches.map((b) => [b.thresholdId, b.change])).toEqual([[limitId, "new"]]);

    const list = await api.as("viewer").get<{ items: ScenarioSummary[] }>("/api/scenarios");
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.find((s) => s.id === saved.id)).toMatchObject({
      name: "Phoenix for Dallas",
      tradeCount: 4,
      shockCount: 1,
      verdict: "critical",
    });

    const read = await api.as("viewer").get<ScenarioDetail>(`/api/scenarios/${saved.id}`);
    expect(read.body).toEqual({ ...saved, updatedAt: expect.any(String) });

    const renamed = await api.patch<ScenarioDetail>(`/api/scenarios/${saved.id}`, { name: "Phoenix only", shocks: [] });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Phoenix only", shocks: [], trades: TRADES });

    const bad = await api.patch(`/api/scenarios/${saved.id}`, { trades: [{ action: "sell", positionId: "P9" }] });
    expect(fieldsOf(expectError(bad, 422, "invalid_data"))).toEqual(["trades[0].positionId"]);

    expect((await api.delete(`/api/scenarios/${saved.id}`)).status).toBe(204);
    expectError(await api.get(`/api/scenarios/${saved.id}`), 404, "not_found");
  });

  test("a scenario whose trades do not apply is not saved, named by index and field", async () => {
    const reply = await api.post("/api/scenarios", {
      name: "typo",
      trades: [{ action: "buy", position: { state: "TX", position_value: -1 } }],
    });
    expect(fieldsOf(expectError(reply, 422, "invalid_data"))).toEqual(["trades[0].position_value"]);
    const unnamed = await api.post("/api/scenarios", { name: " ", trades: [] });
    expect(fieldsOf(expectError(unnamed, 400, "invalid_input"))).toEqual(["name"]);
  });

  test("commit equals importing the trades: the same book, today's run recomputed, recorded in the import history and the audit log", async () => {
    const committedApi = await newPortfolio("commit");
    expect((await committedApi.importCsv(csv(BOOK))).status).toBe(201);
    const saved = (
      await committedApi.post<ScenarioDetail>("/api/scenarios", { name: "IC deal", trades: TRADES, shocks: SHOCKS })
    ).body;
    const reply = await committedApi.post<ScenarioCommit>(`/api/scenarios/${saved.id}/commit`);
    expect(reply.status, reply.text).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(reply.body).toMatchObject({ bought: 1, sold: 1, changed: 2, batchId: expect.stringMatching(UUID) });
    expect(reply.body.scenario).toMatchObject({ committedAt: expect.any(String), batchId: reply.body.batchId });
    expect(reply.body.run).toMatchObject({ asOfDate: today, totalPortfolioValue: 1_050_000, positionCount: 4 });

    const imported = await newPortfolio("import equivalent");
    expect((await imported.importCsv(csv(AFTER))).status).toBe(201);
    expect(await bookOf(committedApi)).toEqual(await bookOf(imported));
    const runOf = async (a: Api) => (await a.get<RunResult>("/api/exposures/latest")).body;
    await imported.run();
    const [committedRun, importedRun] = [await runOf(committedApi), await runOf(imported)];
    expect(committedRun.exposures).toEqual(importedRun.exposures);
    expect(committedRun.concentration).toEqual(importedRun.concentration);

    const batches = await committedApi.get<{ items: Array<{ id: string; mode: string; sourceName: string }> }>(
      "/api/positions/batches",
    );
    expect(batches.body.items[0]).toMatchObject({
      id: reply.body.batchId,
      mode: "scenario",
      sourceName: "scenario: IC deal",
    });
    const audit = await committedApi
      .as("admin")
      .get<{ items: Array<{ action: string; target: string | null }> }>("/api/admin/audit", {
        action: "scenario.committed",
      });
    expect(audit.body.items.some((e) => e.target === saved.id)).toBe(true);

    // Committed, it is history: read back without an evaluation against the book that now holds it.
    const history = await committedApi.get<ScenarioDetail>(`/api/scenarios/${saved.id}`);
    expect(history.body).toMatchObject({ committedAt: expect.any(String), evaluation: null, issues: [] });

    // Once only.
    const again = await committedApi.post(`/api/scenarios/${saved.id}/commit`);
    expect(expectError(again, 409, "conflict").message).toMatch(/already committed/);
    const edit = await committedApi.patch(`/api/scenarios/${saved.id}`, { name: "x" });
    expectError(edit, 409, "conflict");
  });

  test("commit is refused with 409 when a sold position changed since the scenario was saved; nothing is written", async () => {
    const changedApi = await newPortfolio("commit refused");
    expect((await changedApi.importCsv(csv(BOOK))).status).toBe(201);
    const saved = (
      await changedApi.post<ScenarioDetail>("/api/scenarios", {
        name: "sell P2",
        trades: [{ action: "sell", positionId: "P2" }, TRADES[0]],
      })
    ).body;
    const upsert = await changedApi.importCsv(csv(["P2,A2,value_add,TX,19100,1985,120000,10"]), { mode: "upsert" });
    expect(upsert.status, upsert.text).toBe(201);
    const before = await bookOf(changedApi);
    const reply = await changedApi.post(`/api/scenarios/${saved.id}/commit`);
    const error = expectError(reply, 409, "conflict");
    expect(error.message).toContain("P2: position_value 100000 → 120000");
    expect(fieldsOf(error)).toEqual(["positions.P2"]);
    expect(await bookOf(changedApi)).toEqual(before);
    expect((await changedApi.get<ScenarioDetail>(`/api/scenarios/${saved.id}`)).body.committedAt).toBeNull();

    // Saved again (the user has seen today's book), it commits.
    const resaved = await changedApi.patch<ScenarioDetail>(`/api/scenarios/${saved.id}`, { name: "sell P2 (120k)" });
    expect(resaved.status, resaved.text).toBe(200);
    expect((await changedApi.post(`/api/scenarios/${saved.id}/commit`)).status).toBe(200);
    expect((await bookOf(changedApi)).map((p) => p.positionId)).toEqual(["N1", "P1", "P3", "P4"]);
  });

  test("a scenario whose sold position is gone reads with the reason instead of an evaluation", async () => {
    const goneApi = await newPortfolio("scenario gone");
    expect((await goneApi.importCsv(csv(BOOK))).status).toBe(201);
    const saved = (await goneApi.post<ScenarioDetail>("/api/scenarios", { name: "sell P4", trades: [TRADES[3]] })).body;
    expect((await goneApi.importCsv(csv(BOOK.slice(0, 3)))).status).toBe(201);
    const read = await goneApi.get<ScenarioDetail>(`/api/scenarios/${saved.id}`);
    expect(read.body).toMatchObject({
      evaluation: null,
      issues: [{ field: "trades[0].positionId", message: 'no stored position has position_id "P4"' }],
    });
    const list = await goneApi.get<{ items: ScenarioSummary[] }>("/api/scenarios");
    expect(list.body.items[0]?.verdict).toBeNull();
  });
});
