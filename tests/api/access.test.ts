import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { authHeaders, base } from "@/tests/support/api-client";

// Who may call what, as designed. Every route handler in app/api must appear here (the first test
// fails otherwise), and every page; the walk then asks each with no session, as a viewer, a
// manager and an admin and checks 401 / 403 / allowed.
type Need = "public" | "viewer" | "manager" | "admin";
const API: Record<string, Need> = {
  "GET /api/health": "public",
  "GET /api/openapi.json": "public",
  "GET /api/portfolios": "viewer",
  "POST /api/portfolios": "manager",
  "GET /api/portfolios/[slug]/schedule": "viewer",
  "PUT /api/portfolios/[slug]/schedule": "manager",
  "GET /api/portfolios/[slug]": "viewer",
  "PATCH /api/portfolios/[slug]": "admin",
  "POST /api/portfolios/[slug]/archive": "admin",
  "POST /api/portfolios/[slug]/unarchive": "admin",
  "GET /api/firm": "viewer",
  "GET /api/exports/firm": "viewer",
  "GET /api/positions": "viewer",
  "POST /api/positions/import": "manager",
  "POST /api/positions/preview": "manager",
  "GET /api/positions/export": "viewer",
  "GET /api/positions/batches": "viewer",
  "GET /api/exposures/runs": "viewer",
  "POST /api/exposures/runs": "manager",
  "GET /api/exposures/runs/[id]": "viewer",
  "GET /api/exposures/latest": "viewer",
  "GET /api/exposures/trend": "viewer",
  "POST /api/exposures/compare": "viewer",
  "GET /api/exposures/capacity": "viewer",
  "POST /api/scenarios/evaluate": "viewer",
  "POST /api/scenarios/max-acquisition": "viewer",
  "GET /api/scenarios": "viewer",
  "POST /api/scenarios": "manager",
  "GET /api/scenarios/[id]": "viewer",
  "PATCH /api/scenarios/[id]": "manager",
  "DELETE /api/scenarios/[id]": "manager",
  "POST /api/scenarios/[id]/commit": "manager",
  "GET /api/reference/msas": "viewer",
  "GET /api/geographic": "viewer",
  "GET /api/dashboard": "viewer",
  "GET /api/thresholds": "viewer",
  "POST /api/thresholds": "manager",
  "PATCH /api/thresholds/[id]": "manager",
  "DELETE /api/thresholds/[id]": "manager",
  "GET /api/alerts": "viewer",
  "GET /api/alerts/summary": "viewer",
  "GET /api/alerts/[id]": "viewer",
  "POST /api/alerts/[id]/acknowledge": "manager",
  "POST /api/alerts/[id]/resolve": "manager",
  "POST /api/alerts/[id]/waive": "manager",
  "POST /api/alerts/[id]/unwaive": "manager",
  "GET /api/exports/exposures": "viewer",
  "GET /api/admin/users": "admin",
  "POST /api/admin/users": "admin",
  "PATCH /api/admin/users/[id]": "admin",
  "GET /api/admin/tokens": "admin",
  "POST /api/admin/tokens": "admin",
  "DELETE /api/admin/tokens/[id]": "admin",
  "GET /api/admin/audit": "admin",
  "GET /api/notifications/channels": "admin",
  "POST /api/notifications/channels": "admin",
  "PATCH /api/notifications/channels/[id]": "admin",
  "DELETE /api/notifications/channels/[id]": "admin",
  "POST /api/notifications/channels/[id]/test": "admin",
  "GET /api/notifications/deliveries": "admin",
  "POST /api/notifications/deliveries/[id]/retry": "admin",
  "GET /api/notifications/subscription": "viewer",
  "PUT /api/notifications/subscription": "viewer",
};
const PAGES: Record<string, Need> = {
  "/": "viewer",
  "/exposures/state": "viewer",
  "/firm/state": "viewer",
  "/trends": "viewer",
  "/limits": "viewer",
  "/scenarios": "viewer",
  "/alerts": "viewer",
  "/positions": "viewer",
  "/report": "viewer",
  "/admin": "admin",
  "/profile": "viewer",
  "/admin/notifications": "admin",
  "/docs/api": "public",
};
const ROLES = ["viewer", "manager", "admin"] as const;
const RANK: Record<Need, number> = { public: -1, viewer: 0, manager: 1, admin: 2 };

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const SOME_ID = "00000000-0000-4000-8000-000000000000";
let checked = 0;
afterAll(() =>
  console.log(
    `access: ${checked} route × role checks (${Object.keys(API).length} API routes, ${Object.keys(PAGES).length} pages, 4 callers each)`,
  ),
);

describe("access control", () => {
  test("the policy table covers every route handler in app/api", () => {
    const declared = routeFiles("app/api")
      .filter((f) => !f.includes("[...all]")) // better-auth's own endpoints
      .flatMap((file) => {
        const route = `/${path.dirname(file).split(path.sep).join("/")}`.replace(/^\/app/, "");
        return [
          ...readFileSync(file, "utf8").matchAll(/export (?:const|async function) (GET|POST|PATCH|DELETE|PUT)\b/g),
        ].map((m) => `${m[1]} ${route}`);
      });
    expect(declared.sort()).toEqual(Object.keys(API).sort());
  });

  test.each(Object.entries(API))("%s answers 401 / 403 / allowed as designed", async (key, need) => {
    const [method, route] = key.split(" ") as [string, string];
    const url = `${base}${route.replace(/\[id\]/g, SOME_ID)}`;
    const call = async (headers: Record<string, string>) => {
      checked += 1;
      const init: RequestInit = { method, headers: { ...headers, "content-type": "application/json" } };
      if (method !== "GET" && method !== "DELETE") init.body = "{}";
      return (await fetch(url, init)).status;
    };
    const anonymous = await call({});
    if (need === "public") expect(anonymous).toBe(200);
    else expect(anonymous, `${key} without a session`).toBe(401);
    for (const role of ROLES) {
      const status = await call(authHeaders[role]);
      if (RANK[role] < RANK[need]) expect(status, `${key} as ${role}`).toBe(403);
      else expect([401, 403], `${key} as ${role} answered ${status}`).not.toContain(status);
    }
  });

  test.each(Object.entries(PAGES))(
    "page %s: sign-in first (unless public), then the role decides",
    async (page, need) => {
      checked += 1;
      const anonymous = await fetch(`${base}${page}`, { redirect: "manual" });
      if (need === "public") expect(anonymous.status, `${page} without a session`).toBe(200);
      else {
        expect(anonymous.status).toBe(307);
        expect(anonymous.headers.get("location")).toMatch(/\/sign-in$/);
      }
      for (const role of ROLES) {
        checked += 1;
        const status = (await fetch(`${base}${page}`, { headers: authHeaders[role], redirect: "manual" })).status;
        expect(status, `${page} as ${role}`).toBe(RANK[role] < RANK[need] ? 403 : 200);
      }
    },
  );

  test("a revoked or made-up token is a 401", async () => {
    checked += 1;
    const made = await fetch(`${base}/api/alerts`, { headers: { authorization: "Bearer aker_not-a-real-token" } });
    expect(made.status).toBe(401);
    expect(((await made.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});
