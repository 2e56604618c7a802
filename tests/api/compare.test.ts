import { beforeAll, describe, expect, test } from "vitest";
import type { LimitComparison } from "@/lib/engine/compare";
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

  test("without any run it is a 404", async () => {
    const empty = await newPortfolio("compare empty");
    expectError(await empty.post("/api/exposures/compare", { limits: { strategy: 40 } }), 404, "not_found");
  });
});
