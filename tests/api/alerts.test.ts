import { beforeAll, describe, expect, test } from "vitest";
import type { AlertDetailDto, AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import { alertOf, alertsOf, BREACH_MESSAGE, bookCsv, createLimit } from "@/tests/support/api-alerts";
import { type Api, expectError, fieldsOf, ISO_TIMESTAMP, newPortfolio, UUID } from "@/tests/support/api-client";

// The alert lifecycle through the REST API, and the requests it refuses. Re-evaluation when
// limits change, and the wording of other breaches: alerts-evaluation.test.ts.

const SOME_UUID = "00000000-0000-4000-8000-000000000000";

describe("alert lifecycle: open → dedup → acknowledge → auto-resolve → re-open as new", () => {
  let api: Api;
  let limit: LimitDto;
  let first: AlertDto;
  let second: AlertDto;

  beforeAll(async () => {
    api = await newPortfolio("alerts lifecycle");
    limit = await createLimit(api, {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      thresholdType: "maximum",
      severityLevel: "critical",
    });
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
  });

  test("a run that breaches opens exactly one active critical alert, with the exact message", async () => {
    const run = await api.run({ asOfDate: "2025-06-30" });
    expect(run.alerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const alerts = await alertsOf(api);
    expect(alerts).toHaveLength(1);
    first = alerts[0] as AlertDto;
    expect(first).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(UUID),
        thresholdId: limit.id,
        dimensionType: "strategy",
        dimensionValue: "value_add",
        severity: "critical",
        status: "active",
        exposurePct: expect.closeTo(40, 9),
        thresholdPct: 30,
        breachPct: expect.closeTo(10, 9),
        alertMessage: BREACH_MESSAGE,
        acknowledgedBy: null,
        acknowledgedAt: null,
        comment: null,
        resolvedAt: null,
        resolvedBy: null,
        createdAt: expect.stringMatching(ISO_TIMESTAMP),
        updatedAt: expect.stringMatching(ISO_TIMESTAMP),
      }),
    );
  });

  test("running again updates that alert and never duplicates it", async () => {
    const again = await api.run({ asOfDate: "2025-06-30" });
    expect(again.alerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const later = await api.run({ asOfDate: "2025-07-31" });
    expect(later.alerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    const alerts = await alertsOf(api);
    expect(alerts.map((a) => [a.id, a.status])).toEqual([[first.id, "active"]]);
  });

  test("acknowledge records who, when and the comment", async () => {
    const reply = await api.post<AlertDetailDto>(`/api/alerts/${first.id}/acknowledge`, { comment: "looking" });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      id: first.id,
      status: "acknowledged",
      acknowledgedBy: "Test manager",
      comment: "looking",
      resolvedAt: null,
    });
    expect(reply.body.acknowledgedAt).toMatch(ISO_TIMESTAMP);
    expect(Date.parse(reply.body.acknowledgedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(first.createdAt));

    // A re-run that still breaches keeps it acknowledged.
    expect((await api.run({ asOfDate: "2025-07-31" })).alerts).toEqual({ opened: 0, updated: 1, resolved: 0 });
    expect((await alertOf(api, first.id)).status).toBe("acknowledged");
  });

  test("GET /api/alerts/{id} carries the history of its transitions", async () => {
    const alert = await alertOf(api, first.id);
    expect(alert).toMatchObject({ id: first.id, status: "acknowledged", alertMessage: BREACH_MESSAGE });
    expect(alert.history.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", "auto"],
      ["acknowledged", "Test manager"],
    ]);
    expect(alert.history[1]).toMatchObject({ comment: "looking", createdAt: expect.stringMatching(ISO_TIMESTAMP) });
  });

  test("a run where the breach has cleared resolves the alert by `auto`", async () => {
    expect((await api.importCsv(bookCsv(20))).status).toBe(201);
    const run = await api.run({ asOfDate: "2025-07-31" });
    expect(run.alerts).toEqual({ opened: 0, updated: 0, resolved: 1 });
    const alert = await alertOf(api, first.id);
    expect(alert).toMatchObject({ status: "resolved", resolvedBy: "auto", acknowledgedBy: "Test manager" });
    expect(alert.resolvedAt).toMatch(ISO_TIMESTAMP);
    expect(alert.history.map((e) => e.kind)).toEqual(["opened", "acknowledged", "resolved"]);
  });

  test("a resolved alert cannot be acknowledged or resolved again (409)", async () => {
    expectError(await api.post(`/api/alerts/${first.id}/acknowledge`, {}), 409, "conflict");
    expectError(await api.post(`/api/alerts/${first.id}/resolve`, {}), 409, "conflict");
    expect((await alertOf(api, first.id)).history).toHaveLength(3);
  });

  test("a new breach opens a NEW alert; the list is newest first", async () => {
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    const run = await api.run({ asOfDate: "2025-08-31" });
    expect(run.alerts).toEqual({ opened: 1, updated: 0, resolved: 0 });
    const alerts = await alertsOf(api);
    expect(alerts.map((a) => a.status)).toEqual(["active", "resolved"]);
    second = alerts[0] as AlertDto;
    expect(second.id).not.toBe(first.id);
    expect(alerts[1]?.id).toBe(first.id);
    expect(Date.parse(second.createdAt)).toBeGreaterThanOrEqual(Date.parse(first.createdAt));
    expect(second).toMatchObject({ alertMessage: BREACH_MESSAGE, acknowledgedBy: null, comment: null });
    expect((await alertOf(api, second.id)).history.map((e) => e.kind)).toEqual(["opened"]);
  });

  test("resolving by hand records who", async () => {
    const reply = await api.post<AlertDetailDto>(`/api/alerts/${second.id}/resolve`, { comment: "sold down" });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({
      id: second.id,
      status: "resolved",
      resolvedBy: "Test manager",
      comment: "sold down",
    });
    expect(reply.body.resolvedAt).toMatch(ISO_TIMESTAMP);
    expect(reply.body.history.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", "auto"],
      ["resolved", "Test manager"],
    ]);
  });

  test("filters by status, severity and dimensionType", async () => {
    expect((await alertsOf(api, { status: "resolved" })).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await alertsOf(api, { status: "active" })).toEqual([]);
    expect(await alertsOf(api, { status: "acknowledged" })).toEqual([]);
    expect((await alertsOf(api, { severity: "critical" })).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await alertsOf(api, { severity: "warning" })).toEqual([]);
    expect((await alertsOf(api, { dimensionType: "strategy" })).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await alertsOf(api, { dimensionType: "state" })).toEqual([]);
    expect((await alertsOf(api, { status: "resolved", severity: "critical", dimensionType: "strategy" })).length).toBe(
      2,
    );
  });
});

