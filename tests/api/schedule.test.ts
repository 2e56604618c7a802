import { beforeAll, describe, expect, test } from "vitest";
import type { ScheduleDto } from "@/lib/services/schedules";
import { type Api, expectError, fieldsOf, newPortfolio } from "@/tests/support/api-client";

// GET|PUT /api/portfolios/{slug}/schedule { cron, staleAfterDays } (issue 11).

let api: Api;
let path: string;
beforeAll(async () => {
  api = await newPortfolio("schedule");
  path = `/api/portfolios/${api.portfolio}/schedule`;
});

describe("a portfolio's schedule over the API", () => {
  test("none at first: recompute on request only, stale after 35 days", async () => {
    const reply = await api.get<ScheduleDto>(path);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ cron: null, staleAfterDays: 35, nextRunAt: null, lastRunAt: null });
  });

  test("set to 06:00 UTC daily: the next run is the next 06:00 UTC", async () => {
    const reply = await api.put<ScheduleDto>(path, { cron: "0 6 * * *", staleAfterDays: 20 });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ cron: "0 6 * * *", staleAfterDays: 20 });
    const next = new Date(reply.body.nextRunAt ?? "");
    expect(next.getUTCHours()).toBe(6);
    expect(next.getUTCMinutes()).toBe(0);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect((await api.as("viewer").get<ScheduleDto>(path)).body.cron).toBe("0 6 * * *");
  });

  test.each([
    { body: { cron: "at dawn" }, fields: ["cron"] },
    { body: { cron: "0 6 * * *", staleAfterDays: 0 }, fields: ["staleAfterDays"] },
    { body: { staleAfterDays: 10 }, fields: ["cron"] },
  ])("a bad body %o is a 400 naming the field", async ({ body, fields }) => {
    expect(fieldsOf(expectError(await api.put(path, body), 400, "invalid_input"))).toEqual(fields);
  });

  test("a viewer cannot change it; an unknown portfolio is a 404", async () => {
    expectError(await api.as("viewer").put(path, { cron: null }), 403, "forbidden");
    expectError(await api.get("/api/portfolios/no-such-portfolio/schedule"), 404, "not_found");
  });
});
