import { describe, expect, test } from "vitest";
import type { AppError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/services/audit";
import { exportFirm, getFirmExposures } from "@/lib/services/firm";
import {
  DEFAULT_PORTFOLIO,
  getPortfolioOrThrow,
  listPortfolios,
  readOnlyPortfolioContext,
} from "@/lib/services/portfolios";
import { archivePortfolio, renamePortfolio, unarchivePortfolio } from "@/lib/services/portfolios-admin";
import { findRun } from "@/lib/services/runs";
import { runDueSchedules, setSchedule } from "@/lib/services/schedules";
import { withTestDatabase } from "../support/db";
import { as, csvOf, freshPortfolio } from "../support/fixtures";
import { storeBook } from "../support/seed";

// Several funds (issue 12): rename, archive, and the firm roll-up over the active ones.

withTestDatabase();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );

const admin = (ctx: Awaited<ReturnType<typeof freshPortfolio>>) => as(ctx, "Ada Admin", "admin");

describe("rename and archive", () => {
  test("a rename changes the name only; the slug stays; the audit log names both names", async () => {
    const ctx = admin(await freshPortfolio());
    const renamed = await renamePortfolio(ctx, ctx.portfolio.slug, { name: "Fund III" });
    expect(renamed).toEqual({ ...ctx.portfolio, name: "Fund III", archivedAt: null });
    expect((await getPortfolioOrThrow(ctx.portfolio.slug)).name).toBe("Fund III");
    const [event] = (await listAuditEvents({ limit: 1, action: "portfolio." })).items;
    expect(event).toMatchObject({
      action: "portfolio.renamed",
      actorEmail: "ada-admin@example.com",
      target: ctx.portfolio.slug,
      details: { from: ctx.portfolio.slug, to: "Fund III" },
    });
  });

  test("archived: out of the list and the nav's lookup, still read by slug; unarchive brings it back", async () => {
    const ctx = admin(await freshPortfolio());
    await storeBook(ctx);
    const archived = await archivePortfolio(ctx, ctx.portfolio.slug, new Date("2026-12-15T10:00:00Z"));
    expect(archived.archivedAt).toBe("2026-12-15T10:00:00.000Z");
    expect((await listPortfolios()).map((p) => p.slug)).not.toContain(ctx.portfolio.slug);
    expect((await listPortfolios({ archived: true })).find((p) => p.slug === ctx.portfolio.slug)).toEqual(archived);
    expect((await getPortfolioOrThrow(ctx.portfolio.slug)).id).toBe(ctx.portfolio.id);
    expect((await findRun(ctx))?.totalPortfolioValue).toBe(1_000_000);
    const refused = await failure(readOnlyPortfolioContext(ctx.portfolio.slug, null, { active: true }));
    expect(refused).toMatchObject({ code: "not_found", message: `Portfolio "${ctx.portfolio.slug}" is archived` });

    expect(await failure(archivePortfolio(ctx, ctx.portfolio.slug))).toMatchObject({
      code: "conflict",
      message: `Portfolio "${ctx.portfolio.slug}" is already archived.`,
    });
    expect((await unarchivePortfolio(ctx, ctx.portfolio.slug)).archivedAt).toBeNull();
    expect((await listPortfolios()).map((p) => p.slug)).toContain(ctx.portfolio.slug);
    expect(await failure(unarchivePortfolio(ctx, ctx.portfolio.slug))).toMatchObject({
      code: "conflict",
      message: `Portfolio "${ctx.portfolio.slug}" is not archived.`,
    });
    const actions = (await listAuditEvents({ limit: 10, action: "portfolio." })).items
      .filter((e) => e.target === ctx.portfolio.slug)
      .map((e) => e.action);
    expect(actions).toEqual(["portfolio.unarchived", "portfolio.archived", "portfolio.created"]);
  });

  test("the default portfolio cannot be archived: 409 saying why", async () => {
    const ctx = admin(await freshPortfolio());
    expect(await failure(archivePortfolio(ctx, DEFAULT_PORTFOLIO))).toMatchObject({
      code: "conflict",
      status: 409,
      message: "The default portfolio cannot be archived: every request without ?portfolio= works on it.",
    });
  });

  test("an archived portfolio's schedule does not fire; unarchived, it does", async () => {
    const ctx = admin(await freshPortfolio());
    await setSchedule(ctx, { cron: "*/5 * * * *", staleAfterDays: 35 }, new Date("2026-03-10T07:00:00Z"));
    await archivePortfolio(ctx, ctx.portfolio.slug);
    expect(await runDueSchedules(new Date("2026-03-10T07:05:00Z"))).not.toContain(ctx.portfolio.slug);
    await unarchivePortfolio(ctx, ctx.portfolio.slug);
    expect(await runDueSchedules(new Date("2026-03-10T07:05:00Z"))).toContain(ctx.portfolio.slug);
  });
});

