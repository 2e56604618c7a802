import { beforeAll, describe, expect, test } from "vitest";
import type { getGeographic } from "@/lib/services/analysis";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

type Geographic = Awaited<ReturnType<typeof getGeographic>>;

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
    const reply = await api.get<Geographic>("/api/geographic");
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
    const reply = await many.get<Geographic>("/api/geographic");
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
