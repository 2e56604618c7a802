import { beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/admin";
import { createLimitAction, updateLimitAction } from "@/lib/actions/limits";
import { recomputeAction } from "@/lib/actions/runs";
import { AppError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import type { LimitCreateInput } from "@/lib/schemas";
import { listApiTokens } from "@/lib/services/api-tokens";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { createPortfolio, getPortfolioOrThrow } from "@/lib/services/portfolios";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { currentRequest, startRequest } from "../support/next-request";
import { type SignedInUser, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

type Caller = "viewer" | "manager" | "admin";
const users = {} as Record<Caller, SignedInUser>;
let ctx: PortfolioContext;

beforeAll(async () => {
  for (const role of ["viewer", "manager", "admin"] as const) users[role] = await userWithToken(role);
  ctx = await freshPortfolio();
  await createPortfolio({ slug: "north-fund", name: "North Fund" });
});

/** A request signed in as `caller` (null: nobody), with the portfolio cookie (null: none). */
const signIn = (caller: Caller | null, portfolio: string | null = ctx.portfolio.slug) =>
  startRequest({ token: caller ? users[caller].token : null, portfolio: portfolio ?? undefined });

const LIMITS_REVALIDATED = [["/limits"], ["/"], ["/alerts"], ["/trends"], ["/exposures/[dimension]", "page"]];

describe("action(): who may call it", () => {
  test.each([
    ["nobody signed in", null, "Your session has ended: sign in again."],
    ["an unknown token", "aker_not-a-real-token", "Your session has ended: sign in again."],
    ["a viewer", "viewer", "This needs the manager role; you are signed in as a viewer."],
  ] as const)("%s creating a limit is refused and nothing is stored", async (_, caller, message) => {
    startRequest({ token: caller === "viewer" ? users.viewer.token : caller, portfolio: ctx.portfolio.slug });
    const result = await createLimitAction({ dimensionType: "state", thresholdPct: 30 });
    expect(result).toEqual({ ok: false, message, fieldErrors: {} });
    expect((await listLimits(ctx)).items).toEqual([]);
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("a manager calling an admin action is told which role it needs", async () => {
    signIn("manager");
    expect(await createTokenAction({ name: "nightly" })).toEqual({
      ok: false,
      message: "This needs the admin role; you are signed in as a manager.",
      fieldErrors: {},
    });
  });

  test("an open action runs for nobody, with no actor in its context", async () => {
    signIn(null);
    const whoAmI = action(null, z.object({}), async (_input, c) => c.actor);
    expect(await whoAmI({})).toEqual({ ok: true, data: null });
  });
});

describe("action(): input", () => {
  test.each<[string, object, Record<string, unknown>]>([
    [
      "an unknown dimension",
      { dimensionType: "planet", thresholdPct: 10 },
      { dimensionType: "must be one of strategy, state, msa, vintage, construction_type, rent_band, region" },
    ],
    [
      "a threshold over 100",
      { dimensionType: "state", thresholdPct: 150 },
      { thresholdPct: "must be between 0 and 100" },
    ],
    ["a threshold as text", { dimensionType: "state", thresholdPct: "30" }, { thresholdPct: "must be a number" }],
    [
      "a field the schema does not know",
      { dimensionType: "state", thresholdPct: 10, colour: "red" },
      { form: expect.stringContaining('"colour"') },
    ],
  ])("%s: the action's invalid message, errors keyed by field, nothing stored", async (_, input, fieldErrors) => {
    signIn("manager");
    // Not what the form sends: what a tampered request could.
    const result = await createLimitAction(input as LimitCreateInput);
    expect(result).toEqual({
      ok: false,
      message: "The limit was not saved: check the highlighted fields.",
      fieldErrors,
    });
    expect((await listLimits(ctx)).items).toEqual([]);
    expect(currentRequest.revalidated).toEqual([]);
  });

  test.each([
    ["a date that does not exist", "2025-02-30", "must be a real calendar date YYYY-MM-DD"],
    ["a date before 1900", "1899-12-31", "must be 1900-01-01 or later"],
  ])("%s: the message can be built from the field errors", async (_, asOfDate, error) => {
    signIn("manager");
    expect(await recomputeAction({ asOfDate })).toEqual({
      ok: false,
      message: `As-of date ${error}.`,
      fieldErrors: { asOfDate: error },
    });
  });

  test("without an invalid message of its own, the action says to check the fields", async () => {
    signIn("admin");
    const result = await revokeTokenAction({ id: "" });
    expect(result).toMatchObject({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { id: expect.any(String) },
    });
  });

  test.each([
    ["an object", () => ({ name: "nightly object" })],
    [
      "FormData, with Next's $ACTION fields and a blank select",
      () => {
        const form = new FormData();
        form.set("$ACTION_ID_0123abcd", "");
        form.set("name", "nightly form");
        form.set("userId", "");
        return form;
      },
    ],
  ])("the same strict schema parses %s", async (_, input) => {
    signIn("admin");
    const result = await createTokenAction(input());
    expect(result).toMatchObject({ ok: true, data: { apiToken: { userEmail: users.admin.email } } });
    const name = result.ok ? result.data.apiToken.name : "";
    expect((await listApiTokens()).map((t) => t.name)).toContain(name);
  });
});

describe("action(): answers from the service", () => {
  test("a 4xx AppError (a duplicate limit) is an answer with its message and field errors", async () => {
    signIn("manager");
    const first = await createLimitAction({ dimensionType: "state", dimensionValue: "ca", thresholdPct: 30 });
    expect(first).toMatchObject({ ok: true, data: { dimensionValue: "CA" } });
    expect(currentRequest.revalidated).toEqual(LIMITS_REVALIDATED);

    signIn("manager");
    const twin = await createLimitAction({ dimensionType: "state", dimensionValue: "CA", thresholdPct: 40 });
    const id = first.ok ? first.data.id : "";
    expect(twin).toEqual({
      ok: false,
      message: `A warning maximum limit on state='CA' already exists (${id}); edit it instead.`,
      fieldErrors: { dimensionValue: "duplicate limit" },
    });
    expect((await listLimits(ctx)).items.map((l) => l.thresholdPct)).toEqual([30]);
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("a missing record is an answer without field errors", async () => {
    signIn("manager");
    const id = "00000000-0000-4000-8000-000000000000";
    expect(await updateLimitAction({ id, thresholdPct: 10 })).toEqual({
      ok: false,
      message: `Limit ${id} does not exist`,
      fieldErrors: {},
    });
  });

  test.each([
    ["an unexpected error", new Error("disk on fire")],
    ["a 5xx AppError", new AppError("unavailable", "The database is away")],
  ])("%s is thrown to the error boundary, not answered, and nothing is revalidated", async (_, error) => {
    signIn("manager");
    const failing = action("manager", z.object({}), async () => Promise.reject(error), { revalidate: ["/"] });
    await expect(failing({})).rejects.toBe(error);
    expect(currentRequest.revalidated).toEqual([]);
  });
});

describe("action(): the portfolio", () => {
  const whereAmI = action("viewer", z.object({}), async (_input, c) => c.portfolio.slug);

  test.each([
    ["the cookie's portfolio", "north-fund", "north-fund"],
    ["no cookie: the default", null, "default"],
    ["a portfolio that no longer exists: the default", "closed-fund", "default"],
    ["a cookie that is no slug at all: the default", "../../etc", "default"],
  ])("%s", async (_, cookie, expected) => {
    signIn("viewer", cookie);
    expect(await whereAmI({})).toEqual({ ok: true, data: expected });
  });

  test("a limit is created in the portfolio the cookie names, and only there", async () => {
    signIn("manager", "north-fund");
    expect(await createLimitAction({ dimensionType: "msa", thresholdPct: 25 })).toMatchObject({ ok: true });
    const north = { actor: null, portfolio: await getPortfolioOrThrow("north-fund") };
    const fallback = { actor: null, portfolio: await getPortfolioOrThrow("default") };
    expect((await listLimits(north)).items.map((l) => l.dimensionType)).toEqual(["msa"]);
    expect((await listLimits(fallback)).items).toEqual([]);
  });
});
