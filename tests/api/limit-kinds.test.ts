import { beforeAll, describe, expect, test } from "vitest";
import type { AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

// Limits as fund documents write them (issue 10): each kind validated on its own fields, its alerts'
// exact messages, one open alert per dimension-wide limit (value "*"), and auto-resolve.

// $1,000M. MSAs: 19100 $312.5M, 12420 $250M, 38060 $187.5M, 35620 $125M, 31080 $62.5M, unknown
// $62.5M. States: TX 56.25 % (three positions), AZ 18.75 %, NY 12.5 %, CA 12.5 %: HHI 3,828.125.
// Strategies: core 48 %, value_add 52 %.
const BOOK = [
  "position_id,msa_id,state,strategy,position_value",
  "P1,19100,TX,core,312500000",
  "P2,12420,TX,core,167500000",
  "P3,12420,TX,value_add,82500000",
  "P4,38060,AZ,value_add,187500000",
  "P5,35620,NY,value_add,125000000",
  "P6,31080,CA,value_add,62500000",
  "P7,,CA,value_add,62500000",
].join("\n");

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("limit kinds");
  expect((await api.importCsv(BOOK)).status).toBe(201);
  expect((await api.post("/api/exposures/runs", { asOfDate: "2025-06-30" })).status).toBe(201);
});

const openAlerts = async () =>
  (await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "open", limit: 100 })).body.items;

describe("POST /api/thresholds: each kind takes its own fields", () => {
  test.each([
    { label: "an amount without its amount", body: { kind: "amount" }, fields: ["thresholdAmount"] },
    {
      label: "a count naming a value",
      body: { kind: "count", thresholdCount: 10, dimensionValue: "19100" },
      fields: ["dimensionValue"],
    },
    { label: "a top-N without N", body: { kind: "top_n", thresholdPct: 50 }, fields: ["topN"] },
    { label: "a top-N of none", body: { kind: "top_n", thresholdPct: 50, topN: 0 }, fields: ["topN"] },
    { label: "an HHI beyond 10,000", body: { kind: "hhi", thresholdHhi: 10_001 }, fields: ["thresholdHhi"] },
    {
      label: "an HHI minimum",
      body: { kind: "hhi", thresholdHhi: 1500, thresholdType: "minimum" },
      fields: ["thresholdType"],
    },
    {
      label: "a target with a side",
      body: { kind: "target", targetPct: 60, thresholdType: "maximum" },
      fields: ["thresholdType"],
    },
    { label: "a target without its target", body: { kind: "target", bandPp: 5 }, fields: ["targetPct"] },
    { label: "a negative band", body: { kind: "target", targetPct: 60, bandPp: -1 }, fields: ["bandPp"] },
    {
      label: "a share with an amount",
      body: { kind: "share", thresholdPct: 30, thresholdAmount: 5 },
      fields: ["thresholdAmount"],
    },
    { label: "a share without its percent", body: { thresholdType: "maximum" }, fields: ["thresholdPct"] },
    { label: "a kind that does not exist", body: { kind: "ratio", thresholdPct: 30 }, fields: ["kind"] },
    { label: "a basis that does not exist", body: { basis: "rent", thresholdPct: 30 }, fields: ["basis"] },
  ])("$label is a 400 naming $fields", async ({ body, fields }) => {
    const reply = await api.post("/api/thresholds", { dimensionType: "msa", ...body });
    expect(fieldsOf(expectError(reply, 400, "invalid_input"))).toEqual(fields);
  });

  test("a field of another kind is named with the kind's own fields", async () => {
    const reply = await api.post("/api/thresholds", {
      dimensionType: "msa",
      kind: "count",
      thresholdCount: 3,
      topN: 3,
    });
    expect(expectError(reply, 400, "invalid_input").details).toEqual([
      { field: "topN", message: "does not belong to a count limit (its fields: thresholdType, thresholdCount)" },
    ]);
  });

  test("today's clients are unchanged: a share of value with only today's fields", async () => {
    const reply = await api.post<LimitDto>("/api/thresholds", {
      dimensionType: "rent_band",
      dimensionValue: "Luxury",
      thresholdPct: 90,
      thresholdType: "maximum",
      severityLevel: "warning",
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      dimensionValue: "luxury",
      kind: "share",
      basis: "value",
      thresholdPct: 90,
      thresholdType: "maximum",
      thresholdAmount: null,
      thresholdCount: null,
      topN: null,
      thresholdHhi: null,
      targetPct: null,
      bandPp: null,
    });
    expect((await api.delete(`/api/thresholds/${reply.body.id}`)).status).toBe(204);
  });
});

