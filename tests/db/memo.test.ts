import { randomBytes } from "node:crypto";
import { describe, expect, test, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { getAuth } from "@/lib/auth/server";
import { actorFromToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { changeNoticeMemo } from "@/lib/db/memo";
import { createApiToken } from "@/lib/services/api-tokens";
import { listPortfolios, lockPortfolio, readOnlyPortfolioContext } from "@/lib/services/portfolios";
import { dataVersion } from "@/lib/services/snapshots";
import { withTestDatabase } from "../support/db";
import { freshPortfolio } from "../support/fixtures";
import { PASSWORD, userWithToken as seededUser } from "../support/seed";

const database = withTestDatabase();

// Token and portfolio lookups kept between writes (lib/db/memo.ts): on the embedded database they
// come from memory until a commit's change notice, on Postgres from the database every time. Either
// way a change made by any means (a service, a raw statement, another tool) is seen on the next
// lookup, and a rolled-back one never.

async function userWithToken(role = "viewer") {
  const prisma = (await getDb()).prisma;
  const id = `u-${randomBytes(4).toString("hex")}`;
  await prisma.user.create({ data: { id, name: id, email: `${id}@example.com`, role } });
  const { token, apiToken } = await createApiToken({ actor: null }, id, "memo test");
  return { id, token, tokenId: apiToken.id };
}

describe("the memo itself", () => {
  test("shares one load, keeps it until cleared, and keeps neither a failure nor what `keep` refuses", async () => {
    const memo = changeNoticeMemo();
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([memo.get("a", load), memo.get("a", load)])).toEqual([1, 1]);
    expect(await memo.get("a", load)).toBe(1);
    memo.clear();
    expect(await memo.get("a", load)).toBe(2);
    await expect(memo.get("b", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo.get("b", load)).toBe(3);
    expect(await memo.get("c", load, () => false)).toBe(4);
    await Promise.resolve();
    expect(await memo.get("c", load)).toBe(5);
  });
});

describe("lookups kept between writes", () => {
  test("a revoked token, a changed role and a deleted user are seen by the next request", async () => {
    const prisma = database().prisma;
    const { id, token, tokenId } = await userWithToken();
    expect((await actorFromToken(token))?.role).toBe("viewer");
    expect((await actorFromToken(token))?.role).toBe("viewer");

    await prisma.$executeRaw`UPDATE users SET role = 'manager' WHERE id = ${id}`;
    expect((await actorFromToken(token))?.role).toBe("manager");

    await prisma.$executeRaw`UPDATE api_tokens SET revoked_at = now() WHERE id = ${tokenId}::uuid`;
    expect(await actorFromToken(token)).toBeNull();

    const other = await userWithToken();
    expect(await actorFromToken(other.token)).not.toBeNull();
    await prisma.$executeRaw`DELETE FROM users WHERE id = ${other.id}`;
    expect(await actorFromToken(other.token)).toBeNull();
  });

  test("a browser's session: signed out, its user's role changed, or due for its daily extension", async () => {
    const prisma = database().prisma;
    const user = await seededUser("viewer", "Browser");
    const auth = await getAuth();
    const response = await auth.api.signInEmail({ body: { email: user.email, password: PASSWORD }, asResponse: true });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const headers = new Headers({ cookie });
    expect(await authenticate(headers)).toMatchObject({ email: user.email, role: "viewer", via: "session" });
    expect(await authenticate(headers)).toMatchObject({ role: "viewer" });

    await prisma.$executeRaw`UPDATE users SET role = 'admin' WHERE id = ${user.id}`;
    expect(await authenticate(headers)).toMatchObject({ role: "admin" });

    // A day later, with no write in between, the next request extends the session, memo or not.
    const daysLeft = async () => {
      const [row] = await prisma.$queryRaw<Array<{ days: number }>>`
        SELECT extract(epoch FROM expires_at - now()) / 86400 AS days FROM sessions WHERE user_id = ${user.id}`;
      return Number(row?.days);
    };
    expect(await daysLeft()).toBeLessThan(7.01);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 25 * 60 * 60 * 1000 });
    try {
      expect(await authenticate(headers)).toMatchObject({ role: "admin" });
    } finally {
      vi.useRealTimers();
    }
    expect(await daysLeft()).toBeGreaterThan(8);

    await prisma.$executeRaw`DELETE FROM sessions WHERE user_id = ${user.id}`;
    expect(await authenticate(headers)).toBeNull();
  });

  test("a portfolio renamed, created or written to is seen at once; a rolled-back write is not", async () => {
    const prisma = database().prisma;
    const ctx = await freshPortfolio();
    const slug = ctx.portfolio.slug;
    const before = await readOnlyPortfolioContext(slug);
    expect(await dataVersion(ctx.portfolio.id)).toBe(before.readVersion);

    await prisma.$executeRaw`UPDATE portfolios SET name = 'Renamed' WHERE id = ${ctx.portfolio.id}::uuid`;
    expect((await readOnlyPortfolioContext(slug)).portfolio.name).toBe("Renamed");
    expect((await listPortfolios()).find((p) => p.slug === slug)?.name).toBe("Renamed");

    await prisma.$transaction((tx) => lockPortfolio(tx, ctx.portfolio.id));
    const bumped = (before.readVersion ?? 0) + 1;
    expect((await readOnlyPortfolioContext(slug)).readVersion).toBe(bumped);
    expect(await dataVersion(ctx.portfolio.id)).toBe(bumped);

    await expect(
      prisma.$transaction(async (tx) => {
        await lockPortfolio(tx, ctx.portfolio.id);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await readOnlyPortfolioContext(slug)).readVersion).toBe(bumped);

    const created = await freshPortfolio();
    expect((await listPortfolios()).map((p) => p.slug)).toContain(created.portfolio.slug);
  });

  test("on the embedded database, lookups are answered while a write holds its only connection", async () => {
    if (database().kind !== "pglite") return;
    const prisma = database().prisma;
    const { token } = await userWithToken();
    const ctx = await freshPortfolio();
    const slug = ctx.portfolio.slug;
    const { readVersion } = await readOnlyPortfolioContext(slug);
    await actorFromToken(token);
    await listPortfolios();

    let commit = () => {};
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const write = prisma.$transaction(async (tx) => {
      await lockPortfolio(tx, ctx.portfolio.id);
      locked();
      await held;
    });
    await isLocked;
    // The write is uncommitted: the lookups see the version before it, without waiting for it.
    const during = await Promise.race([
      Promise.all([actorFromToken(token), readOnlyPortfolioContext(slug), listPortfolios()]),
      new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 2_000)),
    ]);
    expect(during).not.toBe("waited");
    if (during !== "waited") {
      expect(during[0]).not.toBeNull();
      expect(during[1].readVersion).toBe(readVersion);
    }
    commit();
    await write;
    expect((await readOnlyPortfolioContext(slug)).readVersion).toBe((readVersion ?? 0) + 1);
  });
});
