import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ChannelDto } from "@/lib/services/notify-channels";
import type { DeliveryDto } from "@/lib/services/notify-delivery";
import { bookCsv, createLimit } from "@/tests/support/api-alerts";
import { type Api, expectError, fieldsOf, ISO_TIMESTAMP, newPortfolio, UUID } from "@/tests/support/api-client";

// The notification channels and deliveries through the REST API: admin only, validation, the
// write-only secret. The server runs without AKER_WEBHOOK_ALLOW_PRIVATE and without SMTP, so
// loopback URLs and email channels are refused; the public address used (203.0.113.10, TEST-NET-3)
// is never reached. Delivery end to end, with real receivers: tests/services/notifications.test.ts.

const SOME_UUID = "00000000-0000-4000-8000-000000000000";
const SECRET = "whsec_api_test_0123456789";
const PUBLIC_URL = "https://203.0.113.10/aker-hook";
const CHANNEL_KEYS = [
  "id",
  "kind",
  "name",
  "portfolio",
  "minSeverity",
  "dimensions",
  "recipients",
  "url",
  "hasSecret",
  "createdAt",
  "updatedAt",
].sort();

let manager: Api;
let admin: ReturnType<Api["as"]>;
const made: string[] = [];

beforeAll(async () => {
  manager = await newPortfolio("notifications");
  admin = manager.as("admin");
});
afterAll(async () => {
  for (const id of made) await admin.delete(`/api/notifications/channels/${id}`);
});

async function createChannel(body: Record<string, unknown>): Promise<ChannelDto> {
  const reply = await admin.post<ChannelDto>("/api/notifications/channels", body);
  expect(reply.status, reply.text).toBe(201);
  made.push(reply.body.id);
  return reply.body;
}

