import { beforeAll, describe, expect, test } from "vitest";

import { type Api, expectError, fieldsOf, newPortfolio, type RunResultDto } from "./support";

interface TrendDto {
  dimensionType: string;
  dimensionValue: string;
  points: Array<{ asOfDate: string; exposurePct: number; exposureValue: number; totalPortfolioValue: number }>;
  changePp: number | null;
  changeRelPct: number | null;
}

interface ComparisonDto {
  dimensionType: string;
  dimensionValue: string;
  exposurePct: number;
  limitPct: number;
  headroomPp: number;
  utilizationPct: number | null;
  status: "within" | "breach";
}

interface GeoView {
  top1Pct: number;
  top3Pct: number;
  count: number;
  hhi: number;
  effectiveN: number;
  coveragePct: number;
  top10: Array<{
    dimensionValue: string;
    name: string | null;
    exposurePct: number;
    exposureValue: number;
    positionCount: number;
  }>;
}

/** A book whose value_add share is `pct` % of 1,000,000 (the rest core). */
const bookWithValueAdd = (pct: number) => [
  { position_id: "VA", strategy: "value_add", position_value: pct * 10_000 },
  { position_id: "CO", strategy: "core", position_value: (100 - pct) * 10_000 },
];

describe("GET /api/exposures/trend", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("trend");
    // Backfilled out of order on purpose: the trend is by as-of date, not by when it was computed.
    await api.run({ asOfDate: "2025-03-31", positions: bookWithValueAdd(50) });
    await api.run({ asOfDate: "2025-01-31", positions: bookWithValueAdd(20) });
    await api.run({
      asOfDate: "2025-02-28",
      positions: [...bookWithValueAdd(30), { position_id: "X", strategy: "core", position_value: 1_000_000 }],
    });
  });

  test("points oldest first, change in percentage points and relative", async () => {
    const reply = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ dimensionType: "strategy", dimensionValue: "value_add" });
    expect(reply.body.points).toEqual([
      {
        asOfDate: "2025-01-31",
        exposurePct: expect.closeTo(20, 9),
        exposureValue: 200000,
        totalPortfolioValue: 1000000,
      },
      {
        asOfDate: "2025-02-28",
        exposurePct: expect.closeTo(15, 9),
        exposureValue: 300000,
        totalPortfolioValue: 2000000,
      },
      {
        asOfDate: "2025-03-31",
        exposurePct: expect.closeTo(50, 9),
        exposureValue: 500000,
        totalPortfolioValue: 1000000,
      },
    ]);
    expect(reply.body.changePp).toBeCloseTo(30, 9);
    expect(reply.body.changeRelPct).toBeCloseTo(150, 9);
  });

  test("the value is normalised, and from/to narrows the points", async () => {
    const reply = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: " Value_Add ",
      from: "2025-02-01",
      to: "2025-03-31",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.dimensionValue).toBe("value_add");
    expect(reply.body.points.map((p) => p.asOfDate)).toEqual(["2025-02-28", "2025-03-31"]);
    expect(reply.body.changePp).toBeCloseTo(35, 9);
    expect(reply.body.changeRelPct).toBeCloseTo((35 / 15) * 100, 9);
  });

  test("a run without the value counts as 0 %", async () => {
    const reply = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "core_plus",
    });
    expect(reply.body.points.map((p) => [p.exposurePct, p.exposureValue])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(reply.body).toMatchObject({ changePp: 0, changeRelPct: null });
  });

  test.each([
    [{ dimensionValue: "value_add" }, "dimensionType"],
    [{ dimensionType: "city", dimensionValue: "x" }, "dimensionType"],
    [{ dimensionType: "strategy" }, "dimensionValue"],
    [{ dimensionType: "state", dimensionValue: "ZZ" }, "dimensionValue"],
    [{ dimensionType: "strategy", dimensionValue: "core", from: "2025-02-30" }, "from"],
  ])("a bad query %o is a 400 naming the field", async (query, field) => {
    const error = expectError(await api.get("/api/exposures/trend", query), 400, "invalid_input");
    expect(new Set(fieldsOf(error))).toEqual(new Set([field]));
  });
});

