import { beforeAll, describe, expect, test } from "vitest";

import type { AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import { alertOf, alertsOf, bookCsv, createLimit } from "@/tests/support/api-alerts";
import { type Api, expectError, fieldsOf, ISO_TIMESTAMP, newPortfolio, UUID } from "@/tests/support/api-client";

const SOME_UUID = "00000000-0000-4000-8000-000000000000";

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("thresholds");
});

describe("limits: create, read, update, delete", () => {
  let created: LimitDto;

  test("POST answers 201 with the limit, its value normalised like positions", async () => {
    const reply = await api.post<LimitDto>("/api/thresholds", {
      dimensionType: "strategy",
      dimensionValue: " Value_Add ",
      thresholdPct: 30,
      thresholdType: "maximum",
      severityLevel: "critical",
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(UUID),
      dimensionType: "strategy",
      dimensionValue: "value_add",
      // Today's fields keep their meaning; a share limit of value has the other kinds' fields empty.
      kind: "share",
      basis: "value",
      thresholdPct: 30,
      thresholdType: "maximum",
      thresholdAmount: null,
      thresholdCount: null,
      topN: null,
      thresholdHhi: null,
      targetPct: null,
      bandPp: null,
      severityLevel: "critical",
      isActive: true,
      // What the limit says to people: none unless given.
      reference: null,
      note: null,
      createdAt: expect.stringMatching(ISO_TIMESTAMP),
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    created = reply.body;
  });

  test("defaults: maximum, warning, active; a null value covers the whole dimension", async () => {
    const reply = await api.post<LimitDto>("/api/thresholds", { dimensionType: "state", thresholdPct: 35 });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({
      dimensionType: "state",
      dimensionValue: null,
      thresholdPct: 35,
      thresholdType: "maximum",
      severityLevel: "warning",
      isActive: true,
    });
  });

  test.each([
    ["state", "ca", "CA"],
    ["msa", " 31080 ", "31080"],
    ["vintage", "1987", "1980s"],
    ["vintage", "2010S", "2010s"],
    ["construction_type", " New Construction ", "new construction"],
    ["rent_band", "unknown", "unknown"],
  ])("a %s limit on %j is stored as %j", async (dimensionType, dimensionValue, stored) => {
    const reply = await api.post<LimitDto>("/api/thresholds", {
      dimensionType,
      dimensionValue,
      thresholdPct: 50,
      severityLevel: "warning",
      thresholdType: "minimum",
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.dimensionValue).toBe(stored);
  });

  test("GET lists them", async () => {
    const reply = await api.get<{ items: LimitDto[] }>("/api/thresholds");
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(8);
    expect(reply.body.items).toContainEqual(created);
  });

  test("PATCH changes only what is sent", async () => {
    const reply = await api.patch<LimitDto>(`/api/thresholds/${created.id}`, {
      thresholdPct: 25.5,
      isActive: false,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({
      ...created,
      thresholdPct: 25.5,
      isActive: false,
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    const listed = await api.get<{ items: LimitDto[] }>("/api/thresholds");
    expect(listed.body.items.find((t) => t.id === created.id)).toMatchObject({ thresholdPct: 25.5, isActive: false });

    const renamed = await api.patch<LimitDto>(`/api/thresholds/${created.id}`, { dimensionValue: "CORE" });
    expect(renamed.body).toMatchObject({ dimensionValue: "core", thresholdPct: 25.5 });
  });

  test("DELETE answers 204 with no body; afterwards the limit is a 404", async () => {
    const reply = await api.delete<unknown>(`/api/thresholds/${created.id}`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expectError(await api.delete(`/api/thresholds/${created.id}`), 404, "not_found");
    expectError(await api.patch(`/api/thresholds/${created.id}`, { thresholdPct: 10 }), 404, "not_found");
    const listed = await api.get<{ items: LimitDto[] }>("/api/thresholds");
    expect(listed.body.items.map((t) => t.id)).not.toContain(created.id);
  });

  test("ids that cannot exist, or belong to another portfolio, are 404s", async () => {
    expectError(await api.patch(`/api/thresholds/${SOME_UUID}`, { thresholdPct: 10 }), 404, "not_found");
    expectError(await api.delete("/api/thresholds/42"), 404, "not_found");
    const mine = await api.get<{ items: LimitDto[] }>("/api/thresholds");
    const id = mine.body.items[0]?.id ?? SOME_UUID;
    const other = await newPortfolio("thresholds other");
    expectError(await other.patch(`/api/thresholds/${id}`, { thresholdPct: 10 }), 404, "not_found");
    expectError(await other.delete(`/api/thresholds/${id}`), 404, "not_found");
    expect((await other.get<{ items: unknown[] }>("/api/thresholds")).body.items).toEqual([]);
  });
});

describe("limits: validation", () => {
  const valid = {
    dimensionType: "strategy",
    dimensionValue: "core",
    thresholdPct: 30,
    thresholdType: "maximum",
    severityLevel: "warning",
  };

  test.each([
    [{ thresholdPct: 130 }, "thresholdPct"],
    [{ thresholdPct: -1 }, "thresholdPct"],
    [{ thresholdPct: "30" }, "thresholdPct"],
    [{ thresholdType: "max" }, "thresholdType"],
    [{ severityLevel: "high" }, "severityLevel"],
    [{ dimensionType: "city" }, "dimensionType"],
    [{ dimensionType: "state", dimensionValue: "ZZ" }, "dimensionValue"],
    [{ dimensionType: "msa", dimensionValue: "1234" }, "dimensionValue"],
    [{ isActive: "yes" }, "isActive"],
  ])("POST with %o is a 400 naming the field", async (change, field) => {
    const reply = await api.post<unknown>("/api/thresholds", { ...valid, ...change });
    const error = expectError(reply, 400, "invalid_input");
    expect(fieldsOf(error)).toEqual([field]);
    expect(error.message).toContain(field);
  });

  test("a missing dimensionType or thresholdPct is a 400 naming it", async () => {
    const error = expectError(await api.post("/api/thresholds", { dimensionValue: "core" }), 400, "invalid_input");
    expect(fieldsOf(error).sort()).toEqual(["dimensionType", "thresholdPct"]);
  });

  test.each([
    [{ thresholdPct: 130 }, "thresholdPct"],
    [{ severityLevel: "high" }, "severityLevel"],
    [{ dimensionValue: "ZZ" }, "dimensionValue"],
  ])("PATCH with %o is a 400 naming the field and changes nothing", async (change, field) => {
    const limit = await api.post<LimitDto>("/api/thresholds", {
      dimensionType: "state",
      dimensionValue: "TX",
      thresholdPct: 20,
      severityLevel: "critical",
    });
    expect(limit.status, limit.text).toBe(201);
    expect(
      fieldsOf(expectError(await api.patch(`/api/thresholds/${limit.body.id}`, change), 400, "invalid_input")),
    ).toEqual([field]);
    const listed = await api.get<{ items: LimitDto[] }>("/api/thresholds");
    expect(listed.body.items.find((t) => t.id === limit.body.id)).toEqual(limit.body);
    await api.delete(`/api/thresholds/${limit.body.id}`);
  });

  test("the same limit twice is a 409, also when spelled differently or reached by PATCH", async () => {
    const first = await api.post<LimitDto>("/api/thresholds", { ...valid, dimensionValue: "opportunistic" });
    expect(first.status, first.text).toBe(201);
    expectError(
      await api.post("/api/thresholds", { ...valid, dimensionValue: " Opportunistic ", thresholdPct: 45 }),
      409,
      "conflict",
    );

    const second = await api.post<LimitDto>("/api/thresholds", { ...valid, dimensionValue: "development" });
    expect(second.status, second.text).toBe(201);
    expectError(
      await api.patch(`/api/thresholds/${second.body.id}`, { dimensionValue: "opportunistic" }),
      409,
      "conflict",
    );

    // A different severity or direction on the same value is a different limit.
    expect(
      (
        await api.post("/api/thresholds", {
          ...valid,
          dimensionValue: "opportunistic",
          severityLevel: "critical",
          thresholdPct: 40,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post("/api/thresholds", {
          ...valid,
          dimensionValue: "opportunistic",
          thresholdType: "minimum",
          thresholdPct: 5,
        })
      ).status,
    ).toBe(201);
  });
});

describe("limits: a reference and a note", () => {
  const rule = { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 30, severityLevel: "critical" };

  test("POST keeps them trimmed, GET lists them, PATCH sets or clears only them", async () => {
    const api = await newPortfolio("limit notes");
    const limit = await createLimit(api, { ...rule, reference: " LPA §7.2(b) ", note: "Agreed with the LPAC.\n" });
    expect(limit).toMatchObject({ ...rule, reference: "LPA §7.2(b)", note: "Agreed with the LPAC." });
    expect((await api.get<{ items: LimitDto[] }>("/api/thresholds")).body.items).toEqual([limit]);

    const noted = await api.patch<LimitDto>(`/api/thresholds/${limit.id}`, { note: "Waived until Q3." });
    expect(noted.status, noted.text).toBe(200);
    expect(noted.body).toEqual({ ...limit, note: "Waived until Q3.", updatedAt: expect.stringMatching(ISO_TIMESTAMP) });

    const cleared = await api.patch<LimitDto>(`/api/thresholds/${limit.id}`, { reference: null, note: " " });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toEqual({
      ...limit,
      reference: null,
      note: null,
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
  });

  test.each([
    ["a reference of 201 characters", { reference: "r".repeat(201) }, "reference", "must be at most 200 characters"],
    ["a note of 1,001 characters", { note: "n".repeat(1001) }, "note", "must be at most 1,000 characters"],
    ["a number for a reference", { reference: 72 }, "reference", "must be text or null"],
  ])("%s: a 400 naming the field from POST or PATCH, and nothing stored", async (_label, change, field, message) => {
    const api = await newPortfolio("limit notes refused");
    const refused = expectError(await api.post("/api/thresholds", { ...rule, ...change }), 400, "invalid_input");
    expect(refused.details).toEqual([{ field, message }]);
    expect(refused.message).toContain(field);
    expect((await api.get<{ items: LimitDto[] }>("/api/thresholds")).body.items).toEqual([]);

    const limit = await createLimit(api, { ...rule, reference: "LPA §7.2(b)" });
    const patched = expectError(await api.patch(`/api/thresholds/${limit.id}`, change), 400, "invalid_input");
    expect(fieldsOf(patched)).toEqual([field]);
    expect((await api.get<{ items: LimitDto[] }>("/api/thresholds")).body.items).toEqual([limit]);
  });

  test("a NUL in either is a 400 naming it", async () => {
    const api = await newPortfolio("limit notes NUL");
    for (const field of ["reference", "note"])
      expect(
        fieldsOf(
          expectError(await api.post("/api/thresholds", { ...rule, [field]: "LPA\u0000" }), 400, "invalid_input"),
        ),
      ).toEqual([field]);
  });

  test("the same rule with another reference or note is still a twin: 409", async () => {
    const api = await newPortfolio("limit notes twins");
    await createLimit(api, { ...rule, reference: "LPA §7.2(b)" });
    expectError(
      await api.post("/api/thresholds", { ...rule, reference: "LPA §9.1", note: "another clause" }),
      409,
      "conflict",
    );
  });

  test("an alert carries its limit's reference and note as they are now; editing them changes no alert", async () => {
    const api = await newPortfolio("limit notes alerts");
    expect((await api.importCsv(bookCsv(40))).status).toBe(201);
    const limit = await createLimit(api, { ...rule, reference: "LPA §7.2(b)", note: "No more than 30 % value-add." });
    await api.run({ asOfDate: "2025-06-30" });
    const [alert] = await alertsOf(api);
    expect(alert).toMatchObject({
      thresholdId: limit.id,
      status: "active",
      limitReference: "LPA §7.2(b)",
      limitNote: "No more than 30 % value-add.",
    });
    const before = alert as AlertDto;

    const patched = await api.patch<LimitDto>(`/api/thresholds/${limit.id}`, { reference: "LPA §7.2(c)", note: null });
    expect(patched.status, patched.text).toBe(200);
    expect(await alertsOf(api)).toEqual([{ ...before, limitReference: "LPA §7.2(c)", limitNote: null }]);
    const detail = await alertOf(api, before.id);
    expect(detail).toMatchObject({ limitReference: "LPA §7.2(c)", limitNote: null });
    expect(detail.history.map((e) => e.kind)).toEqual(["opened"]);

    expect((await api.delete(`/api/thresholds/${limit.id}`)).status).toBe(204);
    expect(await alertOf(api, before.id)).toMatchObject({
      thresholdId: null,
      status: "resolved",
      limitReference: null,
      limitNote: null,
    });
  });
});
