import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { subscriptionUpdateSchema } from "@/lib/schemas";
import { listAlerts, resolveAlert, waiveAlert } from "@/lib/services/alerts";
import { listAuditEvents } from "@/lib/services/audit";
import type { PortfolioContext } from "@/lib/services/context";
import { sendDueDigests } from "@/lib/services/digest";
import { createLimit } from "@/lib/services/limits";
import { deliverDue, listDeliveries } from "@/lib/services/notify-delivery";
import { importPositions } from "@/lib/services/positions-import";
import { computeRun } from "@/lib/services/runs-compute";
import { EMAIL_NOT_CONFIGURED, getSubscription, updateSubscription } from "@/lib/services/subscriptions";
import { withTestDatabase } from "../support/db";
import { as, csvOf, freshPortfolio, limitOf } from "../support/fixtures";
import { type SmtpReceiver, startSmtpReceiver } from "../support/receivers";

// Each user's own subscription, end to end on a real database with a real SMTP server on loopback:
// immediate emails go through the outbox like a channel's; the daily digest is claimed once per
// user and day. Time is driven by passing `now`, never by sleeping.

withTestDatabase();

let smtp: SmtpReceiver;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  process.env.AKER_SMTP_URL = smtp.url;
  process.env.AKER_MAIL_FROM = "Aker <alerts@aker.test>";
  process.env.AKER_PUBLIC_URL = "https://aker.example.com/";
});
afterAll(async () => {
  await smtp.close();
});
afterEach(async () => {
  // Each test's users go (their subscriptions and deliveries with them), so no test mails another's.
  await (await getPrisma()).user.deleteMany();
  smtp.messages.length = 0;
});

const later = (seconds: number, from = new Date()) => new Date(from.getTime() + seconds * 1000);

/** A signed-in user (a row in users) and their context. */
async function user(name: string) {
  const id = name.toLowerCase();
  const email = `${id}@example.com`;
  await (await getPrisma()).user.create({ data: { id, name, email, role: "viewer" } });
  return { actor: { id, email, name, role: "viewer" as const, via: "session" as const } };
}

async function subscribe(name: string, input: Record<string, unknown>) {
  const ctx = await user(name);
  await updateSubscription(ctx, subscriptionUpdateSchema.parse(input));
  return ctx;
}

/** A portfolio with a 30 % maximum on value_add at `severity`, breached by the load. */
async function breached(severityLevel: "warning" | "critical", asOfDate = "2025-06-30") {
  const ctx = await freshPortfolio();
  await createLimit(ctx, {
    ...limitOf({
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
      thresholdType: "maximum",
      severityLevel,
    }),
    reference: "LPA 7.2(b)",
  });
  await load(ctx, 400_000, 600_000, asOfDate);
  return ctx;
}

async function load(ctx: PortfolioContext, valueAdd: number, corePlus: number, asOfDate = "2025-06-30") {
  const data = csvOf([
    { position_id: "P1", strategy: "value_add", state: "CA", position_value: valueAdd },
    { position_id: "P2", strategy: "core_plus", state: "TX", position_value: corePlus },
  ]);
  await importPositions(ctx, { format: "csv", data }, { mode: "replace", onError: "reject" });
  return computeRun(ctx, { asOfDate });
}

async function openAlertId(ctx: PortfolioContext): Promise<string> {
  const [alert] = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
  return alert?.id ?? "";
}

/** A received message's subject and text (quoted-printable undone). */
function readMail(raw: string): { subject: string; text: string } {
  const [head = "", ...body] = raw.split("\r\n\r\n");
  const subject = (head.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m)?.[1] ?? "").replace(/\r\n[ \t]/g, " ");
  const text = body
    .join("\r\n\r\n")
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return { subject, text: Buffer.from(text, "latin1").toString("utf8") };
}

const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address)).map((m) => readMail(m.raw));