describe("POST /api/exposures/compare", () => {
  let api: Api;
  let latest: RunResultDto;
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
    const reply = await api.post<{ runId: string; asOfDate: string; items: ComparisonDto[] }>(
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
    const reply = await api.post<{ runId: string; items: ComparisonDto[] }>("/api/exposures/compare", {
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

  test("without any run it is a 404", async () => {
    const empty = await newPortfolio("compare empty");
    expectError(await empty.post("/api/exposures/compare", { limits: { strategy: 40 } }), 404, "not_found");
  });
});

describe("GET /api/geographic", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("geographic");
    // The example: MSA shares 35, 25, 20, 15, 5.
    const csv = [
      "position_id,msa_id,state,position_value",
      "P1,31080,CA,350000",
      "P2,35620,NY,250000",
      "P3,16980,IL,200000",
      "P4,12420,TX,150000",
      "P5,99999,CA,50000",
    ].join("\n");
    expect((await api.importCsv(csv)).status).toBe(201);
    await api.run({ asOfDate: "2025-06-30" });
  });

  test("msa and state concentration with the top 10, named by CBSA", async () => {
    const reply = await api.get<{ runId: string; msa: GeoView; state: GeoView }>("/api/geographic");
    expect(reply.status, reply.text).toBe(200);
    const { msa, state } = reply.body;
    expect(msa).toEqual({
      top1Pct: expect.closeTo(35, 9),
      top3Pct: expect.closeTo(80, 9),
      count: 5,
      hhi: expect.closeTo(2500, 6),
      effectiveN: expect.closeTo(4, 9),
      coveragePct: expect.closeTo(100, 9),
      top10: expect.any(Array),
    });
    expect(msa.top10.map((m) => m.dimensionValue)).toEqual(["31080", "35620", "16980", "12420", "99999"]);
    expect(msa.top10[0]).toEqual({
      dimensionValue: "31080",
      name: "Los Angeles-Long Beach-Anaheim, CA",
      exposurePct: expect.closeTo(35, 9),
      exposureValue: 350000,
      positionCount: 1,
    });
    expect(msa.top10[1]?.name).toBe("New York-Newark-Jersey City, NY-NJ-PA");
    expect(msa.top10[4]?.name).toBeNull(); // a valid code with no title in the reference data

    expect(state).toMatchObject({ count: 4, coveragePct: expect.closeTo(100, 9), top1Pct: expect.closeTo(40, 9) });
    expect(state.top3Pct).toBeCloseTo(40 + 25 + 20, 9);
    expect(state.hhi).toBeCloseTo(40 ** 2 + 25 ** 2 + 20 ** 2 + 15 ** 2, 6);
    expect(state.top10.map((s) => [s.dimensionValue, s.name])).toEqual([
      ["CA", null],
      ["NY", null],
      ["IL", null],
      ["TX", null],
    ]);
  });

  test("the top 10 stops at ten values and leaves `unknown` out", async () => {
    const many = await newPortfolio("geographic many");
    const rows = Array.from({ length: 12 }, (_, i) => `P${i},${10100 + i * 20},${(12 - i) * 1000}`);
    expect((await many.importCsv(["position_id,msa_id,position_value", ...rows, "PX,,99000"].join("\n"))).status).toBe(
      201,
    );
    await many.run({ asOfDate: "2025-06-30" });
    const reply = await many.get<{ msa: GeoView }>("/api/geographic");
    expect(reply.body.msa.top10).toHaveLength(10);
    expect(reply.body.msa.top10.map((m) => m.dimensionValue)).not.toContain("unknown");
    expect(reply.body.msa.count).toBe(12);
    expect(reply.body.msa.coveragePct).toBeCloseTo((78000 / 177000) * 100, 9);
  });

  test("runId: a malformed one is a 400, an unknown one a 404", async () => {
    expect(fieldsOf(expectError(await api.get("/api/geographic", { runId: "x" }), 400, "invalid_input"))).toEqual([
      "runId",
    ]);
    expectError(await api.get("/api/geographic", { runId: "00000000-0000-4000-8000-000000000000" }), 404, "not_found");
  });
});
