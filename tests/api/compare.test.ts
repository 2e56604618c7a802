import { beforeAll, describe, expect, test } from "vitest";
import type { DefinitionComparison, LimitComparison } from "@/lib/engine/compare";
import type { RunResult } from "@/lib/services/runs-compute";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

describe("POST /api/exposures/compare", () => {
  let api: Api;
  let latest: RunResult;
  beforeAll(async () => {
    api = await newPortfolio("compare");
    const csv = [
      "position_id,strategy,state,position_value",
      "P1,value_add,CA,400000",
      "P2,value_add,TX,100000",
      "P3,core,TX,250000",
      "P4,core_plus,NY,250000",
    ].join("\n");
    expect((await api.importCsv(csv)).status).toBe(201);
    latest = await api.run({ asOfDate: "2025-06-30" });
  });

  test("every value of each named dimension against its limit, breaches first", async () => {
    const reply = await api.post<{ runId: string; asOfDate: string; items: LimitComparison[] }>(
      "/api/exposures/compare",
      { limits: { strategy: 40, state: 35 } },
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ runId: latest.runId, asOfDate: "2025-06-30" });
    const row = (
      dimensionType: string,
      dimensionValue: string,
      exposurePct: number,
      limitPct: number,
      status: string,
    ) => ({
      dimensionType,
      dimensionValue,
      exposurePct: expect.closeTo(exposurePct, 9),
      limitPct,
      headroomPp: expect.closeTo(limitPct - exposurePct, 9),
      utilizationPct: expect.closeTo((exposurePct / limitPct) * 100, 9),
      status,
    });
    const items = reply.body.items;
    expect(items).toHaveLength(6);
    // Breaches first, then by utilization, highest first; core and core_plus tie at 62.5 %.
    expect(items.slice(0, 4)).toEqual([
      row("strategy", "value_add", 50, 40, "breach"),
      row("state", "CA", 40, 35, "breach"),
      row("state", "TX", 35, 35, "within"), // exactly at a maximum is within
      row("state", "NY", 25, 35, "within"),
    ]);
    expect(items.slice(4)).toEqual(
      expect.arrayContaining([
        row("strategy", "core", 25, 40, "within"),
        row("strategy", "core_plus", 25, 40, "within"),
      ]),
    );
  });

  test("a runId selects an older run", async () => {
    const older = await api.run({ asOfDate: "2025-03-31", positions: [{ strategy: "core", position_value: 1 }] });
    const reply = await api.post<{ runId: string; items: LimitComparison[] }>("/api/exposures/compare", {
      limits: { strategy: 40 },
      runId: older.runId,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.runId).toBe(older.runId);
    expect(reply.body.items).toEqual([
      expect.objectContaining({ dimensionValue: "core", exposurePct: 100, status: "breach" }),
    ]);
  });

  test.each([
    [{ limits: { city: 40 } }, "limits"],
    [{ limits: { strategy: 140 } }, "limits.strategy"],
    [{ limits: { strategy: "40" } }, "limits.strategy"],
    [{ limits: {} }, "limits"],
    [{}, "limits"],
    [{ limits: { strategy: 40 }, runId: "latest" }, "runId"],
  ])("a bad body %o is a 400 naming the field", async (body, field) => {
    const error = expectError(await api.post("/api/exposures/compare", body), 400, "invalid_input");
    expect(fieldsOf(error).length).toBeGreaterThan(0);
    for (const named of fieldsOf(error)) expect(named.startsWith(field)).toBe(true);
  });

  describe("limits as an array: definitions of any kind, as POST /api/thresholds takes them", () => {
    // The book above, $1,000K: strategy value_add $500K (50 %), core and core_plus $250K (25 %) each;
    // state CA $400K (40 %), TX $350K (35 %), NY $250K (25 %).
    const definitions = [
      { dimensionType: "strategy", kind: "amount", thresholdAmount: 450_000 },
      { dimensionType: "state", kind: "count", thresholdCount: 4, thresholdType: "minimum" },
      { dimensionType: "strategy", kind: "top_n", topN: 2, thresholdPct: 80 },
      { dimensionType: "state", kind: "hhi", thresholdHhi: 3_000, severityLevel: "critical" },
      { dimensionType: "strategy", kind: "target", dimensionValue: "Value_Add", targetPct: 40, bandPp: 5 },
    ];

    test("one row per definition and value (or *), with the alert's message, breaches first; nothing is stored", async () => {
      const reply = await api.post<{ runId: string; asOfDate: string; items: DefinitionComparison[] }>(
        "/api/exposures/compare",
        { limits: definitions, runId: latest.runId },
      );
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body).toMatchObject({ runId: latest.runId, asOfDate: "2025-06-30" });
      const common = { basis: "value", severity: "warning", bandPp: null, thresholdType: "maximum" };
      expect(reply.body.items).toEqual([
        {
          // 50 % is 10 pp above 40 %, 5 pp past its ±5 band: 10 / 5 = 200 % of the band used.
          ...common,
          index: 4,
          limitId: "limits[4]",
          kind: "target",
          unit: "pp",
          dimensionType: "strategy",
          dimensionValue: "value_add",
          exposurePct: 50,
          limitPct: 40,
          bandPp: 5,
          headroomPp: -5,
          utilizationPct: 200,
          status: "breach",
          message: "Target drift: strategy='value_add' at 50.0% is 10.0 pp above target 40.0% (band ±5.0 pp)",
        },
        {
          // Three states against at least four: a minimum is used at 4 / 3.
          ...common,
          index: 1,
          limitId: "limits[1]",
          kind: "count",
          unit: "count",
          dimensionType: "state",
          dimensionValue: "*",
          exposurePct: 3,
          limitPct: 4,
          thresholdType: "minimum",
          headroomPp: -1,
          utilizationPct: expect.closeTo((4 / 3) * 100, 9),
          status: "breach",
          message: "Diversification threshold breached: state count 3 below minimum of 4",
        },
        {
          // 40² + 35² + 25² = 1,600 + 1,225 + 625 = 3,450.
          ...common,
          index: 3,
          limitId: "limits[3]",
          kind: "hhi",
          unit: "hhi",
          dimensionType: "state",
          dimensionValue: "*",
          exposurePct: expect.closeTo(3_450, 6),
          limitPct: 3_000,
          severity: "critical",
          headroomPp: expect.closeTo(-450, 6),
          utilizationPct: expect.closeTo(115, 6),
          status: "breach",
          message: "Concentration threshold breached: state HHI 3,450 exceeds maximum of 3,000",
        },
        {
          ...common,
          index: 0,
          limitId: "limits[0]",
          kind: "amount",
          unit: "usd",
          dimensionType: "strategy",
          dimensionValue: "value_add",
          exposurePct: 500_000,
          limitPct: 450_000,
          headroomPp: -50_000,
          utilizationPct: expect.closeTo((500 / 450) * 100, 9),
          status: "breach",
          message: "Exposure threshold breached: strategy='value_add' at $500.0K exceeds maximum of $450.0K",
        },
        {
          // The two largest, 50 % + 25 % = 75 %, is at least 90 % of 80 %: near, no breach.
          ...common,
          index: 2,
          limitId: "limits[2]",
          kind: "top_n",
          unit: "pp",
          dimensionType: "strategy",
          dimensionValue: "*",
          exposurePct: 75,
          limitPct: 80,
          headroomPp: 5,
          utilizationPct: 93.75,
          status: "near",
          message: null,
        },
        ...["core", "core_plus"].map((dimensionValue) => ({
          ...common,
          index: 0,
          limitId: "limits[0]",
          kind: "amount",
          unit: "usd",
          dimensionType: "strategy",
          dimensionValue,
          exposurePct: 250_000,
          limitPct: 450_000,
          headroomPp: 200_000,
          utilizationPct: expect.closeTo((250 / 450) * 100, 9),
          status: "within",
          message: null,
        })),
      ]);

      expect((await api.get<{ items: unknown[] }>("/api/thresholds")).body.items).toEqual([]);
      expect((await api.get<{ items: unknown[] }>("/api/alerts", { status: "open" })).body.items).toEqual([]);
    });

    test.each([
      {
        label: "a definition without its kind's field",
        limits: [definitions[0], { dimensionType: "msa", kind: "amount" }],
        details: [{ field: "limits[1].thresholdAmount", message: "is required for an amount limit" }],
      },
      {
        label: "a field of another kind",
        limits: [{ dimensionType: "state", kind: "count", thresholdCount: 3, topN: 3 }],
        details: [
          {
            field: "limits[0].topN",
            message: "does not belong to a count limit (its fields: thresholdType, thresholdCount)",
          },
        ],
      },
      {
        label: "a value that is no state",
        limits: [definitions[0], { dimensionType: "state", dimensionValue: "Texas", thresholdPct: 30 }],
        details: [{ field: "limits[1].dimensionValue", message: 'state "Texas" is not a US state, DC or PR code' }],
      },
      {
        label: "more than 100 definitions",
        limits: Array.from({ length: 101 }, () => definitions[0]),
        details: [{ field: "limits", message: "must hold at most 100 limits" }],
      },
    ])("$label is a 400 naming it", async ({ limits, details }) => {
      const error = expectError(await api.post("/api/exposures/compare", { limits }), 400, "invalid_input");
      expect(error.details).toEqual(details);
      expect(error.message).toContain(`${details[0]?.field}: ${details[0]?.message}`);
    });
  });

  test("without any run it is a 404", async () => {
    const empty = await newPortfolio("compare empty");
    expectError(await empty.post("/api/exposures/compare", { limits: { strategy: 40 } }), 404, "not_found");
  });
});
