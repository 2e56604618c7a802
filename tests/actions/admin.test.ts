import { beforeAll, describe, expect, test, vi } from "vitest";
import { createTokenAction, createUserAction, revokeTokenAction, setRoleAction } from "@/lib/actions/admin";
import { createLimitAction } from "@/lib/actions/limits";
import { authenticate } from "@/lib/auth/authenticate";
import { listApiTokens } from "@/lib/services/api-tokens";
import { listAuditEvents } from "@/lib/services/audit";
import { findUserByEmail, listUsers } from "@/lib/services/users";
import { withTestDatabase } from "../support/db";
import { currentRequest, startRequest } from "../support/next-request";
import { PASSWORD, type SignedInUser, userWithToken } from "../support/seed";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

withTestDatabase();

let admin: SignedInUser;
let manager: SignedInUser;

beforeAll(async () => {
  admin = await userWithToken("admin", "Ada");
  manager = await userWithToken("manager", "Morgan");
});

const asAdmin = () => startRequest({ token: admin.token });
const actorOf = (token: string) => authenticate(new Headers({ authorization: `Bearer ${token}` }));

describe("admin actions", () => {
  test.each([
    ["createUserAction", () => createUserAction({ email: "new@example.com", name: "New", password: PASSWORD })],
    ["setRoleAction", () => setRoleAction({ userId: manager.id, role: "admin" })],
    ["createTokenAction", () => createTokenAction({ name: "mine", userId: admin.id })],
    ["revokeTokenAction", () => revokeTokenAction({ id: "any" })],
  ])("%s refuses a manager and changes nothing", async (_, call) => {
    startRequest({ token: manager.token });
    const users = await listUsers();
    // A token's last use moves with every request; what an admin action would change is the set.
    const tokenStates = async () => (await listApiTokens()).map((t) => [t.id, t.revokedAt]);
    const tokens = await tokenStates();
    expect(await call()).toEqual({
      ok: false,
      message: "This needs the admin role; you are signed in as a manager.",
      fieldErrors: {},
    });
    expect(await listUsers()).toEqual(users);
    expect(await tokenStates()).toEqual(tokens);
  });
});

describe("createUserAction", () => {
  test("creates a user who can sign in with that role; the audit log names the admin", async () => {
    asAdmin();
    const result = await createUserAction({
      email: "Pat@Example.com",
      name: "Pat",
      password: PASSWORD,
      role: "manager",
    });
    expect(result).toMatchObject({ ok: true, data: { email: "pat@example.com", name: "Pat", role: "manager" } });
    expect(await findUserByEmail("pat@example.com")).toMatchObject({ role: "manager" });
    const { items } = await listAuditEvents({ limit: 50 });
    const id = result.ok ? result.data.id : "";
    expect(items.find((e) => e.target === id)).toMatchObject({ action: "user.created", actorEmail: admin.email });
    expect(currentRequest.revalidated).toEqual([["/admin"]]);
  });

  test.each<[string, Record<string, string>, Record<string, string>]>([
    ["a short password", { password: "short" }, { password: "must be at least 10 characters" }],
    ["no email", { email: "not an email" }, { email: "must be an email address" }],
    ["an unknown role", { role: "owner" }, { role: "must be viewer, manager or admin" }],
  ])("%s: refused next to the field, nobody created", async (_, patch, fieldErrors) => {
    asAdmin();
    const before = (await listUsers()).length;
    const input = { email: "someone@example.com", name: "Someone", password: PASSWORD, ...patch };
    expect(await createUserAction(input as Parameters<typeof createUserAction>[0])).toEqual({
      ok: false,
      message: "The user was not saved: check the highlighted fields.",
      fieldErrors,
    });
    expect(await listUsers()).toHaveLength(before);
  });

  test("an email already in use is refused next to the field", async () => {
    asAdmin();
    expect(await createUserAction({ email: manager.email.toUpperCase(), name: "Twin", password: PASSWORD })).toEqual({
      ok: false,
      message: `A user with email ${manager.email} already exists`,
      fieldErrors: { email: "already exists" },
    });
  });
});

describe("setRoleAction", () => {
  test("changes a role, and the user's next request has it", async () => {
    const vic = await userWithToken("viewer", "Vic");
    asAdmin();
    expect(await setRoleAction({ userId: vic.id, role: "manager" })).toMatchObject({
      ok: true,
      data: { id: vic.id, role: "manager" },
    });
    startRequest({ token: vic.token });
    expect(await createLimitAction({ dimensionType: "state", thresholdPct: 40 })).toMatchObject({ ok: true });
  });

  test("the last admin cannot be demoted; an unknown user does not exist", async () => {
    asAdmin();
    expect(await setRoleAction({ userId: admin.id, role: "viewer" })).toEqual({
      ok: false,
      message: "This is the last admin; make someone else an admin first.",
      fieldErrors: { role: "last admin" },
    });
    expect(await findUserByEmail(admin.email)).toMatchObject({ role: "admin" });
    expect(await setRoleAction({ userId: "nobody", role: "viewer" })).toEqual({
      ok: false,
      message: "User nobody does not exist",
      fieldErrors: {},
    });
  });
});

describe("createTokenAction and revokeTokenAction", () => {
  test("a token for another user acts as them; revoked, it signs nobody in", async () => {
    asAdmin();
    const created = await createTokenAction({ name: " nightly export ", userId: manager.id });
    expect(created).toMatchObject({
      ok: true,
      data: { apiToken: { name: "nightly export", userEmail: manager.email } },
    });
    if (!created.ok) throw new Error(created.message);
    expect(await actorOf(created.data.token)).toMatchObject({ id: manager.id, role: "manager", via: "token" });

    asAdmin();
    expect(await revokeTokenAction({ id: created.data.apiToken.id })).toEqual({ ok: true, data: undefined });
    expect(await actorOf(created.data.token)).toBeNull();
    expect((await listApiTokens()).find((t) => t.id === created.data.apiToken.id)?.revokedAt).not.toBeNull();

    startRequest({ token: created.data.token });
    expect(await createLimitAction({ dimensionType: "msa", thresholdPct: 40 })).toMatchObject({
      ok: false,
      message: "Your session has ended: sign in again.",
    });
  });

  test("without a user, the token is the admin's own; a blank name is refused", async () => {
    asAdmin();
    const own = await createTokenAction({ name: "laptop", userId: "" });
    expect(own).toMatchObject({ ok: true, data: { apiToken: { userEmail: admin.email } } });
    expect(await createTokenAction({ name: "  " })).toEqual({
      ok: false,
      message: "The token was not saved: check the highlighted fields.",
      fieldErrors: { name: "is required" },
    });
  });

  test("revoking a token that does not exist says so", async () => {
    asAdmin();
    const id = "00000000-0000-4000-8000-000000000000";
    expect(await revokeTokenAction({ id })).toEqual({
      ok: false,
      message: `API token ${id} does not exist`,
      fieldErrors: {},
    });
  });

  test("an id that cannot be a token's is refused by the schema, not by the database", async () => {
    asAdmin();
    expect(await revokeTokenAction({ id: "no-such-token" })).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { id: "must be an id (uuid)" },
    });
  });
});