describe("alerts for every kind", () => {
  const created: Record<string, LimitDto> = {};
  beforeAll(async () => {
    const limits = {
      amount: { dimensionType: "msa", kind: "amount", thresholdAmount: 250_000_000, severityLevel: "critical" },
      topN: { dimensionType: "msa", kind: "top_n", topN: 3, thresholdPct: 50 },
      count: { dimensionType: "msa", kind: "count", thresholdCount: 10, thresholdType: "minimum" },
      hhi: { dimensionType: "state", kind: "hhi", thresholdHhi: 1500 },
      core: { dimensionType: "strategy", kind: "target", dimensionValue: "core", targetPct: 60, bandPp: 10 },
      valueAdd: { dimensionType: "strategy", kind: "target", dimensionValue: "value_add", targetPct: 40 },
      positions: { dimensionType: "state", kind: "amount", basis: "positions", thresholdAmount: 2 },
    };
    for (const [name, body] of Object.entries(limits)) {
      const reply = await api.post<LimitDto>("/api/thresholds", body);
      expect(reply.status, reply.text).toBe(201);
      created[name] = reply.body;
    }
  });

  test("each breach has its exact message, its unit and its distance past the limit", async () => {
    const alerts = await openAlerts();
    const of = (name: string) =>
      alerts
        .filter((a) => a.thresholdId === created[name]?.id)
        .map(({ dimensionValue, alertMessage, breachPct, breachUnit, kind, basis, exposurePct, thresholdPct }) => ({
          dimensionValue,
          alertMessage,
          breachPct,
          breachUnit,
          kind,
          basis,
          exposurePct,
          thresholdPct,
        }));
    expect(of("amount")).toEqual([
      {
        dimensionValue: "19100",
        alertMessage: "Exposure threshold breached: msa='19100' at $312.5M exceeds maximum of $250.0M",
        breachPct: 62_500_000,
        breachUnit: "usd",
        kind: "amount",
        basis: "value",
        exposurePct: 312_500_000,
        thresholdPct: 250_000_000,
      },
    ]);
    expect(of("topN")).toEqual([
      expect.objectContaining({
        dimensionValue: "*",
        alertMessage: "Concentration threshold breached: msa top 3 at 75.0% exceeds maximum of 50.0%",
        breachPct: 25,
        breachUnit: "pp",
      }),
    ]);
    expect(of("count")).toEqual([
      expect.objectContaining({
        dimensionValue: "*",
        alertMessage: "Diversification threshold breached: msa count 5 below minimum of 10",
        breachPct: 5,
        breachUnit: "count",
      }),
    ]);
    expect(of("hhi")).toEqual([
      expect.objectContaining({
        dimensionValue: "*",
        alertMessage: "Concentration threshold breached: state HHI 3,828 exceeds maximum of 1,500",
        breachPct: 2328.125,
        breachUnit: "hhi",
      }),
    ]);
    expect(of("core")).toEqual([
      expect.objectContaining({
        alertMessage: "Target drift: strategy='core' at 48.0% is 12.0 pp below target 60.0% (band ±10.0 pp)",
        breachPct: expect.closeTo(2, 9),
        breachUnit: "pp",
      }),
    ]);
    // The default band: the larger of 20 % of 40 and 1 pp, so ±8.0.
    expect(of("valueAdd")).toEqual([
      expect.objectContaining({
        alertMessage: "Target drift: strategy='value_add' at 52.0% is 12.0 pp above target 40.0% (band ±8.0 pp)",
        breachPct: expect.closeTo(4, 9),
      }),
    ]);
    expect(of("positions")).toEqual([
      expect.objectContaining({
        dimensionValue: "TX",
        alertMessage: "Exposure threshold breached: state='TX' at 3 positions exceeds maximum of 2 positions",
        breachPct: 1,
        breachUnit: "count",
        basis: "positions",
      }),
    ]);
  });

  test("a dimension-wide limit keeps one open alert across runs, and a fix resolves it by auto", async () => {
    const count = created.count?.id ?? "";
    expect((await api.post("/api/exposures/runs", { asOfDate: "2025-06-30" })).status).toBe(201);
    expect((await api.post("/api/exposures/runs", { asOfDate: "2025-06-30" })).status).toBe(201);
    expect((await openAlerts()).filter((a) => a.thresholdId === count)).toHaveLength(1);

    const fixed = await api.patch<LimitDto>(`/api/thresholds/${count}`, { thresholdCount: 5 });
    expect(fixed.status, fixed.text).toBe(200);
    expect((await openAlerts()).filter((a) => a.thresholdId === count)).toEqual([]);
    const all = await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "resolved", limit: 100 });
    expect(all.body.items.filter((a) => a.thresholdId === count)).toEqual([
      expect.objectContaining({ status: "resolved", resolvedBy: "auto", dimensionValue: "*" }),
    ]);
  });

  test("a PATCH that changes the kind drops the old kind's fields and checks the new one's", async () => {
    const id = created.hhi?.id ?? "";
    const missing = await api.patch(`/api/thresholds/${id}`, { kind: "top_n" });
    expect(fieldsOf(expectError(missing, 400, "invalid_input"))).toEqual(["topN", "thresholdPct"]);
    const foreign = await api.patch(`/api/thresholds/${id}`, { thresholdAmount: 5 });
    expect(fieldsOf(expectError(foreign, 400, "invalid_input"))).toEqual(["thresholdAmount"]);
    const changed = await api.patch<LimitDto>(`/api/thresholds/${id}`, { kind: "top_n", topN: 1, thresholdPct: 60 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ kind: "top_n", topN: 1, thresholdPct: 60, thresholdHhi: null });
  });

  test("a twin of a kind is a 409 (limits of other kinds on the same dimension were made above)", async () => {
    const twin = await api.post("/api/thresholds", {
      dimensionType: "msa",
      kind: "amount",
      thresholdAmount: 100,
      severityLevel: "critical",
    });
    expect(expectError(twin, 409, "conflict").message).toMatch(/already exists/);
  });
});