describe("alerts: bad requests", () => {
  let api: Api;
  let id: string;
  beforeAll(async () => {
    api = await newPortfolio("alerts errors");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    await createLimit(api, { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30 });
    await api.run({ asOfDate: "2025-06-30" });
    id = (await alertsOf(api))[0]?.id ?? "";
  });

  test("unknown, malformed and other portfolios' alert ids are 404s", async () => {
    expectError(await api.get(`/api/alerts/${SOME_UUID}`), 404, "not_found");
    expectError(await api.get("/api/alerts/not-an-id"), 404, "not_found");
    expectError(await api.post(`/api/alerts/${SOME_UUID}/acknowledge`, {}), 404, "not_found");
    expectError(await api.post("/api/alerts/nope/resolve", {}), 404, "not_found");
    const other = await newPortfolio("alerts errors other");
    expectError(await other.get(`/api/alerts/${id}`), 404, "not_found");
    expectError(await other.post(`/api/alerts/${id}/acknowledge`, {}), 404, "not_found");
  });

  test("who acknowledges is the caller, never a field: `by` is refused", async () => {
    expect(
      fieldsOf(
        expectError(await api.post(`/api/alerts/${id}/acknowledge`, { by: "someone else" }), 400, "invalid_input"),
      ),
    ).toEqual(["body"]);
    expect((await alertOf(api, id)).status).toBe("active");
  });

  test.each([
    [{ status: "closed" }, "status"],
    [{ severity: "high" }, "severity"],
    [{ dimensionType: "city" }, "dimensionType"],
  ])("a bad filter %o is a 400 naming it", async (query, field) => {
    expect(fieldsOf(expectError(await api.get("/api/alerts", query), 400, "invalid_input"))).toEqual([field]);
  });
});
