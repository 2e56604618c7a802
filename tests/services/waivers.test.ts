import { describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/http/parse";
import { waiveSchema } from "@/lib/schemas";
import {
  acknowledgeAlert,
  countOpenAlerts,
  getAlertOrThrow,
  listAlerts,
  unwaiveAlert,
  waiveAlert,
} from "@/lib/services/alerts";
import { listAuditEvents } from "@/lib/services/audit";
import type { PortfolioContext } from "@/lib/services/context";
import { todayUtc } from "@/lib/services/runs";
import { computeRun } from "@/lib/services/runs-compute";
import { withTestDatabase } from "../support/db";
import { as, freshPortfolio } from "../support/fixtures";
import { withOpenAlerts } from "../support/seed";

// Waivers (issue 11): an accepted breach, with a reason and an end date, out of the open list; it
// comes back when the waiver runs out with the breach still there, and resolves as usual when the
// breach clears.

withTestDatabase();

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const waive = async (ctx: PortfolioContext, id: string, body: unknown) =>
  waiveAlert(ctx, id, parseOrThrow(waiveSchema, body, "waiver"));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

async function waivedOne() {
  const ctx = as(await freshPortfolio(), "Maya Chen");
  const [alert, ...others] = await withOpenAlerts(ctx);
  if (!alert) throw new Error("no alert");
  const until = daysFromToday(90);
  const waived = await waive(ctx, alert.id, { reason: "IC approved through Q1", until });
  return { ctx, alert, others, waived, until };
}

describe("waiving an alert", () => {
  test("records who, until when and why; leaves the open list and the counts; in history and audit", async () => {
    const { ctx, alert, others, waived, until } = await waivedOne();
    expect(waived).toMatchObject({
      status: "waived",
      waivedBy: "Maya Chen",
      waivedUntil: until,
      waiverReason: "IC approved through Q1",
    });
    expect(waived.history.at(-1)).toMatchObject({ kind: "waived", actor: "Maya Chen" });
    const open = (await listAlerts(ctx, { status: "open", limit: 100 })).items.map((a) => a.id);
    expect(open).not.toContain(alert.id);
    expect(open).toHaveLength(others.length);
    expect((await listAlerts(ctx, { status: "waived", limit: 100 })).items.map((a) => a.id)).toEqual([alert.id]);
    expect((await countOpenAlerts(ctx)).total).toBe(others.length);
    const audit = (await listAuditEvents({ limit: 100 })).items.find(
      (e) => e.action === "alert.waived" && e.target === alert.id,
    );
    expect(audit?.details).toMatchObject({ until, reason: "IC approved through Q1" });
  });

  test("a run that finds the breach again keeps it waived: no second alert", async () => {
    const { ctx, alert } = await waivedOne();
    await computeRun(ctx, { asOfDate: "2025-07-31" });
    expect((await getAlertOrThrow(ctx, alert.id)).status).toBe("waived");
    expect(
      (await listAlerts(ctx, { limit: 100 })).items.filter((a) => a.dimensionValue === alert.dimensionValue),
    ).toHaveLength(1);
  });

  test.each([
    { label: "no reason", body: { until: daysFromToday(30) }, field: "reason" },
    { label: "a blank reason", body: { reason: "  ", until: daysFromToday(30) }, field: "reason" },
    { label: "no date", body: { reason: "ok" }, field: "until" },
    { label: "a date in the past", body: { reason: "ok", until: daysFromToday(-1) }, field: "until" },
    { label: "more than a year out", body: { reason: "ok", until: daysFromToday(367) }, field: "until" },
  ])("$label is a 400 naming $field, and nothing changes", async ({ body, field }) => {
    const ctx = await freshPortfolio();
    const [alert] = await withOpenAlerts(ctx);
    const error = await failure(waive(ctx, alert?.id ?? "", body));
    expect(error).toMatchObject({ status: 400 });
    expect(error?.details?.map((d) => d.field)).toEqual([field]);
    expect((await getAlertOrThrow(ctx, alert?.id ?? "")).status).toBe("active");
  });

  test("until today is allowed: the waiver runs through that day", async () => {
    const ctx = await freshPortfolio();
    const [alert] = await withOpenAlerts(ctx);
    expect((await waive(ctx, alert?.id ?? "", { reason: "today only", until: todayUtc() })).status).toBe("waived");
  });

  test("a waived alert cannot be acknowledged; ending the waiver makes it active again", async () => {
    const { ctx, alert } = await waivedOne();
    expect(await failure(acknowledgeAlert(ctx, alert.id, {}))).toMatchObject({ status: 409 });
    const back = await unwaiveAlert(ctx, alert.id, { comment: "withdrawn" });
    expect(back.status).toBe("active");
    expect(back.waiverReason).toBe("IC approved through Q1"); // the last waiver stays on record
    expect(back.history.at(-1)).toMatchObject({ kind: "unwaived", comment: "withdrawn" });
    expect(await failure(unwaiveAlert(ctx, alert.id, {}))).toMatchObject({ status: 409 });
  });
});

describe("when a waiver ends by itself", () => {
  test("it runs out with the breach still there: active again, with a waiver_expired event and an audit line", async () => {
    const { ctx, alert } = await waivedOne();
    // The date passes: a waiver that ended yesterday (written directly: the API allows none in the past).
    const prisma = await getPrisma();
    await prisma.alert.update({
      where: { id: alert.id },
      data: { waivedUntil: new Date(`${daysFromToday(-1)}T00:00:00Z`) },
    });
    await computeRun(ctx, { asOfDate: "2025-07-31" });
    const after = await getAlertOrThrow(ctx, alert.id);
    expect(after.status).toBe("active");
    expect(after.history.at(-1)).toMatchObject({ kind: "waiver_expired", actor: "auto" });
    expect((await listAuditEvents({ limit: 100 })).items.some((e) => e.action === "alert.waiver_expired")).toBe(true);
  });

  test("the breach clears while waived: it resolves as usual", async () => {
    const { ctx, alert } = await waivedOne();
    await computeRun(ctx, {
      asOfDate: "2025-07-31",
      positions: [
        { position_id: "A", state: "CA", position_value: 1 },
        { position_id: "B", state: "TX", position_value: 1 },
        { position_id: "C", state: "NY", position_value: 1 },
        { position_id: "D", state: "FL", position_value: 1 },
        { position_id: "E", state: "WA", position_value: 1 },
        { position_id: "F", state: "OR", position_value: 1 },
      ],
    });
    const after = await getAlertOrThrow(ctx, alert.id);
    expect(after).toMatchObject({ status: "resolved", resolvedBy: "auto" });
  });
});
