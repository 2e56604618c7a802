import { describe, expect, test } from "vitest";

import type { PositionPage } from "@/lib/services/positions-list";
import { Api, UUID } from "@/tests/support/api-client";

// The only file that talks to the `default` portfolio, and only to prove it exists and is what
// a request without ?portfolio= gets; it never depends on what is stored there.

describe("GET /api/health", () => {
  test("answers ok and names the database the server was started on", async () => {
    const reply = await new Api().get<unknown>("/api/health");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });
});

describe("the default portfolio", () => {
  test("always exists and is listed", async () => {
    const reply = await new Api().get<{ items: Array<{ id: string; slug: string; name: string }> }>("/api/portfolios");
    expect(reply.status).toBe(200);
    expect(reply.body.items).toContainEqual({
      id: expect.stringMatching(UUID),
      slug: "default",
      name: expect.any(String),
      archivedAt: null,
    });
  });

  test("is what a request without ?portfolio= reads, the same as ?portfolio=default", async () => {
    const implicit = await new Api().get<PositionPage>("/api/positions", { limit: 1 });
    const explicit = await new Api("default").get<PositionPage>("/api/positions", { limit: 1 });
    expect(implicit.status).toBe(200);
    expect(explicit.status).toBe(200);
    expect(Array.isArray(implicit.body.items)).toBe(true);
    expect(implicit.body.total).toBe(explicit.body.total);
  });
});
