import { beforeAll, describe, expect, test, vi } from "vitest";
import { acknowledgeAlertsAction, resolveAlertsAction } from "@/lib/actions/alerts";
import { type AlertDto, getAlertOrThrow, resolveAlert } from "@/lib/services/alerts";
import type { PortfolioContext } from "@/lib/services/context";
import { withTestDatabase } from "../support/db";
import { as, freshPortfolio } from "../support/fixtures";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, userWithToken, withOpenAlerts } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

let manager: SignedInUser;
let viewer: SignedInUser;

beforeAll(async () => {
  manager = await userWithToken("manager", "Morgan");
  viewer = await userWithToken("viewer", "Vic");
});

/** Four open alerts, signed in as Morgan. */
async function inbox(): Promise<{ ctx: PortfolioContext; alerts: [AlertDto, AlertDto, AlertDto, AlertDto] }> {
  const ctx = await freshPortfolio();
  const [a, b, c, d] = await withOpenAlerts(ctx);
  if (!a || !b || !c || !d) throw new Error("the four-state book opens four alerts");
  startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
  return { ctx, alerts: [a, b, c, d] };
}

const statusOf = async (ctx: PortfolioContext, alert: AlertDto) => getAlertOrThrow(ctx, alert.id);
const MISSING = "00000000-0000-4000-8000-000000000000";

describe("acknowledgeAlertsAction", () => {
  test("acknowledges several as the signed-in user; one resolved meanwhile fails with 409, the rest are done", async () => {
    const { ctx, alerts } = await inbox();
    const [a, b, c] = alerts;
    await resolveAlert(as(ctx, "Robin"), c.id, {});

    const result = await acknowledgeAlertsAction({ ids: [a.id, c.id, b.id], comment: "  selling two assets in Q3 " });
    expect(result).toEqual({
      ok: true,
      data: {
        done: [a.id, b.id],
        failed: [{ id: c.id, status: 409, message: `Alert ${c.id} is resolved and cannot be acknowledged` }],
      },
    });
    for (const alert of [a, b]) {
      expect(await statusOf(ctx, alert)).toMatchObject({
        status: "acknowledged",
        acknowledgedBy: "Morgan",
        comment: "selling two assets in Q3",
      });
    }
    expect(await statusOf(ctx, c)).toMatchObject({ status: "resolved", resolvedBy: "Robin" });
    expect(currentRequest.revalidated).toEqual([["/alerts"], ["/"]]);
  });

  test("an alert of another portfolio, or none at all, is reported as 404; a repeated id is done once", async () => {
    const { ctx, alerts } = await inbox();
    const elsewhere = await inbox();
    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    const result = await acknowledgeAlertsAction({
      ids: [alerts[0].id, alerts[0].id, elsewhere.alerts[0].id, MISSING],
    });
    expect(result).toEqual({
      ok: true,
      data: {
        done: [alerts[0].id],
        failed: [
          { id: elsewhere.alerts[0].id, status: 404, message: `Alert ${elsewhere.alerts[0].id} does not exist` },
          { id: MISSING, status: 404, message: `Alert ${MISSING} does not exist` },
        ],
      },
    });
    expect((await statusOf(elsewhere.ctx, elsewhere.alerts[0])).status).toBe("active");
    expect((await statusOf(ctx, alerts[0])).history.filter((e) => e.kind === "acknowledged")).toHaveLength(1);
  });

  test.each([
    ["no alert selected", { ids: [] }, { ids: "select at least one alert" }],
    ["an id that is not an alert id", { ids: ["42"] }, { ids: "is not an alert id" }],
    ["a comment over 2000 characters", { ids: [MISSING], comment: "x".repeat(2001) }, { comment: expect.any(String) }],
  ])("%s: refused with the form's message", async (_, input, fieldErrors) => {
    await inbox();
    expect(await acknowledgeAlertsAction(input)).toEqual({
      ok: false,
      message: "Could not acknowledge: check the form.",
      fieldErrors,
    });
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("a viewer is refused and nothing changes", async () => {
    const { ctx, alerts } = await inbox();
    startRequest({ token: viewer.token, portfolio: ctx.portfolio.slug });
    expect(await acknowledgeAlertsAction({ ids: alerts.map((a) => a.id) })).toEqual({
      ok: false,
      message: "This needs the manager role; you are signed in as a viewer.",
      fieldErrors: {},
    });
    for (const alert of alerts) expect((await statusOf(ctx, alert)).status).toBe("active");
  });
});

describe("resolveAlertsAction", () => {
  test("resolves active and acknowledged alerts as the signed-in user; an already resolved one fails with 409", async () => {
    const { ctx, alerts } = await inbox();
    const [a, b, c] = alerts;
    await acknowledgeAlertsAction({ ids: [b.id] });
    await resolveAlert(as(ctx, "Robin"), c.id, {});

    startRequest({ token: manager.token, portfolio: ctx.portfolio.slug });
    const result = await resolveAlertsAction({ ids: [a.id, c.id, b.id], comment: "" });
    expect(result).toEqual({
      ok: true,
      data: { done: [a.id, b.id], failed: [{ id: c.id, status: 409, message: `Alert ${c.id} is already resolved` }] },
    });
    for (const alert of [a, b]) {
      const stored = await statusOf(ctx, alert);
      expect(stored).toMatchObject({ status: "resolved", resolvedBy: "Morgan" });
      expect(stored.history.at(-1)).toMatchObject({ kind: "resolved", actor: "Morgan", comment: null });
    }
    expect(currentRequest.revalidated).toEqual([["/alerts"], ["/"]]);
  });
});
