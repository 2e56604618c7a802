import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import type { NotificationPayload } from "@/lib/notify/messages";
import { isPrivateAddress } from "@/lib/notify/outbound";
import { verifySignature } from "@/lib/notify/signature";
import { type ChannelCreate, channelCreateSchema } from "@/lib/schemas";
import { acknowledgeAlert, listAlerts, resolveAlert, waiveAlert } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit, updateLimit } from "@/lib/services/limits";
import { createChannel, listChannels, testChannel, updateChannel } from "@/lib/services/notify-channels";
import { deliverDue, listDeliveries, retryDelivery } from "@/lib/services/notify-delivery";
import { importPositions } from "@/lib/services/positions-import";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { as, csvOf, freshPortfolio, limitOf } from "../support/fixtures";
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from "../support/receivers";

// The outbox end to end on a real database, with a real HTTP receiver and a real SMTP server on
// loopback. Time is driven by passing `now` to deliverDue, never by sleeping.

withTestDatabase();

const SECRET = "whsec_test_0123456789abcdef";
let http: HttpReceiver;
let smtp: SmtpReceiver;

beforeAll(async () => {
  http = await startHttpReceiver();
  smtp = await startSmtpReceiver();
  process.env.AKER_SMTP_URL = smtp.url;
  process.env.AKER_MAIL_FROM = "Aker <alerts@aker.test>";
  process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
  process.env.AKER_PUBLIC_URL = "https://aker.example.com/";
});
afterAll(async () => {
  await http.close();
  await smtp.close();
});
afterEach(async () => {
  process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
  // Each test's channels go (and their deliveries with them), so no test sends into another's receivers.
  await (await getPrisma()).notificationChannel.deleteMany();
  http.requests.length = 0;
  http.answer();
  smtp.messages.length = 0;
});

const admin = as({ actor: null, portfolio: { id: "", slug: "", name: "" } }, "Ada Admin", "admin");
const channel = (input: Record<string, unknown>) =>
  createChannel(admin, channelCreateSchema.parse(input) as ChannelCreate);
const later = (seconds: number, from = new Date()) => new Date(from.getTime() + seconds * 1000);

async function load(ctx: PortfolioContext, valueAdd: number, corePlus: number, asOfDate = "2025-06-30") {
  const data = csvOf([
    { position_id: "P1", strategy: "value_add", state: "CA", position_value: valueAdd },
    { position_id: "P2", strategy: "core_plus", state: "TX", position_value: corePlus },
  ]);
  await importPositions(ctx, { format: "csv", data }, { mode: "replace", onError: "reject" });
  return computeRun(ctx, { asOfDate });
}

/** A portfolio with a 30 % critical maximum on value_add, with its note and reference. */
async function portfolioWithLimit(severityLevel: "warning" | "critical" = "critical") {
  const ctx = await freshPortfolio();
  await createLimit(ctx, {
    ...limitOf({
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      thresholdType: "maximum",
      severityLevel,
    }),
    reference: "LPA §7.2(b)",
    note: "Value-add at most 30 % of NAV",
  });
  return ctx;
}

const webhooks = () =>
  http.requests.filter((r) => r.path === "/hook").map((r) => JSON.parse(r.body) as NotificationPayload);