describe("the firm roll-up", () => {
  test("adds every active fund's latest run; a fund without a run is listed and not counted; archived ones leave", async () => {
    const before = await getFirmExposures({ actor: null });
    const north = admin(await freshPortfolio());
    const south = admin(await freshPortfolio());
    const empty = await freshPortfolio();
    const gone = admin(await freshPortfolio());
    const book = (rows: Array<[string, string, number]>) =>
      csvOf(
        rows.map(([id, state, value]) => ({ position_id: id, strategy: "firm_probe", state, position_value: value })),
      );
    await storeBook(
      north,
      book([
        ["N1", "CA", 1_000_000.1],
        ["N2", "TX", 500_000],
      ]),
      "2025-06-30",
    );
    await storeBook(south, book([["S1", "TX", 2_000_000.2]]), "2025-05-31");
    await storeBook(gone, book([["G1", "TX", 7_000_000]]), "2025-06-30");
    await archivePortfolio(gone, gone.portfolio.slug);

    const firm = await getFirmExposures({ actor: null });
    expect(firm.totalValue).toBeCloseTo(before.totalValue + 3_500_000.3, 2);
    const fund = (slug: string) => firm.funds.find((f) => f.slug === slug);
    expect(fund(north.portfolio.slug)).toMatchObject({ asOfDate: "2025-06-30", totalPortfolioValue: 1_500_000.1 });
    expect(fund(south.portfolio.slug)).toMatchObject({ asOfDate: "2025-05-31", totalPortfolioValue: 2_000_000.2 });
    expect(fund(empty.portfolio.slug)).toEqual({
      slug: empty.portfolio.slug,
      name: empty.portfolio.name,
      runId: null,
      asOfDate: null,
      totalPortfolioValue: null,
      positionCount: null,
      sharePct: null,
    });
    expect(fund(gone.portfolio.slug)).toBeUndefined();

    const probe = firm.exposures.find((e) => e.dimensionType === "strategy" && e.dimensionValue === "firm_probe");
    expect(probe?.exposureValue).toBe(3_500_000.3);
    expect(probe?.funds).toEqual([
      { slug: south.portfolio.slug, name: south.portfolio.name, exposureValue: 2_000_000.2 },
      { slug: north.portfolio.slug, name: north.portfolio.name, exposureValue: 1_500_000.1 },
    ]);

    const csv = String((await exportFirm({ actor: null })).body).split("\n");
    expect(csv[0]).toMatch(
      /^dimension_type,dimension_value,exposure_pct,exposure_value,total_portfolio_value,[a-z0-9-]+(,[a-z0-9-]+)*$/,
    );
    const header = csv[0]?.split(",") ?? [];
    expect(header).toContain(north.portfolio.slug);
    expect(header).not.toContain(empty.portfolio.slug);
    expect(header).not.toContain(gone.portfolio.slug);
    const row = csv.find((line) => line.startsWith("strategy,firm_probe,"))?.split(",") ?? [];
    expect(row[3]).toBe("3500000.3");
    expect(row[header.indexOf(north.portfolio.slug)]).toBe("1500000.1");
    expect(row[header.indexOf(south.portfolio.slug)]).toBe("2000000.2");
  });
});
