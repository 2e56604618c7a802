import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

import { Api, expectError, fieldsOf, newPortfolio, UUID } from "@/tests/support/api-client";

let api: Api;
beforeAll(async () => {
  api = await newPortfolio("errors");
});

const SOME_UUID = "00000000-0000-4000-8000-000000000000";

describe("error bodies", () => {
  test.each([
    ["POST", "/api/thresholds"],
    ["POST", "/api/exposures/runs"],
    ["POST", "/api/exposures/compare"],
    ["POST", "/api/scenarios/evaluate"],
    ["POST", "/api/scenarios/max-acquisition"],
    ["PATCH", `/api/thresholds/${SOME_UUID}`],
    ["POST", `/api/alerts/${SOME_UUID}/acknowledge`],
    ["POST", "/api/portfolios"],
  ])("malformed JSON to %s %s is a 400 naming the body", async (method, path) => {
    const reply = await api.send<unknown>(method, path, {
      body: '{"dimensionType": "strategy",',
      contentType: "application/json",
    });
    const error = expectError(reply, 400, "invalid_input");
    expect(error.message).toMatch(/not valid JSON/);
    expect(fieldsOf(error)).toEqual(["body"]);
  });

  test.each([
    ["GET", "/api/positions"],
    ["GET", "/api/positions/export"],
    ["GET", "/api/thresholds"],
    ["GET", "/api/alerts"],
    ["GET", "/api/exposures/runs"],
    ["GET", "/api/exposures/latest"],
    ["GET", "/api/geographic"],
    ["GET", "/api/exports/exposures"],
  ])("an unknown portfolio is a 404 on %s %s", async (method, path) => {
    const reply = await new Api("no-such-portfolio-here").send<unknown>(method, path);
    const error = expectError(reply, 404, "not_found");
    expect(error.message).toContain("no-such-portfolio-here");
  });

  test("an unknown portfolio is a 404 for writes too, and nothing is created", async () => {
    const ghost = new Api("ghost-portfolio-writes");
    expectError(await ghost.importCsv("position_value\n100\n"), 404, "not_found");
    expectError(await ghost.post("/api/thresholds", { dimensionType: "strategy", thresholdPct: 10 }), 404, "not_found");
    expectError(await ghost.post("/api/exposures/runs", { positions: [{ position_value: 1 }] }), 404, "not_found");
    const list = await new Api().get<{ items: Array<{ slug: string }> }>("/api/portfolios");
    expect(list.body.items.map((p) => p.slug)).not.toContain("ghost-portfolio-writes");
  });

  test("a body the import cannot read is a 400 naming the content type", async () => {
    const reply = await api.send<unknown>("POST", "/api/positions/import", {
      body: "<xml/>",
      contentType: "application/xml",
    });
    expect(fieldsOf(expectError(reply, 400, "invalid_input"))).toEqual(["content-type"]);
  });

  test("an unknown field in a strict body is a 400", async () => {
    const reply = await api.post<unknown>("/api/exposures/runs", { asOfDate: "2025-01-31", colour: "red" });
    expectError(reply, 400, "invalid_input");
  });
});

describe("lists", () => {
  test.each([
    "/api/positions",
    "/api/thresholds",
    "/api/alerts",
    "/api/exposures/runs",
    "/api/positions/batches",
    "/api/portfolios",
  ])("%s answers { items: [...] }", async (path) => {
    const reply = await api.get<{ items: unknown }>(path);
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body.items)).toBe(true);
  });
});

describe("portfolios", () => {
  test("create answers 201 with the object; a taken slug is a 409; a bad slug a 400", async () => {
    const slug = `t-p-${Date.now().toString(36)}`;
    const created = await api.post<unknown>("/api/portfolios", { slug, name: "Fund II" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(UUID), slug, name: "Fund II" });

    const twin = await api.post<unknown>("/api/portfolios", { slug, name: "again" });
    expect(fieldsOf(expectError(twin, 409, "conflict"))).toEqual(["slug"]);

    const bad = await api.post<unknown>("/api/portfolios", { slug: "Not A Slug", name: "x" });
    expect(fieldsOf(expectError(bad, 400, "invalid_input"))).toEqual(["slug"]);
  });
});

/** Every route file in app/api with the methods it exports (better-auth's own and the catch-all aside). */
function routesWithMethods(dir = "app/api"): Array<{ path: string; methods: string[] }> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("[...") ? [] : routesWithMethods(full);
    if (name !== "route.ts") return [];
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1] ?? "",
    );
    const route = `/${path.dirname(full).split(path.sep).slice(1).join("/")}`.replace(/\[id\]/g, SOME_UUID);
    return [{ path: route, methods }];
  });
}

describe("what Next would answer with HTML or an empty body", () => {
  test.each([
    ["GET", "/api/no-such-endpoint"],
    ["POST", "/api/positions/archive"],
    ["DELETE", `/api/alerts/${SOME_UUID}/history`],
    ["PUT", "/api/v2/thresholds"],
  ])("%s %s, a path no endpoint has, is a 404 in the API's error shape", async (method, route) => {
    const error = expectError(await api.send<unknown>(method, route), 404, "not_found");
    expect(error.message).toBe(`There is no API endpoint at ${route}.`);
  });

  const routes = routesWithMethods();
  const refused = routes.flatMap((r) =>
    ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !r.methods.includes(m)).map((m) => ({ ...r, method: m })),
  );

  test("the walk found every route and what each refuses", () => {
    expect(routes.length).toBeGreaterThanOrEqual(27);
    expect(refused.length).toBeGreaterThan(90);
  });

  test.each(refused)(
    "$method $path, a method the endpoint does not take, is a 405 naming those it does",
    async ({ path: route, method, methods }) => {
      const reply = await api.as("anonymous").send<unknown>(method, route);
      const error = expectError(reply, 405, "method_not_allowed");
      expect(error.message).toBe(`${method} is not allowed here; this endpoint takes ${methods.join(", ")}.`);
      expect(reply.headers.get("allow")).toBe(
        [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", "),
      );
    },
  );
});
