import { describe, expect, test } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { actorFromToken } from "@/lib/auth/tokens";
import { parseOrThrow } from "@/lib/http/parse";
import { userCreateSchema } from "@/lib/schemas";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { listAuditEvents } from "@/lib/services/audit";
import { createLimit } from "@/lib/services/limits";
import { countUsers, createFirstAdmin, createUser, setUserRole } from "@/lib/services/users";
import { withTestDatabase } from "../support/db";
import { as, freshPortfolio, limitOf } from "../support/fixtures";

withTestDatabase();
const system = { actor: null };
const user = (input: Record<string, string>) => parseOrThrow(userCreateSchema, input, "user");
process.env.BETTER_AUTH_SECRET ??= "tests-only-secret-0123456789-abcdefghijklmnop";

describe("users, tokens and the audit log", () => {
  test("the first-run admin can be made once, and only on an empty install", async () => {
    expect(await countUsers()).toBe(0);
    const admin = await createFirstAdmin({ email: "Boss@Example.com", name: "Boss", password: "a long password" });
    expect(admin).toMatchObject({ email: "boss@example.com", role: "admin" });
    await expect(
      createFirstAdmin({ email: "second@example.com", name: "Second", password: "a long password" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createUser(system, user({ email: "boss@example.com", name: "Twin", password: "a long password" })),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(() => user({ email: "short@example.com", name: "Short", password: "short" })).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    await expect(setUserRole(system, admin.id, "viewer")).rejects.toMatchObject({ code: "conflict" });
  });

  test("a token authenticates as its user until revoked; only its hash is stored", async () => {
    const script = await createUser(
      system,
      user({ email: "script@example.com", name: "Script", password: "a long password", role: "manager" }),
    );
    const { token, apiToken } = await createApiToken(system, script.id, "nightly");
    expect(token).toMatch(/^aker_[\w-]{40,}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const actor = await authenticate(new Headers({ authorization: `Bearer ${token}` }));
    expect(actor).toMatchObject({ email: "script@example.com", role: "manager", via: "token" });
    await revokeApiToken(system, apiToken.id);
    expect(await actorFromToken(token)).toBeNull();
    expect(await authenticate(new Headers())).toBeNull();
  });

  test("changes made as a signed-in user are audited with who did them", async () => {
    const ctx = as(await freshPortfolio(), "Ana");
    const limit = await createLimit(ctx, limitOf({ dimensionType: "state", thresholdPct: 35 }));
    const { items } = await listAuditEvents({ limit: 50 });
    expect(items.find((e) => e.target === limit.id)).toMatchObject({
      action: "limit.created",
      actorEmail: "ana@example.com",
    });
  });

  test("AKER_AUTH=off lets everyone in as a local admin, and only when set", async () => {
    process.env.AKER_AUTH = "off";
    try {
      expect(await authenticate(new Headers())).toMatchObject({ role: "admin", via: "auth-off" });
    } finally {
      delete process.env.AKER_AUTH;
    }
    expect(await authenticate(new Headers())).toBeNull();
  });
});
