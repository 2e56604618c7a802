import { mkdir } from "node:fs/promises";
import path from "node:path";
import { request } from "@playwright/test";
import { type Role, startAppServer } from "./app-server";

export const AUTH_DIR = path.resolve("test-results", ".auth");

/**
 * One production server on a throwaway database for every spec (specs isolate by portfolio).
 * Each seeded user signs in once here — sign-in is rate-limited, as it should be — and the
 * specs reuse that session through Playwright's storage state.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The notifications spec sends to a receiver on loopback, which the outbound check refuses unless told.
  const server = await startAppServer("aker_e2e", { env: { AKER_WEBHOOK_ALLOW_PRIVATE: "1" } });
  process.env.E2E_BASE_URL = server.baseUrl;
  await mkdir(AUTH_DIR, { recursive: true });
  const users: Record<string, unknown> = {};
  for (const role of ["admin", "manager", "viewer"] as Role[]) {
    const credentials = server.credentials(role);
    const context = await request.newContext({ baseURL: server.baseUrl });
    const res = await context.post("/api/auth/sign-in/email", { data: credentials });
    if (!res.ok()) throw new Error(`sign-in as ${role} failed: ${res.status()} ${await res.text()}`);
    await context.storageState({ path: path.join(AUTH_DIR, `${role}.json`) });
    await context.dispose();
    users[role] = { ...credentials, headers: server.headers(role) };
  }
  // Workers inherit the environment: the seeded users' sign-ins and API tokens.
  process.env.E2E_USERS = JSON.stringify(users);
  return server.stop;
}
