import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { type AlertDto, listAlerts } from "@/lib/services/alerts";
import { createApiToken } from "@/lib/services/api-tokens";
import type { PortfolioContext } from "@/lib/services/context";
import { createLimit } from "@/lib/services/limits";
import { importPositions } from "@/lib/services/positions-import";
import { computeRun } from "@/lib/services/runs-compute";
import { createUser, type UserDto } from "@/lib/services/users";
import { csvOf, limitOf } from "./fixtures";

// Seeding through the real services, for the tests that drive actions, route handlers and
// components: signed-in users (each with an API token standing in for a browser session) and a
// portfolio with breaches.

// better-auth signs with this; without it the secret would be written beside the app's own data.
process.env.BETTER_AUTH_SECRET ??= "tests-only-secret-0123456789-abcdefghijklmnop";
// Where the app is served; better-auth warns on every start without it.
process.env.BETTER_AUTH_URL ??= "http://localhost:3000";

export const PASSWORD = "a long password";

export interface SignedInUser extends UserDto {
  /** Sent as `Authorization: Bearer …`, it signs requests in as this user. */
  token: string;
}

/** A new user with `role` and an API token of their own; the name says who they are in histories. */
export async function userWithToken(role: Role, name = `${role[0]?.toUpperCase()}${role.slice(1)}`) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}@example.com`;
  const user = await createUser({ actor: null }, { email, name, password: PASSWORD, role });
  const { token } = await createApiToken({ actor: null }, user.id, `${name}'s token`);
  return { ...user, token } satisfies SignedInUser;
}

/** Four states at 25 % of the book each; at most 20 % per state breaches in every one of them. */
export const FOUR_STATES = csvOf([
  { position_id: "P1", strategy: "value_add", state: "CA", position_value: 250_000 },
  { position_id: "P2", strategy: "core", state: "TX", position_value: 250_000 },
  { position_id: "P3", strategy: "core_plus", state: "NY", position_value: 250_000 },
  { position_id: "P4", strategy: "development", state: "FL", position_value: 250_000 },
]);

export async function storeBook(ctx: PortfolioContext, csv = FOUR_STATES, asOfDate = "2025-06-30") {
  await importPositions(ctx, { format: "csv", data: csv }, { mode: "replace", onError: "reject" });
  return computeRun(ctx, { asOfDate });
}

/** The four-state book with a 20 % per-state maximum: four open alerts, one per state, newest first. */
export async function withOpenAlerts(ctx: PortfolioContext): Promise<AlertDto[]> {
  await storeBook(ctx);
  await createLimit(ctx, limitOf({ dimensionType: "state", thresholdPct: 20 }));
  return openAlerts(ctx);
}

export async function openAlerts(ctx: PortfolioContext): Promise<AlertDto[]> {
  return (await listAlerts(ctx, { status: "open", limit: 100 })).items;
}