describe("subscriptions", () => {
  test("a new user has none; saving is audited and answers the sign-in address; unknown portfolios are refused", async () => {
    const ctx = await user("Ana");
    expect(await getSubscription(ctx)).toEqual({
      mode: "none",
      digestHour: 8,
      minSeverity: "warning",
      portfolios: [],
      email: "ana@example.com",
      updatedAt: null,
    });
    const fund = await freshPortfolio();
    const saved = await updateSubscription(
      ctx,
      subscriptionUpdateSchema.parse({ mode: "digest", digestHour: 6, portfolios: [fund.portfolio.slug] }),
    );
    expect(saved).toMatchObject({ mode: "digest", digestHour: 6, minSeverity: "warning" });
    expect(saved.portfolios).toEqual([fund.portfolio.slug]);
    expect(saved.warning).toBeUndefined();

    await expect(
      updateSubscription(ctx, subscriptionUpdateSchema.parse({ mode: "immediate", portfolios: ["no-such-fund"] })),
    ).rejects.toMatchObject({ code: "invalid_input", details: [{ field: "portfolios" }] });
    // Fields left out keep what is stored.
    expect(await updateSubscription(ctx, subscriptionUpdateSchema.parse({ mode: "immediate" }))).toMatchObject({
      mode: "immediate",
      digestHour: 6,
      portfolios: [fund.portfolio.slug],
    });
    const audit = (await listAuditEvents({ limit: 10 })).items.filter((e) => e.action === "subscription.updated");
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ target: "ana", details: { mode: "immediate", digestHour: 6 } });

    const url = process.env.AKER_SMTP_URL;
    delete process.env.AKER_SMTP_URL;
    try {
      expect((await updateSubscription(ctx, subscriptionUpdateSchema.parse({ mode: "digest" }))).warning).toBe(
        EMAIL_NOT_CONFIGURED,
      );
      expect((await updateSubscription(ctx, subscriptionUpdateSchema.parse({ mode: "none" }))).warning).toBeUndefined();
    } finally {
      process.env.AKER_SMTP_URL = url;
    }
  });

  test("immediate: one email per event to the sign-in address; nothing below the severity, outside the portfolios, or for none", async () => {
    const warning = await freshPortfolio();
    const critical = await freshPortfolio();
    const elsewhere = await freshPortfolio();
    const both = [warning.portfolio.slug, critical.portfolio.slug];
    await subscribe("Ana", { mode: "immediate", portfolios: both });
    await subscribe("Bo", { mode: "immediate", minSeverity: "critical", portfolios: both });
    await subscribe("Cy", { mode: "immediate", portfolios: [elsewhere.portfolio.slug] });
    await subscribe("Di", { mode: "none", portfolios: both });
    await subscribe("Ed", { mode: "digest", digestHour: 23, portfolios: both });

    // The subscriptions exist before the breaches: each opening is an event they hear of.
    for (const [ctx, severityLevel] of [
      [warning, "warning"],
      [critical, "critical"],
    ] as const) {
      await createLimit(ctx, {
        ...limitOf({
          dimensionType: "strategy",
          dimensionValue: "value_add",
          thresholdPct: 30,
          thresholdType: "maximum",
          severityLevel,
        }),
      });
      await load(ctx, 400_000, 600_000);
    }
    expect(await deliverDue(later(1))).toEqual({ sent: 3, failed: 0, dead: 0 });
    expect(await deliverDue(later(2))).toEqual({ sent: 0, failed: 0, dead: 0 });

    const ana = mailTo("ana@example.com");
    expect(ana.map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^\[Aker critical\] Limit breached: strategy value_add/),
      expect.stringMatching(/^\[Aker warning\] Limit breached: strategy value_add/),
    ]);
    expect(mailTo("bo@example.com").map((m) => m.subject)).toEqual([
      expect.stringMatching(/^\[Aker critical\] Limit breached/),
    ]);
    expect(smtp.messages.every((m) => m.to.length === 1)).toBe(true);
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["ana@example.com", "ana@example.com", "bo@example.com"]);

    const deliveries = (await listDeliveries({ limit: 10 })).items;
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d) => d.channel === null && d.status === "sent")).toBe(true);
    expect(deliveries.map((d) => d.user?.email).sort()).toEqual([
      "ana@example.com",
      "ana@example.com",
      "bo@example.com",
    ]);

    smtp.messages.length = 0;
    await resolveAlert(as(critical, "Bo"), await openAlertId(critical), { comment: "sold" });
    await deliverDue(later(3));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["ana@example.com", "bo@example.com"]);
    expect(mailTo("bo@example.com")[0]?.subject).toMatch(/Breach resolved/);
  });

  test("the digest at the user's hour lists open and waived alerts, once a day across two instances, never before the hour", async () => {
    const waivedFund = await breached("warning");
    await waiveAlert(as(waivedFund, "Ana"), await openAlertId(waivedFund), {
      reason: "IC approved for Q4",
      until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const openFund = await breached("critical");
    const quietFund = await freshPortfolio();
    const funds = [waivedFund.portfolio.slug, openFund.portfolio.slug];
    await subscribe("Fay", { mode: "digest", digestHour: 8, portfolios: funds });
    await subscribe("Gus", { mode: "digest", digestHour: 8, minSeverity: "critical", portfolios: funds });
    await subscribe("Hal", { mode: "digest", digestHour: 8, portfolios: [quietFund.portfolio.slug] });
    await subscribe("Ivy", { mode: "digest", digestHour: 9, portfolios: funds });
    await subscribe("Jo", { mode: "immediate", portfolios: funds });

    const at = (iso: string) => new Date(iso);
    expect(await sendDueDigests(at("2030-01-15T07:59:59Z"))).toBe(0);
    // Two instances at the same moment: each user's day is claimed once.
    const [first, second] = await Promise.all([
      sendDueDigests(at("2030-01-15T08:00:00Z")),
      sendDueDigests(at("2030-01-15T08:00:00Z")),
    ]);
    expect((first ?? 0) + (second ?? 0)).toBe(3);
    expect(await sendDueDigests(at("2030-01-15T08:30:00Z"))).toBe(0);
    expect(await deliverDue(at("2030-01-15T08:00:01Z"))).toEqual({ sent: 3, failed: 0, dead: 0 });

    const [fay, ...moreFay] = mailTo("fay@example.com");
    expect(moreFay).toHaveLength(0);
    expect(fay?.subject).toBe("[Aker] Daily digest 2030-01-15: 1 open, 1 waived");
    expect(fay?.text).toContain("[critical] active");
    expect(fay?.text).toContain("[warning] waived");
    expect(fay?.text).toContain("In breach since 2025-06-30");
    expect(fay?.text).toContain("Reference: LPA 7.2(b)");
    expect(fay?.text).toContain(
      `https://aker.example.com/alerts?portfolio=${openFund.portfolio.slug}&status=all&alert=`,
    );
    // Critical first.
    expect(fay?.text.indexOf("[critical]")).toBeLessThan(fay?.text.indexOf("[warning]") ?? 0);

    const [gus] = mailTo("gus@example.com");
    expect(gus?.subject).toBe("[Aker] Daily digest 2030-01-15: 1 open, 0 waived");
    expect(gus?.text).not.toContain("[warning]");
    expect(mailTo("hal@example.com").map((m) => m.subject)).toEqual(["[Aker] Daily digest 2030-01-15: all clear"]);
    expect(mailTo("ivy@example.com")).toHaveLength(0);
    expect(mailTo("jo@example.com")).toHaveLength(0);

    // Ivy's hour comes; then the next day everyone's again.
    expect(await sendDueDigests(at("2030-01-15T09:00:00Z"))).toBe(1);
    expect(await sendDueDigests(at("2030-01-16T08:00:00Z"))).toBe(3);
    await deliverDue(at("2030-01-16T08:00:01Z"));
    expect(mailTo("fay@example.com").map((m) => m.subject)).toEqual([
      "[Aker] Daily digest 2030-01-15: 1 open, 1 waived",
      "[Aker] Daily digest 2030-01-16: 1 open, 1 waived",
    ]);
    expect(mailTo("ivy@example.com")).toHaveLength(1);
  });

  test("a digest that fails is retried from the outbox, not written again", async () => {
    // On the real clock: a delivery gives up a day after it was written.
    const now = new Date();
    const fund = await freshPortfolio();
    await subscribe("Kim", { mode: "digest", digestHour: now.getUTCHours(), portfolios: [fund.portfolio.slug] });
    const url = process.env.AKER_SMTP_URL;
    process.env.AKER_SMTP_URL = "smtp://127.0.0.1:9";
    try {
      expect(await sendDueDigests(now)).toBe(1);
      expect(await deliverDue(later(1, now))).toEqual({ sent: 0, failed: 1, dead: 0 });
    } finally {
      process.env.AKER_SMTP_URL = url;
    }
    expect(await sendDueDigests(later(60, now))).toBe(0);
    expect(await deliverDue(later(60, now))).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(mailTo("kim@example.com").map((m) => m.subject)).toEqual([
      `[Aker] Daily digest ${now.toISOString().slice(0, 10)}: all clear`,
    ]);
  });
});
