import { describe, expect, test } from "vitest";
import type { MsaMatch } from "@/lib/reference/cbsa";
import { Api, expectError, fieldsOf } from "@/tests/support/api-client";

// The purchase form's MSA picker asks the server for a few names instead of shipping all 929.
describe("GET /api/reference/msas", () => {
  const viewer = new Api(undefined, "viewer");

  test("a viewer finds an MSA by part of its name: code, title and kind, best first", async () => {
    const reply = await viewer.get<{ items: MsaMatch[] }>("/api/reference/msas", { q: "Phoenix" });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.items[0]).toEqual({ code: "38060", title: "Phoenix-Mesa-Scottsdale, AZ", kind: "metro" });
  });

  test("by the first digits of its code, at most `limit` of them", async () => {
    const reply = await viewer.get<{ items: MsaMatch[] }>("/api/reference/msas", { q: "1", limit: 3 });
    expect(reply.body.items.map((m) => m.code)).toEqual(["10100", "10140", "10180"]);
  });

  test("nothing matching is an empty list, not an error", async () => {
    const reply = await viewer.get<{ items: MsaMatch[] }>("/api/reference/msas", { q: "Atlantis" });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual([]);
  });

  test.each([
    [{}, "q"],
    [{ q: "  " }, "q"],
    [{ q: "x".repeat(101) }, "q"],
    [{ q: "a", limit: 0 }, "limit"],
    [{ q: "a", limit: 51 }, "limit"],
  ])("%o is a 400 naming %s", async (query, field) => {
    expect(fieldsOf(expectError(await viewer.get("/api/reference/msas", query), 400, "invalid_input"))).toEqual([
      field,
    ]);
  });
});