describe("notifications", () => {
  test("a breach sends one email and one signed webhook; a re-run of the same breach sends nothing new", async () => {
    const ctx = await portfolioWithLimit();
    const hook = await channel({
      kind: "webhook",
      name: "ops",
      portfolio: ctx.portfolio.slug,
      url: http.url(),
      secret: SECRET,
    });
    await channel({
      kind: "email",
      name: "risk desk",
      portfolio: ctx.portfolio.slug,
      recipients: ["Risk@Example.com"],
    });

    await load(ctx, 400_000, 600_000);
    const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    expect((await listDeliveries({ limit: 10 })).items.map((d) => d.status)).toEqual(["pending", "pending"]);

    expect(await deliverDue(later(1))).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(http.requests).toHaveLength(1);
    const request = http.requests[0];
    const signature = String(request?.headers["x-aker-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, signature, request?.body ?? "")).toBe(true);
    expect(verifySignature("another secret entirely", signature, request?.body ?? "")).toBe(false);
    expect(verifySignature(SECRET, signature, `${request?.body} `)).toBe(false);

    const body = JSON.parse(request?.body ?? "") as NotificationPayload;
    expect(Object.keys(body)).toEqual(["id", "type", "occurredAt", "portfolio", "alert", "url"]);
    expect(body).toMatchObject({
      type: "alert.opened",
      portfolio: { slug: ctx.portfolio.slug, name: ctx.portfolio.name },
      alert: {
        id: alert?.id,
        severity: "critical",
        dimensionType: "strategy",
        dimensionValue: "value_add",
        exposurePct: 40,
        thresholdPct: 30,
        limitReference: "LPA §7.2(b)",
        limitNote: "Value-add at most 30 % of NAV",
        breachSince: "2025-06-30",
        status: "active",
      },
      url: `https://aker.example.com/alerts?portfolio=${ctx.portfolio.slug}&status=all&alert=${alert?.id}`,
    });
    expect(request?.headers["x-aker-event"]).toBe(body.id);

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail?.to).toEqual(["risk@example.com"]);
    expect(mail?.raw).toContain(`Message-ID: <${body.id}@aker-portfolio>`);
    expect(mail?.raw).toMatch(/Subject: \[Aker critical\] Limit breached: strategy value_add/);
    expect(mail?.raw).toContain("LPA =C2=A77.2(b)"); // quoted-printable "LPA §7.2(b)"
    expect(mail?.raw).toContain(body.id);

    await load(ctx, 400_000, 600_000);
    await load(ctx, 405_000, 595_000); // worse by half a point: not an escalation
    expect(await deliverDue(later(60))).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(http.requests).toHaveLength(1);
    expect(smtp.messages).toHaveLength(1);

    const listed = JSON.stringify(await listChannels());
    expect(listed).not.toContain(SECRET);
    expect((await listChannels()).items.find((c) => c.id === hook.id)).toMatchObject({
      hasSecret: true,
      url: http.url(),
    });
    expect(hook).not.toHaveProperty("secret");
  });

  test("escalated (1 pp worse, or a severity that rises) and resolved are sent; acknowledging is not", async () => {
    const ctx = await portfolioWithLimit("warning");
    await channel({ kind: "webhook", name: "all", url: http.url(), secret: SECRET }); // every portfolio
    await load(ctx, 400_000, 600_000);
    const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    await acknowledgeAlert(as(ctx, "ana"), alert?.id ?? "", { comment: "on it" });
    await load(ctx, 409_000, 591_000); // 40.9 %: 0.9 pp worse than when opened
    await load(ctx, 411_000, 589_000); // 41.1 %: 1.1 pp worse than when opened
    await load(ctx, 419_000, 581_000); // 41.9 %: 0.8 pp worse than the last escalation
    const limit = (await listAlerts(ctx, { limit: 10 })).items[0]?.thresholdId ?? "";
    await updateLimit(ctx, limit, { severityLevel: "critical" }); // warning → critical
    await resolveAlert(as(ctx, "ben"), alert?.id ?? "", { comment: "sold P1" });
    await deliverDue(later(1));
    const sent = webhooks().sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(sent.map((p) => [p.type, p.alert?.severity, Math.round((p.alert?.exposurePct ?? 0) * 10) / 10])).toEqual([
      ["alert.opened", "warning", 40],
      ["alert.escalated", "warning", 41.1],
      ["alert.escalated", "critical", 41.9],
      ["alert.resolved", "critical", 41.9],
    ]);
    expect(sent[3]?.alert).toMatchObject({ status: "resolved", resolvedBy: "ben" });
    expect(new Set(sent.map((p) => p.id)).size).toBe(4);

    await load(ctx, 420_000, 580_000); // a fresh alert for the breach that persists
    await load(ctx, 100_000, 900_000); // cleared: resolved by auto
    http.requests.length = 0;
    await deliverDue(later(1));
    expect(webhooks().map((p) => [p.type, p.alert?.resolvedBy ?? null])).toEqual([
      ["alert.opened", null],
      ["alert.resolved", "auto"],
    ]);
  });

  test("waived is sent; while waived a worse breach is not; its expiry with the breach still there is", async () => {
    const ctx = await portfolioWithLimit("warning");
    await channel({ kind: "webhook", name: "all", url: http.url(), secret: SECRET });
    await load(ctx, 400_000, 600_000);
    const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    const id = alert?.id ?? "";
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await waiveAlert(as(ctx, "ana"), id, { reason: "IC approved for Q4", until });
    await load(ctx, 450_000, 550_000); // 5 pp worse: accepted while waived, so no escalation
    const prisma = await getPrisma();
    await prisma.alert.update({ where: { id }, data: { waivedUntil: new Date(Date.now() - 86_400_000) } });
    await load(ctx, 450_000, 550_000, "2025-07-31"); // the waiver has run out; the breach is still there
    await deliverDue(later(1));
    const sent = webhooks().sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(sent.map((p) => [p.type, p.alert?.status])).toEqual([
      ["alert.opened", "active"],
      ["alert.waived", "waived"],
      ["alert.waiver_expired", "active"],
    ]);
    expect(sent[1]?.alert).toMatchObject({ waivedBy: "ana", waivedUntil: until, waiverReason: "IC approved for Q4" });
  });

  test("channels hear only their portfolio, severity and dimensions", async () => {
    const ctx = await portfolioWithLimit("warning");
    const other = await freshPortfolio();
    await channel({
      kind: "webhook",
      name: "critical only",
      url: http.url("/critical"),
      secret: SECRET,
      minSeverity: "critical",
    });
    await channel({ kind: "webhook", name: "states", url: http.url("/states"), secret: SECRET, dimensions: ["state"] });
    await channel({
      kind: "webhook",
      name: "other",
      url: http.url("/other"),
      secret: SECRET,
      portfolio: other.portfolio.slug,
    });
    await channel({
      kind: "webhook",
      name: "strategy",
      url: http.url("/strategy"),
      secret: SECRET,
      dimensions: ["strategy", "msa"],
    });
    await load(ctx, 400_000, 600_000);
    await deliverDue(later(1));
    expect(http.requests.map((r) => r.path)).toEqual(["/strategy"]);
  });

  test("a receiver that fails twice gets the event on the third try, once", async () => {
    const ctx = await portfolioWithLimit();
    await channel({ kind: "webhook", name: "flaky", portfolio: ctx.portfolio.slug, url: http.url(), secret: SECRET });
    http.answer(500, 503);
    await load(ctx, 400_000, 600_000);
    const t0 = later(1);

    expect(await deliverDue(t0)).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [delivery] = (await listDeliveries({ limit: 10 })).items;
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, lastError: "HTTP 500: receiver is down" });
    expect(delivery?.nextAttemptAt).toBe(later(30, t0).toISOString()); // the first retry after 30 s

    expect(await deliverDue(later(29, t0))).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(await deliverDue(later(30, t0))).toEqual({ sent: 0, failed: 1, dead: 0 });
    [delivery] = (await listDeliveries({ limit: 10 })).items;
    expect(delivery?.nextAttemptAt).toBe(later(30 + 60, t0).toISOString()); // then 60 s, doubling
    expect(await deliverDue(later(90, t0))).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await deliverDue(later(3600, t0))).toEqual({ sent: 0, failed: 0, dead: 0 });

    expect(http.requests).toHaveLength(3);
    expect(new Set(http.requests.map((r) => JSON.parse(r.body).id)).size).toBe(1); // one event id, for dedupe
    [delivery] = (await listDeliveries({ status: "sent", limit: 10 })).items;
    expect(delivery).toMatchObject({ status: "sent", attempts: 3, lastError: null, nextAttemptAt: null });
    expect(delivery?.sentAt).toBe(later(90, t0).toISOString());
    await expect(retryDelivery(admin, delivery?.id ?? "")).rejects.toMatchObject({ code: "conflict" });
  });

  test("a receiver down for a day is dead; retry makes it due again", async () => {
    const ctx = await portfolioWithLimit();
    await channel({ kind: "webhook", name: "gone", portfolio: ctx.portfolio.slug, url: http.url(), secret: SECRET });
    await load(ctx, 400_000, 600_000);
    http.answer(...Array(40).fill(500));
    let now = later(1);
    let round = { sent: 0, failed: 0, dead: 0 };
    for (let i = 0; i < 40 && round.dead === 0; i++) {
      round = await deliverDue(now);
      const [d] = (await listDeliveries({ limit: 1 })).items;
      if (d?.nextAttemptAt) {
        // Never more than an hour between tries.
        expect(new Date(d.nextAttemptAt).getTime() - now.getTime()).toBeLessThanOrEqual(3_600_000);
        now = new Date(d.nextAttemptAt);
      }
    }
    const [dead] = (await listDeliveries({ status: "dead", limit: 1 })).items;
    expect(dead).toMatchObject({ status: "dead", nextAttemptAt: null });
    expect(dead?.attempts).toBeGreaterThan(20);
    http.answer();
    expect(await retryDelivery(admin, dead?.id ?? "", now)).toMatchObject({ status: "pending" });
    expect(await deliverDue(now)).toEqual({ sent: 1, failed: 0, dead: 0 });
  });

  test("the outbox survives: an event not yet sent, or claimed by a worker that died, is sent by a fresh call", async () => {
    const ctx = await portfolioWithLimit();
    await channel({ kind: "webhook", name: "ops", portfolio: ctx.portfolio.slug, url: http.url(), secret: SECRET });
    await load(ctx, 400_000, 600_000);
    // A worker claimed it (its lease runs a minute), then its process stopped before sending.
    const prisma = await getPrisma();
    const claimedUntil = later(61);
    await prisma.notificationDelivery.updateMany({ data: { lockedUntil: claimedUntil, attempts: 1 } });
    expect(await deliverDue(later(30))).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(http.requests).toHaveLength(0);
    expect(await deliverDue(claimedUntil)).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(http.requests).toHaveLength(1);
    expect((await listDeliveries({ limit: 1 })).items[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  test("two workers at once send each event once; a waiver event from notifyWaiverEvent goes out like the others", async () => {
    const ctx = await portfolioWithLimit();
    await channel({ kind: "webhook", name: "a", portfolio: ctx.portfolio.slug, url: http.url("/a"), secret: SECRET });
    await channel({ kind: "webhook", name: "b", portfolio: ctx.portfolio.slug, url: http.url("/b"), secret: SECRET });
    await load(ctx, 400_000, 600_000);
    const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    const { notifyWaiverEvent } = await import("@/lib/services/notify-events");
    const prisma = await getPrisma();
    await prisma.$transaction((tx) =>
      notifyWaiverEvent(tx, ctx.portfolio, "alert.waived", { ...(alert as NonNullable<typeof alert>) }),
    );
    const now = later(1);
    const rounds = await Promise.all([deliverDue(now), deliverDue(now), deliverDue(now)]);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(4);
    const seen = http.requests.map((r) => `${r.path} ${(JSON.parse(r.body) as NotificationPayload).type}`).sort();
    expect(seen).toEqual(["/a alert.opened", "/a alert.waived", "/b alert.opened", "/b alert.waived"]);
  });

  test("a change that rolls back writes no event", async () => {
    const ctx = await portfolioWithLimit();
    await channel({ kind: "webhook", name: "ops", portfolio: ctx.portfolio.slug, url: http.url(), secret: SECRET });
    await load(ctx, 400_000, 600_000);
    const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    const prisma = await getPrisma();
    const before = await prisma.notificationEvent.count();
    const { recordAlertEvent } = await import("@/lib/services/notify-events");
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAlertEvent(tx, ctx.portfolio, "alert.waived", { ...(alert as NonNullable<typeof alert>) });
        throw new Error("the waiver failed");
      }),
    ).rejects.toThrow("the waiver failed");
    expect(await prisma.notificationEvent.count()).toBe(before);
  });

  test("a private address is refused unless allowed, when saved and when sent", async () => {
    delete process.env.AKER_WEBHOOK_ALLOW_PRIVATE;
    for (const url of [
      http.url(),
      "http://localhost:9/x",
      "http://169.254.169.254/latest",
      "http://[::1]:80/",
      "http://10.1.2.3/",
    ])
      await expect(channel({ kind: "webhook", name: "x", url, secret: SECRET }), url).rejects.toMatchObject({
        code: "invalid_input",
        details: [{ field: "url", message: expect.stringMatching(/private, loopback or link-local/) }],
      });
    await expect(channel({ kind: "slack", name: "x", url: "ftp://hooks.example.com/x" })).rejects.toMatchObject({
      details: [{ field: "url", message: "must be an http:// or https:// URL" }],
    });

    process.env.AKER_WEBHOOK_ALLOW_PRIVATE = "1";
    const ctx = await portfolioWithLimit();
    const byName = await channel({
      kind: "webhook",
      name: "by name",
      portfolio: ctx.portfolio.slug,
      url: http.url().replace("127.0.0.1", "localhost"),
      secret: SECRET,
    });
    await channel({ kind: "slack", name: "by address", portfolio: ctx.portfolio.slug, url: http.url("/slack") });
    await load(ctx, 400_000, 600_000);
    delete process.env.AKER_WEBHOOK_ALLOW_PRIVATE;
    expect(await deliverDue(later(1))).toEqual({ sent: 0, failed: 2, dead: 0 });
    expect(http.requests).toHaveLength(0);
    const failed = (await listDeliveries({ status: "failed", limit: 10 })).items;
    expect(failed.map((d) => d.lastError)).toEqual([
      expect.stringMatching(/private, loopback or link-local address \(/),
      expect.stringMatching(/private, loopback or link-local address \(/),
    ]);
    expect((await testChannel(admin, byName.id)).error).toMatch(/private, loopback or link-local/);
  });

  test("slack gets { text, blocks } with the alert, its limit's note and the link", async () => {
    const ctx = await portfolioWithLimit();
    const slack = await channel({
      kind: "slack",
      name: "#risk",
      portfolio: ctx.portfolio.slug,
      url: http.url("/slack"),
    });
    await load(ctx, 400_000, 600_000);
    await deliverDue(later(1));
    const body = JSON.parse(http.requests[0]?.body ?? "{}") as {
      text: string;
      blocks: Array<{ type: string; text: { type: string; text: string } }>;
    };
    expect(Object.keys(body)).toEqual(["text", "blocks"]);
    expect(body.text).toBe(
      `Limit breached · ${ctx.portfolio.name} (${ctx.portfolio.slug}) · critical: Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%`,
    );
    expect(body.blocks.map((b) => [b.type, b.text.type])).toEqual([
      ["section", "mrkdwn"],
      ["section", "mrkdwn"],
    ]);
    const detail = body.blocks[1]?.text.text ?? "";
    expect(detail).toContain("Reference: LPA §7.2(b)");
    expect(detail).toContain("Note: Value-add at most 30 % of NAV");
    expect(detail).toContain(`Alert: https://aker.example.com/alerts?portfolio=${ctx.portfolio.slug}`);
    expect(http.requests[0]?.headers["x-aker-signature"]).toBeUndefined();

    http.requests.length = 0;
    expect(await testChannel(admin, slack.id)).toMatchObject({ sent: true, error: null });
    expect(JSON.parse(http.requests[0]?.body ?? "{}").text).toMatch(/^Test notification · /);
  });

  test("channel fields: email needs SMTP set up; kinds take their own fields; the secret is write-only", async () => {
    const url = process.env.AKER_SMTP_URL;
    delete process.env.AKER_SMTP_URL;
    await expect(channel({ kind: "email", name: "desk", recipients: ["a@example.com"] })).rejects.toMatchObject({
      code: "invalid_data",
      message: expect.stringMatching(/AKER_SMTP_URL .* AKER_MAIL_FROM/),
    });
    process.env.AKER_SMTP_URL = url;
    await expect(channel({ kind: "email", name: "desk" })).rejects.toMatchObject({
      details: [{ field: "recipients", message: "is required for an email channel" }],
    });
    await expect(channel({ kind: "webhook", name: "hook", url: http.url() })).rejects.toMatchObject({
      details: [{ field: "secret", message: "is required for a webhook channel" }],
    });
    await expect(channel({ kind: "slack", name: "s", url: http.url(), secret: SECRET })).rejects.toMatchObject({
      details: [{ field: "secret", message: "is not taken by a slack channel" }],
    });
    const hook = await channel({ kind: "webhook", name: "hook", url: http.url(), secret: SECRET });
    const renamed = await updateChannel(admin, hook.id, { name: "renamed", secret: "a-brand-new-secret-value" });
    expect(renamed).toMatchObject({ name: "renamed", hasSecret: true, portfolio: null });
    expect(JSON.stringify(renamed)).not.toContain("a-brand-new-secret-value");
    const prisma = await getPrisma();
    const audited = await prisma.auditEvent.findMany({ where: { target: hook.id } });
    expect(audited.map((a) => a.action)).toEqual(["channel.created", "channel.updated"]);
    expect(JSON.stringify(audited)).not.toContain(SECRET);
    expect(JSON.stringify(audited)).not.toContain("a-brand-new-secret-value");
  });

  test.each([
    ["127.0.0.1", true],
    ["10.20.30.40", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:8.8.8.8", false],
    ["8.8.8.8", false],
    ["203.0.113.10", false],
    ["2606:4700::1111", false],
    ["not an address", true],
  ])("address %s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
