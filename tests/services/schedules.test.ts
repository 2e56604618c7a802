import { describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { listAlerts } from "@/lib/services/alerts";
import { syncFreshness } from "@/lib/services/freshness";
import { importPositions } from "@/lib/services/positions-import";
import { todayUtc } from "@/lib/services/runs";
import { getSchedule, runDueSchedules, setSchedule } from "@/lib/services/schedules";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { FOUR_STATES, storeBook } from "../support/seed";

// Scheduled recomputes and stale data (issue 11).

withTestDatabase();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("a portfolio's schedule", () => {
  test("an expression croner cannot read is a 400 naming cron; nothing is stored", async () => {
    const ctx = await freshPortfolio();
    const error = await failure(setSchedule(ctx, { cron: "every morning", staleAfterDays: 35 }));
    expect(error).toMatchObject({ status: 400 });
    expect(error?.details?.map((d) => d.field)).toEqual(["cron"]);
    expect((await getSchedule(ctx)).cron).toBeNull();
  });

  test("a schedule's next run is its cron's next firing in UTC; null removes it", async () => {
    const ctx = await freshPortfolio();
    const set = await setSchedule(ctx, { cron: "0 6 * * *", staleAfterDays: 20 }, new Date("2026-03-10T07:00:00Z"));
    expect(set).toEqual({
      cron: "0 6 * * *",
      staleAfterDays: 20,
      nextRunAt: "2026-03-11T06:00:00.000Z",
      lastRunAt: null,
    });
    expect(await setSchedule(ctx, { cron: null, staleAfterDays: 20 })).toMatchObject({ cron: null, nextRunAt: null });
  });

  test("a due schedule runs once, even when two schedulers see it at the same moment", async () => {
    const ctx = await freshPortfolio();
    await storeBook(ctx, FOUR_STATES, "2025-06-30");
    await setSchedule(ctx, { cron: "0 6 * * *", staleAfterDays: 35 }, new Date("2026-03-10T07:00:00Z"));
    const at = new Date("2026-03-11T06:00:30Z");
    const [a, b] = await Promise.all([runDueSchedules(at), runDueSchedules(at)]);
    expect([...a, ...b].filter((slug) => slug === ctx.portfolio.slug)).toHaveLength(1);
    expect(await runDueSchedules(at)).not.toContain(ctx.portfolio.slug);
    const prisma = await getPrisma();
    const runs = await prisma.exposureRun.findMany({
      where: { portfolioId: ctx.portfolio.id },
      orderBy: { asOfDate: "asc" },
    });
    expect(runs.map((r) => r.asOfDate.toISOString().slice(0, 10))).toEqual(["2025-06-30", todayUtc()]);
    expect(await getSchedule(ctx)).toMatchObject({
      nextRunAt: "2026-03-12T06:00:00.000Z",
      lastRunAt: "2026-03-11T06:00:30.000Z",
    });
  });

  test("a schedule on a portfolio without positions skips its run and keeps its schedule", async () => {
    const ctx = await freshPortfolio();
    await setSchedule(ctx, { cron: "*/5 * * * *", staleAfterDays: 35 }, new Date("2026-03-10T07:00:00Z"));
    expect(await runDueSchedules(new Date("2026-03-10T07:05:00Z"))).toContain(ctx.portfolio.slug);
    expect((await getSchedule(ctx)).nextRunAt).toBe("2026-03-10T07:10:00.000Z");
  });
});

describe("stale data", () => {
  /** Backdates the portfolio's imports by `days`. */
  const age = async (portfolioId: string, days: number) => {
    const prisma = await getPrisma();
    await prisma.importBatch.updateMany({
      where: { portfolioId },
      data: { createdAt: new Date(Date.now() - days * 86_400_000) },
    });
  };

  test("an import older than the allowance opens one data alert; the next import resolves it", async () => {
    const ctx = await freshPortfolio();
    await storeBook(ctx);
    expect((await syncFreshness(ctx)).change).toBeNull();
    await age(ctx.portfolio.id, 41);
    expect(await syncFreshness(ctx)).toEqual({ ageDays: 41, staleAfterDays: 35, change: "opened" });
    expect((await syncFreshness(ctx)).change).toBeNull(); // deduplicated
    const open = (await listAlerts(ctx, { status: "open", limit: 10 })).items;
    expect(open.map((a) => [a.kind, a.dimensionType, a.alertMessage, a.breachUnit, a.breachPct])).toEqual([
      ["data", "data", "Stale data: the newest import is 41 days old, more than 35 days", "days", 6],
    ]);
    await importPositions(ctx, { format: "csv", data: FOUR_STATES }, { mode: "replace", onError: "reject" });
    expect((await listAlerts(ctx, { status: "open", limit: 10 })).items).toEqual([]);
    const resolved = (await listAlerts(ctx, { status: "resolved", limit: 10 })).items;
    expect(resolved.map((a) => [a.kind, a.resolvedBy])).toEqual([["data", "auto"]]);
  });

  test("a portfolio that never imported has nothing to go stale; the allowance is the schedule's", async () => {
    const ctx = await freshPortfolio();
    expect(await syncFreshness(ctx)).toEqual({ ageDays: null, staleAfterDays: 35, change: null });
    await storeBook(ctx);
    await age(ctx.portfolio.id, 10);
    await setSchedule(ctx, { cron: null, staleAfterDays: 7 });
    expect((await listAlerts(ctx, { status: "open", limit: 10 })).items.map((a) => a.alertMessage)).toEqual([
      "Stale data: the newest import is 10 days old, more than 7 days",
    ]);
  });
});
