import { beforeAll, describe, expect, test } from "vitest";
import type { AlertDetailDto, AlertDto } from "@/lib/services/alerts";
import { type Api, expectError, fieldsOf, ISSUE_EXAMPLE_CSV, newPortfolio } from "@/tests/support/api-client";

// POST /api/alerts/{id}/waive { reason, until } and POST /api/alerts/{id}/unwaive (issue 11).

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let api: Api;
let alert: AlertDto;
beforeAll(async () => {
  api = await newPortfolio("waivers");
  expect((await api.importCsv(ISSUE_EXAMPLE_CSV)).status).toBe(201);
  expect(
    (await api.post("/api/thresholds", { dimensionType: "state", dimensionValue: "CA", thresholdPct: 50 })).status,
  ).toBe(201);
  expect((await api.post("/api/exposures/runs", { asOfDate: "2025-06-30" })).status).toBe(201);
  const open = (await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "open" })).body.items;
  expect(open).toHaveLength(1);
  alert = open[0] as AlertDto;
});

describe("waivers over the API", () => {
  test("a viewer cannot waive", async () => {
    expectError(
      await api.as("viewer").post(`/api/alerts/${alert.id}/waive`, { reason: "x", until: inDays(5) }),
      403,
      "forbidden",
    );
  });

  test.each([
    { body: { until: inDays(5) }, fields: ["reason"] },
    { body: { reason: "ok", until: "next week" }, fields: ["until"] },
    { body: { reason: "ok", until: inDays(400) }, fields: ["until"] },
  ])("a bad body %o is a 400 naming the field", async ({ body, fields }) => {
    const error = expectError(await api.post(`/api/alerts/${alert.id}/waive`, body), 400, "invalid_input");
    expect(fieldsOf(error)).toEqual(fields);
  });

  test("a field the waiver does not take (who waives is the signed-in user) is a 400", async () => {
    expectError(
      await api.post(`/api/alerts/${alert.id}/waive`, { reason: "ok", until: inDays(5), waivedBy: "someone" }),
      400,
      "invalid_input",
    );
  });

  test("waive, listed as waived and not open; unwaive, open again", async () => {
    const until = inDays(30);
    const waived = await api.post<AlertDetailDto>(`/api/alerts/${alert.id}/waive`, {
      reason: "IC memo 2025-14",
      until,
    });
    expect(waived.status, waived.text).toBe(200);
    expect(waived.body).toMatchObject({ status: "waived", waivedUntil: until, waiverReason: "IC memo 2025-14" });
    expect(typeof waived.body.waivedBy).toBe("string");
    expect((await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "open" })).body.items).toEqual([]);
    expect(
      (await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "waived" })).body.items.map((a) => a.id),
    ).toEqual([alert.id]);
    expectError(await api.post(`/api/alerts/${alert.id}/acknowledge`, {}), 409, "conflict");
    const back = await api.post<AlertDetailDto>(`/api/alerts/${alert.id}/unwaive`, {});
    expect(back.status, back.text).toBe(200);
    expect(back.body.status).toBe("active");
    expectError(await api.post(`/api/alerts/${alert.id}/unwaive`, {}), 409, "conflict");
  });
});
