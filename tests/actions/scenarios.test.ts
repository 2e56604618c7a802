import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  commitScenarioAction,
  deleteScenarioAction,
  saveScenarioAction,
  updateScenarioAction,
} from "@/lib/actions/scenarios";
import type { PortfolioContext } from "@/lib/services/context";
import { listPositions } from "@/lib/services/positions-list";
import { findLatestRunSummary, todayUtc } from "@/lib/services/runs";
import { listScenarios } from "@/lib/services/scenarios";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, storeBook, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

let manager: SignedInUser;
let viewer: SignedInUser;

beforeAll(async () => {
  manager = await userWithToken("manager", "Morgan");
  viewer = await userWithToken("viewer", "Vic");
});

async function bookAs(user: SignedInUser): Promise<PortfolioContext> {
  const ctx = await freshPortfolio();
  await storeBook(ctx);
  startRequest({ token: user.token, portfolio: ctx.portfolio.slug });
  return ctx;
}

const TRADES = [
  { action: "sell", positionId: "P1" },
  { action: "buy", position: { position_id: "N1", strategy: "core", state: "TX", position_value: 500_000 } },
];

describe("scenario actions", () => {
  test("a manager saves, renames, commits and the pages showing the book are revalidated", async () => {
    const ctx = await bookAs(manager);
    const saved = await saveScenarioAction({ name: "Swap CA for TX", trades: TRADES, shocks: [] });
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.data).toMatchObject({ name: "Swap CA for TX", createdBy: "Morgan", committedAt: null });
    expect(saved.data.evaluation?.after.totalPortfolioValue).toBe(1_250_000);
    expect(currentRequest.revalidated).toEqual([["/scenarios"], ["/scenarios/[id]", "page"]]);

    const renamed = await updateScenarioAction({ id: saved.data.id, name: "Swap" });
    expect(renamed).toMatchObject({ ok: true, data: { name: "Swap" } });

    const committed = await commitScenarioAction({ id: saved.data.id });
    expect(committed).toMatchObject({ ok: true, data: { bought: 1, sold: 1, changed: 0 } });
    expect((await listPositions(ctx, { limit: 10 })).items.map((p) => p.positionId).sort()).toEqual([
      "N1",
      "P2",
      "P3",
      "P4",
    ]);
    expect(await findLatestRunSummary(ctx)).toMatchObject({ asOfDate: todayUtc(), totalPortfolioValue: 1_250_000 });
    expect(currentRequest.revalidated).toEqual(
      expect.arrayContaining([["/"], ["/positions"], ["/alerts"], ["/exposures/[dimension]", "page"]]),
    );
  });

  test("a bad trade is refused with the trade named; nothing is saved", async () => {
    const ctx = await bookAs(manager);
    const result = await saveScenarioAction({ name: "typo", trades: [{ action: "sell", positionId: "P9" }] });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('trades[0].positionId: no stored position has position_id "P9"'),
      fieldErrors: { "trades[0]": 'no stored position has position_id "P9"' },
    });
    expect((await listScenarios(ctx)).items).toEqual([]);
  });

  test("a viewer may not save, commit or delete", async () => {
    const ctx = await bookAs(manager);
    const saved = await saveScenarioAction({ name: "mine", trades: TRADES });
    if (!saved.ok) throw new Error(saved.message);
    startRequest({ token: viewer.token, portfolio: ctx.portfolio.slug });
    const refused = {
      ok: false,
      message: "This needs the manager role; you are signed in as a viewer.",
      fieldErrors: {},
    };
    expect(await saveScenarioAction({ name: "x", trades: [] })).toEqual(refused);
    expect(await commitScenarioAction({ id: saved.data.id })).toEqual(refused);
    expect(await deleteScenarioAction({ id: saved.data.id })).toEqual(refused);
    expect((await listScenarios(ctx)).items).toHaveLength(1);
  });
});
