import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, test } from "vitest";
import { COOKIE_PREFIX } from "@/lib/auth/server";
import { buildOpenApiDocument, SESSION_COOKIE } from "@/lib/openapi/document";

// The OpenAPI document against the code: every route handler app/api/**/route.ts exports is
// described (and nothing else is), with the role its route()/portfolioRoute() asks for, the
// ?portfolio= parameter exactly when it is about one portfolio, and a body or query exactly when
// the handler parses one. To document a new route: its entry in lib/openapi/operations.ts.

interface Handler {
  key: string;
  role: string;
  portfolio: boolean;
  source: string;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** Each method a route file really handles (not its otherMethods 405s), with the wrapper's role. */
function handlers(): Handler[] {
  return routeFiles("app/api")
    .filter((file) => !file.includes("[...")) // the 404 catch-all and better-auth's own endpoints
    .flatMap((file) => {
      const route = `/${path.dirname(file).split(path.sep).join("/")}`
        .replace(/^\/app/, "")
        .replace(/\[(\w+)\]/g, "{$1}");
      const text = readFileSync(file, "utf8");
      const parts = text.split(/(?=^export )/m);
      return parts.flatMap((source) => {
        const m = source.match(
          /^export const (GET|POST|PUT|PATCH|DELETE) = (route|portfolioRoute|handler)\b(?:<[^>]*>)?\(("(\w+)")?/,
        );
        if (!m) return [];
        return [{ key: `${m[1]} ${route}`, role: m[4] ?? "public", portfolio: m[2] === "portfolioRoute", source }];
      });
    });
}

const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { securitySchemes: { sessionCookie: { name: string } } };
};
const described = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${route}`, operation })),
);
const operationOf = (key: string) => described.find((d) => d.key === key)?.operation ?? {};
const paramNames = (operation: Record<string, unknown>) =>
  ((operation.parameters ?? []) as Array<{ name?: string; in?: string; $ref?: string }>).map(
    (p) => p.$ref?.split("/").pop() ?? `${p.in}:${p.name}`,
  );

describe("the OpenAPI document covers the route handlers", () => {
  const found = handlers();

  test("every route handler is described, and the document describes no other", () => {
    expect(found.length).toBeGreaterThan(40);
    const missing = found.map((h) => h.key).filter((key) => !described.some((d) => d.key === key));
    const extra = described.map((d) => d.key).filter((key) => !found.some((h) => h.key === key));
    expect(missing, `route handlers the document lacks (add them to lib/openapi/operations.ts): ${missing}`).toEqual(
      [],
    );
    expect(extra, `operations no route handler answers: ${extra}`).toEqual([]);
  });

  test("each operation names the role its handler asks for, in x-required-role and in words", () => {
    for (const h of found) {
      const operation = operationOf(h.key);
      expect(operation["x-required-role"], h.key).toBe(h.role);
      expect(operation.description, h.key).toContain(h.role === "public" ? "Open to all" : `the **${h.role}** role`);
      expect(operation.security, h.key).toEqual(h.role === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }]);
      if (h.role !== "public")
        expect(Object.keys(operation.responses as object), h.key).toEqual(
          expect.arrayContaining(["401", "403", "default"]),
        );
    }
  });

  test("?portfolio= exactly on the operations about one portfolio; a body or query exactly where one is parsed", () => {
    for (const h of found) {
      const operation = operationOf(h.key);
      const params = paramNames(operation);
      expect(params.includes("portfolio"), `${h.key} ?portfolio=`).toBe(h.portfolio);
      const takesBody = /parseJsonBody|readImportSource/.test(h.source);
      expect("requestBody" in operation, `${h.key} request body`).toBe(takesBody);
      const takesQuery = /parseQuery/.test(h.source);
      expect(
        params.some((p) => p.startsWith("query:")),
        `${h.key} query parameters`,
      ).toBe(takesQuery);
      for (const name of h.key.match(/\{(\w+)\}/g) ?? []) expect(params, h.key).toContain(`path:${name.slice(1, -1)}`);
    }
  });

  test("the uploads take CSV, JSON, XLSX and multipart bodies", () => {
    for (const key of ["POST /api/positions/import", "POST /api/positions/preview"]) {
      const body = operationOf(key).requestBody as { content: Record<string, unknown> };
      expect(Object.keys(body.content).sort(), key).toEqual([
        "application/json",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "multipart/form-data",
        "text/csv",
      ]);
    }
  });

  test("the session cookie is the one better-auth sets", () => {
    expect(SESSION_COOKIE).toBe(`${COOKIE_PREFIX}.session_token`);
    expect(document.components.securitySchemes.sessionCookie.name).toBe(SESSION_COOKIE);
  });

  test("the document is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });
});
