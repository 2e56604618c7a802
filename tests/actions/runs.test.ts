import { beforeAll, describe, expect, test, vi } from "vitest";
import { loadSampleAction, recomputeAction } from "@/lib/actions/runs";
import { listLimits } from "@/lib/services/limits";
import { listPositions } from "@/lib/services/positions-list";
import { findLatestRunSummary, listRuns, todayUtc } from "@/lib/services/runs";
import { STARTER_LIMITS } from "@/lib/services/sample";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, storeBook, userWithToken, withOpenAlerts } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

let manager: SignedInUser;
let viewer: SignedInUser;

beforeAll(async () => {
  manager = await userWithToken("manager");
  viewer = await userWithToken("viewer");
});

async function portfolioAs(user: SignedInUser) {
  const ctx = await freshPortfolio();
  startRequest({ token: user.token, portfolio: ctx.portfolio.slug });
  return ctx;
}

describe("recomputeAction", () => {
  test.each([
    ["a blank date", ""],
    ["spaces only", "   "],
    ["no date at all", undefined],
  ])("%s: computes as of today (UTC)", async (_, asOfDate) => {
    const ctx = await portfolioAs(manager);
    await storeBook(ctx, undefined, "2025-06-30");
    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    expect(await recomputeAction({ asOfDate })).toEqual({
      ok: true,
      data: { asOfDate: todayUtc(), positionCount: 4, opened: 0, resolved: 0 },
    });
    expect(await findLatestRunSummary(ctx)).toMatchObject({ asOfDate: todayUtc(), positionCount: 4 });
    expect(currentRequest.revalidated).toEqual([["/", "layout"]]);
  });

  test("a date from the form, sent as FormData, is the run's as-of date; the alerts follow the latest run", async () => {
    const ctx = await portfolioAs(manager);
    await withOpenAlerts(ctx);
    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    const form = new FormData();
    form.set("asOfDate", " 2025-07-31 ");
    expect(await recomputeAction(form)).toEqual({
      ok: true,
      data: { asOfDate: "2025-07-31", positionCount: 4, opened: 0, resolved: 0 },
    });
    expect((await listRuns(ctx, {})).items.map((r) => r.asOfDate)).toEqual(["2025-07-31", "2025-06-30"]);
  });

  test.each([
    ["a date that does not exist", "2025-02-30", "must be a real calendar date YYYY-MM-DD"],
    ["not a date", "last friday", "must be a real calendar date YYYY-MM-DD"],
    ["before 1900", "1899-12-31", "must be 1900-01-01 or later"],
  ])("%s: 'As-of date …' and the error next to the field; nothing computed", async (_, asOfDate, error) => {
    const ctx = await portfolioAs(manager);
    await storeBook(ctx);
    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    expect(await recomputeAction({ asOfDate })).toEqual({
      ok: false,
      message: `As-of date ${error}.`,
      fieldErrors: { asOfDate: error },
    });
    expect((await listRuns(ctx, {})).items.map((r) => r.asOfDate)).toEqual(["2025-06-30"]);
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("a portfolio without positions says what to do first", async () => {
    const ctx = await portfolioAs(manager);
    expect(await recomputeAction({ asOfDate: "" })).toEqual({
      ok: false,
      message: `Portfolio "${ctx.portfolio.slug}" has no positions: import positions before computing exposures.`,
      fieldErrors: {},
    });
  });

  test("a viewer is refused", async () => {
    await portfolioAs(viewer);
    expect(await recomputeAction({})).toMatchObject({
      ok: false,
      message: "This needs the manager role; you are signed in as a viewer.",
    });
  });
});

describe("loadSampleAction", () => {
  test("loads the 300-position sample with a year of history and the starter limits", async () => {
    const ctx = await portfolioAs(manager);
    const result = await loadSampleAction({});
    expect(result).toMatchObject({
      ok: true,
      data: { portfolio: ctx.portfolio.slug, positionCount: 300, limitsCreated: STARTER_LIMITS.length },
    });
    expect(result.ok && result.data.asOfDates).toHaveLength(13);
    expect((await listPositions(ctx, { limit: 1 })).total).toBe(300);
    expect((await listLimits(ctx)).items).toHaveLength(STARTER_LIMITS.length);
    expect(await findLatestRunSummary(ctx)).toMatchObject({ asOfDate: todayUtc(), positionCount: 300 });
    expect(currentRequest.revalidated).toEqual([["/", "layout"]]);
  });

  test("a viewer is refused and nothing is loaded", async () => {
    const ctx = await portfolioAs(viewer);
    expect(await loadSampleAction({})).toMatchObject({ ok: false, message: expect.stringContaining("manager role") });
    expect((await listPositions(ctx, { limit: 1 })).total).toBe(0);
  });
});
