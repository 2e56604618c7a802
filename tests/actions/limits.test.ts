import { beforeAll, describe, expect, test, vi } from "vitest";
import { createLimitAction, deleteLimitAction, updateLimitAction } from "@/lib/actions/limits";
import { getAlertOrThrow, listAlerts } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { currentRequest, startRequest } from "../support/next-request";
import { openAlerts, type SignedInUser, storeBook, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

let manager: SignedInUser;
let viewer: SignedInUser;

beforeAll(async () => {
  manager = await userWithToken("manager", "Morgan");
  viewer = await userWithToken("viewer", "Vic");
});

/** A portfolio whose book is stored and computed (value_add at 25 %), signed in as Morgan. */
async function bookAsManager(): Promise<PortfolioContext> {
  const ctx = await freshPortfolio();
  await storeBook(ctx);
  startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
  return ctx;
}

const REVALIDATED = [["/limits"], ["/"], ["/alerts"], ["/trends"], ["/exposures/[dimension]", "page"]];

describe("createLimitAction", () => {
  test("stores the limit with its value normalised, and the latest run's alerts follow it", async () => {
    const ctx = await bookAsManager();
    const result = await createLimitAction({
      dimensionType: "strategy",
      dimensionValue: " Value_Add ",
      thresholdPct: 20,
      severityLevel: "critical",
    });
    expect(result).toMatchObject({
      ok: true,
      data: { dimensionType: "strategy", dimensionValue: "value_add", thresholdPct: 20, thresholdType: "maximum" },
    });
    expect((await listLimits(ctx)).items).toHaveLength(1);
    expect((await openAlerts(ctx)).map((a) => a.alertMessage)).toEqual([
      "Exposure threshold breached: strategy='value_add' at 25.0% exceeds maximum of 20.0%",
    ]);
    expect(currentRequest.revalidated).toEqual(REVALIDATED);
  });

  test("a viewer is refused and nothing is stored", async () => {
    const ctx = await bookAsManager();
    startRequest({ token: viewer.token, portfolio: ctx.portfolio.slug });
    expect(await createLimitAction({ dimensionType: "state", thresholdPct: 20 })).toEqual({
      ok: false,
      message: "This needs the manager role; you are signed in as a viewer.",
      fieldErrors: {},
    });
    expect((await listLimits(ctx)).items).toEqual([]);
    expect(await openAlerts(ctx)).toEqual([]);
  });

  test("a value the dimension cannot have is refused next to the field", async () => {
    const ctx = await bookAsManager();
    expect(await createLimitAction({ dimensionType: "state", dimensionValue: "Texas", thresholdPct: 20 })).toEqual({
      ok: false,
      message: 'Invalid dimensionValue: state "Texas" is not a US state, DC or PR code',
      fieldErrors: { dimensionValue: 'state "Texas" is not a US state, DC or PR code' },
    });
    expect((await listLimits(ctx)).items).toEqual([]);
  });
});

describe("updateLimitAction and deleteLimitAction", () => {
  test("raising a limit above the exposure resolves its alert automatically", async () => {
    const ctx = await bookAsManager();
    const created = await createLimitAction({ dimensionType: "state", dimensionValue: "CA", thresholdPct: 20 });
    const id = created.ok ? created.data.id : "";
    const [alert] = await openAlerts(ctx);

    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    expect(await updateLimitAction({ id, thresholdPct: 30 })).toMatchObject({
      ok: true,
      data: { id, dimensionValue: "CA", thresholdPct: 30 },
    });
    expect(await openAlerts(ctx)).toEqual([]);
    expect(await getAlertOrThrow(ctx, alert?.id ?? "")).toMatchObject({ status: "resolved", resolvedBy: "auto" });
    expect(currentRequest.revalidated).toEqual(REVALIDATED);
  });

  test("an id that is not a uuid is a field error; another portfolio's limit does not exist here", async () => {
    const ctx = await bookAsManager();
    const created = await createLimitAction({ dimensionType: "msa", thresholdPct: 50 });
    const id = created.ok ? created.data.id : "";
    expect(await updateLimitAction({ id: "42", thresholdPct: 10 })).toEqual({
      ok: false,
      message: "The limit was not saved: check the highlighted fields.",
      fieldErrors: { id: "must be an id (uuid)" },
    });

    const other = await freshPortfolio();
    startRequest({ token: manager.token, portfolio: other.portfolio.slug });
    expect(await deleteLimitAction({ id })).toEqual({
      ok: false,
      message: `Limit ${id} does not exist`,
      fieldErrors: {},
    });
    expect((await listLimits(ctx)).items.map((l) => l.id)).toEqual([id]);
  });

  test("deleting a limit removes it and resolves its open alerts, which stay as history", async () => {
    const ctx = await bookAsManager();
    const created = await createLimitAction({ dimensionType: "state", thresholdPct: 20 });
    const id = created.ok ? created.data.id : "";
    expect(await openAlerts(ctx)).toHaveLength(4);

    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    expect(await deleteLimitAction({ id })).toEqual({ ok: true, data: undefined });
    expect((await listLimits(ctx)).items).toEqual([]);
    expect(await openAlerts(ctx)).toEqual([]);
    const resolved = await listAlerts(ctx, { status: "resolved", limit: 100 });
    expect(resolved.items.map((a) => a.resolvedBy)).toEqual(["auto", "auto", "auto", "auto"]);
    expect(currentRequest.revalidated).toEqual(REVALIDATED);
  });
});
