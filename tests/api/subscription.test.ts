import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SubscriptionSaved } from "@/lib/services/subscriptions";
import { type Api, expectError, fieldsOf, ISO_TIMESTAMP, newPortfolio } from "@/tests/support/api-client";

// GET|PUT /api/notifications/subscription (issue 11): each caller's own, any role; an API token
// acts as its owner. The server runs without SMTP, so a subscription that would send says so.
// Every subscription here names only this file's portfolio and ends as `none`, so nothing is sent
// for other files' alerts.

const PATH = "/api/notifications/subscription";
let api: Api;
beforeAll(async () => {
  api = await newPortfolio("subscription");
});
afterAll(async () => {
  for (const role of ["viewer", "manager", "admin"] as const) await api.as(role).put(PATH, { mode: "none" });
});

describe("the caller's own subscription over the API", () => {
  test("a viewer reads theirs and saves a digest; the answer warns that email is not set up", async () => {
    const viewer = api.as("viewer");
    const before = await viewer.get<SubscriptionSaved>(PATH);
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ mode: expect.stringMatching(/^(none|immediate|digest)$/) });
    expect(before.body.email).toMatch(/@/);

    const saved = await viewer.put<SubscriptionSaved>(PATH, {
      mode: "digest",
      digestHour: 7,
      minSeverity: "critical",
      portfolios: [api.portfolio],
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toEqual({
      mode: "digest",
      digestHour: 7,
      minSeverity: "critical",
      portfolios: [api.portfolio],
      email: before.body.email,
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
      warning: expect.stringMatching(/AKER_SMTP_URL/),
    });
    const again = await viewer.get<SubscriptionSaved>(PATH);
    expect(again.body).toMatchObject({ mode: "digest", digestHour: 7, minSeverity: "critical" });
    expect(again.body.warning).toBeUndefined();
  });

  test("each caller has their own: the manager's is not the viewer's", async () => {
    await api.as("viewer").put(PATH, { mode: "digest", digestHour: 5, portfolios: [api.portfolio] });
    await api.as("manager").put(PATH, { mode: "immediate", portfolios: [api.portfolio] });
    expect((await api.as("viewer").get<SubscriptionSaved>(PATH)).body).toMatchObject({ mode: "digest", digestHour: 5 });
    expect((await api.as("manager").get<SubscriptionSaved>(PATH)).body).toMatchObject({ mode: "immediate" });
    const none = await api.as("manager").put<SubscriptionSaved>(PATH, { mode: "none" });
    expect(none.body.mode).toBe("none");
    expect(none.body.warning).toBeUndefined();
  });

  test.each([
    { body: {}, fields: ["mode"] },
    { body: { mode: "weekly" }, fields: ["mode"] },
    { body: { mode: "digest", digestHour: 24 }, fields: ["digestHour"] },
    { body: { mode: "digest", digestHour: 7.5 }, fields: ["digestHour"] },
    { body: { mode: "immediate", minSeverity: "info" }, fields: ["minSeverity"] },
    { body: { mode: "immediate", portfolios: "all" }, fields: ["portfolios"] },
    { body: { mode: "immediate", portfolios: ["no-such-portfolio"] }, fields: ["portfolios"] },
    { body: { mode: "none", email: "someone@else.com" }, fields: ["body"] }, // an unknown field
  ])("a bad body %o is a 400 naming the field", async ({ body, fields }) => {
    const error = expectError(await api.as("viewer").put(PATH, body), 400, "invalid_input");
    expect(fieldsOf(error)).toEqual(fields);
  });

  test("saving is in the audit log as subscription.updated", async () => {
    await api.as("viewer").put(PATH, { mode: "none" });
    const audit = await api
      .as("admin")
      .get<{ items: Array<{ action: string; details: unknown }> }>(
        "/api/admin/audit?action=subscription.updated&limit=5",
      );
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ action: "subscription.updated", details: { mode: "none" } });
  });
});
