import { describe, expect, test, vi } from "vitest";
import { selectPortfolioAction, setupFirstAdminAction, signOutAction } from "@/lib/actions/session";
import { getAuth } from "@/lib/auth/server";
import { getPrisma } from "@/lib/db/client";
import { countUsers, findUserByEmail } from "@/lib/services/users";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { cookieSet, currentRequest, redirectTarget, startRequest } from "../support/next-request";
import { PASSWORD, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

const sessionsOf = async (userId: string) => (await getPrisma()).session.count({ where: { userId } });

/** Signs in with email and password as the sign-in form does; the session cookie, as a Cookie header. */
async function signInCookie(email: string): Promise<string> {
  const auth = await getAuth();
  const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// In order: the install is empty only until the first test has run.
describe("setupFirstAdminAction", () => {
  test("bad input is answered next to each field, and nobody is created", async () => {
    startRequest();
    expect(await setupFirstAdminAction({ email: "boss", name: " ", password: "short" })).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: {
        email: "must be an email address",
        name: "is required",
        password: "must be at least 10 characters",
      },
    });
    expect(await countUsers()).toBe(0);
  });

  test("on an empty install: creates the first admin, signs them in and goes to the overview", async () => {
    startRequest();
    const thrown = await setupFirstAdminAction({ email: "Boss@Example.com", name: "Boss", password: PASSWORD }).catch(
      (error: unknown) => error,
    );
    expect(redirectTarget(thrown)).toBe("/");
    const boss = await findUserByEmail("boss@example.com");
    expect(boss).toMatchObject({ name: "Boss", role: "admin" });
    // better-auth sets the session cookie through Next's own cookies(), which needs Next's request
    // scope (better-auth loads next/headers itself, past the test's stub): the session is checked
    // in the database instead.
    expect(await sessionsOf(boss?.id ?? "")).toBe(1);
  });

  test("once an admin exists it refuses, and creates nobody", async () => {
    startRequest();
    expect(await setupFirstAdminAction({ email: "second@example.com", name: "Second", password: PASSWORD })).toEqual({
      ok: false,
      message: "Setup is done: an admin already exists. Sign in instead.",
      fieldErrors: {},
    });
    expect(await countUsers()).toBe(1);
  });
});

describe("signOutAction", () => {
  test("ends the session the cookie names and goes to sign-in; the cookie signs nobody in afterwards", async () => {
    const boss = await findUserByEmail("boss@example.com");
    const cookie = await signInCookie("boss@example.com");
    expect(cookie).toMatch(/^aker\.session_token=/);
    startRequest({ cookieHeader: cookie });
    expect(await selectPortfolioAction({ portfolio: "default" })).toEqual({ ok: true, data: "default" });

    startRequest({ cookieHeader: cookie });
    const sessions = await sessionsOf(boss?.id ?? "");
    expect(redirectTarget(await signOutAction({}).catch((error: unknown) => error))).toBe("/sign-in");
    expect(await sessionsOf(boss?.id ?? "")).toBe(sessions - 1);

    startRequest({ cookieHeader: cookie });
    expect(await selectPortfolioAction({ portfolio: "default" })).toEqual({
      ok: false,
      message: "Your session has ended: sign in again.",
      fieldErrors: {},
    });
  });
});

describe("selectPortfolioAction", () => {
  test("a viewer's choice is remembered in an http-only cookie for a year", async () => {
    const viewer = await userWithToken("viewer");
    const { portfolio } = await freshPortfolio();
    startRequest({ token: viewer.token, portfolio: "default" });
    expect(await selectPortfolioAction({ portfolio: portfolio.slug })).toEqual({ ok: true, data: portfolio.slug });
    expect(cookieSet("aker-portfolio")).toEqual({
      name: "aker-portfolio",
      value: portfolio.slug,
      options: { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 },
    });
    expect(currentRequest.revalidated).toEqual([["/", "layout"]]);
  });

  test("a portfolio that does not exist is refused and the cookie is left as it was", async () => {
    const viewer = await userWithToken("viewer");
    startRequest({ token: viewer.token, portfolio: "default" });
    expect(await selectPortfolioAction({ portfolio: "closed-fund" })).toEqual({
      ok: false,
      message: 'Portfolio "closed-fund" does not exist',
      fieldErrors: { portfolio: "unknown portfolio" },
    });
    expect(cookieSet("aker-portfolio")?.value).toBe("default");
    expect(currentRequest.revalidated).toEqual([]);
  });

  test("nobody signed in is refused", async () => {
    startRequest();
    expect(await selectPortfolioAction({ portfolio: "default" })).toEqual({
      ok: false,
      message: "Your session has ended: sign in again.",
      fieldErrors: {},
    });
    expect(cookieSet("aker-portfolio")).toBeUndefined();
  });
});