describe("notification channels", () => {
  test("only an admin may list, create, change, test or delete channels and read deliveries", async () => {
    for (const role of ["viewer", "manager"] as const) {
      const caller = manager.as(role);
      expectError(await caller.get("/api/notifications/channels"), 403, "forbidden");
      expectError(
        await caller.post("/api/notifications/channels", { kind: "slack", name: "x", url: PUBLIC_URL }),
        403,
        "forbidden",
      );
      expectError(await caller.get("/api/notifications/deliveries"), 403, "forbidden");
    }
    expectError(await manager.as("anonymous").get("/api/notifications/channels"), 401, "unauthorized");
  });

  test("a webhook channel is created with its secret, which no answer ever shows", async () => {
    const created = await createChannel({
      kind: "webhook",
      name: "  Ops webhook ",
      portfolio: manager.portfolio,
      minSeverity: "critical",
      dimensions: ["state", "strategy", "state"],
      url: PUBLIC_URL,
      secret: SECRET,
    });
    expect(Object.keys(created).sort()).toEqual(CHANNEL_KEYS);
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      kind: "webhook",
      name: "Ops webhook",
      portfolio: manager.portfolio,
      minSeverity: "critical",
      dimensions: ["state", "strategy"],
      recipients: [],
      url: PUBLIC_URL,
      hasSecret: true,
      createdAt: expect.stringMatching(ISO_TIMESTAMP),
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });

    const listed = await admin.get<{ items: ChannelDto[] }>("/api/notifications/channels");
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((c) => c.id === created.id)).toEqual(created);
    expect(listed.text).not.toContain(SECRET);

    const renamed = await admin.patch<ChannelDto>(`/api/notifications/channels/${created.id}`, { name: "Renamed" });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Renamed", hasSecret: true, url: PUBLIC_URL, minSeverity: "critical" });
    const rekeyed = await admin.patch<ChannelDto>(`/api/notifications/channels/${created.id}`, {
      secret: "another-secret-of-enough-length",
      portfolio: null,
      minSeverity: "warning",
    });
    expect(rekeyed.status, rekeyed.text).toBe(200);
    expect(rekeyed.body).toMatchObject({ portfolio: null, minSeverity: "warning", hasSecret: true });
    expect(rekeyed.text).not.toContain("another-secret-of-enough-length");

    const audit = await admin.get<{ items: Array<{ action: string; target: string }> }>("/api/admin/audit", {
      action: "channel.",
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items.filter((e) => e.target === created.id).map((e) => e.action)).toEqual([
      "channel.updated",
      "channel.updated",
      "channel.created",
    ]);
    expect(audit.text).not.toContain(SECRET);
    expect(audit.text).not.toContain("another-secret-of-enough-length");

    // Back to this portfolio only, so other test files' alerts are not sent to it.
    expect(
      (await admin.patch(`/api/notifications/channels/${created.id}`, { portfolio: manager.portfolio })).status,
    ).toBe(200);
  });

  test("a slack channel takes a URL; its kind cannot change", async () => {
    const slack = await createChannel({ kind: "slack", name: "#risk", portfolio: manager.portfolio, url: PUBLIC_URL });
    expect(slack).toMatchObject({ kind: "slack", hasSecret: false, minSeverity: "warning", dimensions: [] });
    const error = expectError(
      await admin.patch(`/api/notifications/channels/${slack.id}`, { kind: "webhook" }),
      400,
      "invalid_input",
    );
    expect(fieldsOf(error)).toEqual(["kind"]);
    expect(
      fieldsOf(
        expectError(
          await admin.patch(`/api/notifications/channels/${slack.id}`, { secret: SECRET }),
          400,
          "invalid_input",
        ),
      ),
    ).toEqual(["secret"]);
  });

  test.each([
    ["an unknown kind", { kind: "sms", name: "x" }, "kind"],
    ["a missing name", { kind: "slack", url: PUBLIC_URL }, "name"],
    ["a webhook without a secret", { kind: "webhook", name: "x", url: PUBLIC_URL }, "secret"],
    ["a short secret", { kind: "webhook", name: "x", url: PUBLIC_URL, secret: "short" }, "secret"],
    ["a webhook without a URL", { kind: "webhook", name: "x", secret: SECRET }, "url"],
    ["an ftp URL", { kind: "slack", name: "x", url: "ftp://203.0.113.10/x" }, "url"],
    ["a URL that is not one", { kind: "slack", name: "x", url: "hooks" }, "url"],
    ["a loopback URL", { kind: "slack", name: "x", url: "http://127.0.0.1:9/hook" }, "url"],
    ["a link-local URL", { kind: "webhook", name: "x", url: "http://169.254.169.254/latest", secret: SECRET }, "url"],
    ["a private URL", { kind: "slack", name: "x", url: "http://10.0.0.5/hook" }, "url"],
    ["an IPv6 loopback URL", { kind: "slack", name: "x", url: "http://[::1]/hook" }, "url"],
    [
      "recipients on a slack channel",
      { kind: "slack", name: "x", url: PUBLIC_URL, recipients: ["a@b.co"] },
      "recipients",
    ],
    ["an email without recipients", { kind: "email", name: "x" }, "recipients"],
    ["a bad recipient", { kind: "email", name: "x", recipients: ["not an address"] }, "recipients[0]"],
    ["an unknown dimension", { kind: "slack", name: "x", url: PUBLIC_URL, dimensions: ["planet"] }, "dimensions[0]"],
    ["an unknown severity", { kind: "slack", name: "x", url: PUBLIC_URL, minSeverity: "info" }, "minSeverity"],
    ["a bad portfolio slug", { kind: "slack", name: "x", url: PUBLIC_URL, portfolio: "Not A Slug" }, "portfolio"],
  ])("%s is a 400 naming the field", async (_what, body, field) => {
    const error = expectError(await admin.post("/api/notifications/channels", body), 400, "invalid_input");
    expect(fieldsOf(error)).toContain(field);
  });

  test("a private address is refused with a message that says how to allow it", async () => {
    const error = expectError(
      await admin.post("/api/notifications/channels", { kind: "slack", name: "x", url: "http://127.0.0.1:9/hook" }),
      400,
      "invalid_input",
    );
    expect(error.message).toMatch(
      /private, loopback or link-local address \(127\.0\.0\.1\).*AKER_WEBHOOK_ALLOW_PRIVATE=1/,
    );
  });

  test("an unknown field, an unknown portfolio and email without SMTP are refused", async () => {
    expectError(
      await admin.post("/api/notifications/channels", { kind: "slack", name: "x", url: PUBLIC_URL, colour: "red" }),
      400,
      "invalid_input",
    );
    expectError(
      await admin.post("/api/notifications/channels", {
        kind: "slack",
        name: "x",
        url: PUBLIC_URL,
        portfolio: "no-such-fund",
      }),
      404,
      "not_found",
    );
    const mail = expectError(
      await admin.post("/api/notifications/channels", {
        kind: "email",
        name: "desk",
        recipients: ["risk@example.com"],
      }),
      422,
      "invalid_data",
    );
    expect(mail.message).toMatch(/AKER_SMTP_URL.*AKER_MAIL_FROM/);
  });

  test("unknown channels are 404s; a deleted channel is gone", async () => {
    const slack = await createChannel({
      kind: "slack",
      name: "short-lived",
      portfolio: manager.portfolio,
      url: PUBLIC_URL,
    });
    for (const id of [SOME_UUID, "not-a-uuid"]) {
      expectError(await admin.patch(`/api/notifications/channels/${id}`, { name: "x" }), 404, "not_found");
      expectError(await admin.delete(`/api/notifications/channels/${id}`), 404, "not_found");
      expectError(await admin.post(`/api/notifications/channels/${id}/test`), 404, "not_found");
    }
    const deleted = await admin.delete(`/api/notifications/channels/${slack.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectError(await admin.delete(`/api/notifications/channels/${slack.id}`), 404, "not_found");
    const listed = await admin.get<{ items: ChannelDto[] }>("/api/notifications/channels");
    expect(listed.body.items.map((c) => c.id)).not.toContain(slack.id);
  });

  test("GET /channels/{id} and PUT are 405s naming the methods taken", async () => {
    const reply = await admin.get(`/api/notifications/channels/${SOME_UUID}`);
    expectError(reply, 405, "method_not_allowed");
    expect(reply.headers.get("allow")).toBe("PATCH, DELETE, OPTIONS");
  });
});

describe("notification deliveries", () => {
  test("a breach writes one delivery per matching channel, listed with its event and channel; retry makes it due", async () => {
    const hook = await createChannel({
      kind: "webhook",
      name: "breaches",
      portfolio: manager.portfolio,
      url: PUBLIC_URL,
      secret: SECRET,
    });
    const statesOnly = await createChannel({
      kind: "slack",
      name: "states only",
      portfolio: manager.portfolio,
      url: PUBLIC_URL,
      dimensions: ["state"],
    });
    await createLimit(manager, {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      thresholdType: "maximum",
      severityLevel: "critical",
    });
    expect((await manager.importCsv(bookCsv(40))).status).toBe(201);
    await manager.run({ asOfDate: "2025-06-30" });

    const reply = await admin.get<{ items: DeliveryDto[] }>("/api/notifications/deliveries", { channelId: hook.id });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items).toHaveLength(1);
    const [delivery] = reply.body.items;
    expect(delivery).toEqual({
      id: expect.stringMatching(UUID),
      event: {
        id: expect.stringMatching(UUID),
        type: "alert.opened",
        occurredAt: expect.stringMatching(ISO_TIMESTAMP),
        portfolio: manager.portfolio,
        alertId: expect.stringMatching(UUID),
        alertMessage: expect.any(String),
      },
      channel: { id: hook.id, name: "breaches", kind: "webhook" },
      user: null,
      // 203.0.113.10 is never reached: the worker may not have tried yet, or has failed once.
      status: expect.stringMatching(/^(pending|failed)$/),
      attempts: expect.any(Number),
      lastError: delivery?.status === "failed" ? expect.any(String) : null,
      nextAttemptAt: expect.stringMatching(ISO_TIMESTAMP),
      sentAt: null,
      createdAt: expect.stringMatching(ISO_TIMESTAMP),
    });

    const unmatched = await admin.get<{ items: DeliveryDto[] }>("/api/notifications/deliveries", {
      channelId: statesOnly.id,
    });
    expect(unmatched.body.items).toEqual([]); // a strategy breach; that channel hears of states only

    const retried = await admin.post<DeliveryDto>(`/api/notifications/deliveries/${delivery?.id}/retry`);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ id: delivery?.id, status: "pending" });

    const pending = await admin.get<{ items: DeliveryDto[] }>("/api/notifications/deliveries", { status: "sent" });
    expect(pending.body.items.map((d) => d.id)).not.toContain(delivery?.id);
  });

  test("bad filters are 400s naming them; an unknown delivery is a 404", async () => {
    expect(
      fieldsOf(expectError(await admin.get("/api/notifications/deliveries", { status: "lost" }), 400, "invalid_input")),
    ).toEqual(["status"]);
    expect(
      fieldsOf(
        expectError(await admin.get("/api/notifications/deliveries", { channelId: "nope" }), 400, "invalid_input"),
      ),
    ).toEqual(["channelId"]);
    expectError(await admin.post(`/api/notifications/deliveries/${SOME_UUID}/retry`), 404, "not_found");
    expectError(await admin.post("/api/notifications/deliveries/not-a-uuid/retry"), 404, "not_found");
  });
});
