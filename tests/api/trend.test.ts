import { beforeAll, describe, expect, test } from "vitest";
import type { TrendDto } from "@/lib/services/analysis";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

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

describe("GET /api/exposures/trend?basis=", () => {
  let api: Api;
  beforeAll(async () => {
    api = await newPortfolio("trend basis");
    // Jan: value_add one position of 100 units in two; Feb: two of three, 100 + 50 of 400 units, and
    // one position without units (unknown on the units basis).
    await api.run({
      asOfDate: "2025-01-31",
      positions: [
        { position_id: "VA", strategy: "value_add", position_value: 900_000, units: 100 },
        { position_id: "CO", strategy: "core", position_value: 100_000, units: 100 },
      ],
    });
    await api.run({
      asOfDate: "2025-02-28",
      positions: [
        { position_id: "VA", strategy: "value_add", position_value: 900_000, units: 100 },
        { position_id: "VB", strategy: "value_add", position_value: 50_000, units: 50 },
        { position_id: "CO", strategy: "core", position_value: 100_000, units: 250 },
        { position_id: "CX", strategy: "core", position_value: 1 },
      ],
    });
  });

  test("positions: the value's share of positions, its count and the count in all", async () => {
    const reply = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      basis: "positions",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ basis: "positions" });
    expect(reply.body.points).toEqual([
      { asOfDate: "2025-01-31", exposurePct: 50, exposureValue: 1, totalPortfolioValue: 2 },
      { asOfDate: "2025-02-28", exposurePct: 50, exposureValue: 2, totalPortfolioValue: 4 },
    ]);
  });

  test("units: owned units and their share; a position without units adds none", async () => {
    const reply = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      basis: "units",
    });
    expect(reply.body.points).toEqual([
      { asOfDate: "2025-01-31", exposurePct: 50, exposureValue: 100, totalPortfolioValue: 200 },
      { asOfDate: "2025-02-28", exposurePct: 37.5, exposureValue: 150, totalPortfolioValue: 400 },
    ]);
    expect(reply.body.changePp).toBeCloseTo(-12.5, 9);
  });

  test("value stays the default, and an unknown basis is a 400 naming it", async () => {
    const value = await api.get<TrendDto>("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
    });
    expect(value.body).toMatchObject({ basis: "value" });
    expect(value.body.points.map((p) => p.exposureValue)).toEqual([900_000, 950_000]);
    const bad = await api.get("/api/exposures/trend", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      basis: "doors",
    });
    expect(fieldsOf(expectError(bad, 400, "invalid_input"))).toEqual(["basis"]);
  });
});
