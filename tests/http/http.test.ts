import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/body";
import { parseOrThrow } from "@/lib/http/parse";
import { errorResponse } from "@/lib/http/respond";

// How any thrown value becomes the one error shape; the database-error shapes are the ones
// Prisma 7 raises through its driver adapters.
describe("errorResponse", () => {
  test.each([
    ["an AppError keeps its code", new AppError("conflict", "nope"), 409, "conflict"],
    ["a unique violation is a conflict", Object.assign(new Error("unique"), { code: "P2002" }), 409, "conflict"],
    [
      "a raw-query numeric overflow is invalid data",
      Object.assign(new Error("raw"), { code: "P2010", meta: { code: "22003" } }),
      422,
      "invalid_data",
    ],
    ["a value out of range is invalid data", Object.assign(new Error("range"), { code: "P2020" }), 422, "invalid_data"],
    [
      "a refused connection is unavailable",
      Object.assign(new Error("down"), { code: "ECONNREFUSED" }),
      503,
      "unavailable",
    ],
    ["anything else is a 500 that reveals nothing", new Error("secret detail"), 500, "internal"],
  ])("%s", async (_label, error, status, code) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toContain("secret");
  });
});

describe("readBodyBytes: never more than the limit in memory", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  test("a declared Content-Length over the limit is refused before a byte is read", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled += 1;
        c.enqueue(new Uint8Array(10));
      },
    });
    const request = post(body, { "content-length": String(5 * 1024 * 1024) });
    await expect(readBodyBytes(request, 1024 * 1024, "The file")).rejects.toMatchObject({
      code: "too_large",
      message: "The file is 5 MB, over the 1 MB limit; nothing was read.",
    });
    expect(pulled).toBeLessThanOrEqual(1); // a stream may pre-fill one chunk; the reader never asked
  });

  test("a body without a length is cut off once it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => {
        pulled += 1;
        c.enqueue(new Uint8Array(100));
      },
    });
    await expect(readBodyBytes(post(endless), 1000, "The file")).rejects.toMatchObject({ code: "too_large" });
    expect(pulled).toBeLessThan(15);
  });

  test("a body shorter than its Content-Length (a proxy cut it) is refused, not parsed", async () => {
    await expect(readBodyBytes(post("abc", { "content-length": "999" }), 10_000, "The file")).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("cut short (3 of 999 bytes"),
    });
  });

  test("a body within the limit comes back whole", async () => {
    expect(new TextDecoder().decode(await readBodyBytes(post("a,b\n1,2\n"), 8, "The file"))).toBe("a,b\n1,2\n");
  });
});

describe("parseOrThrow refuses U+0000 anywhere, naming the field", () => {
  test.each([
    ["a top-level string", { name: "a\u0000b" }, "name"],
    ["a string deep in a list", { positions: [{ strategy: "ok" }, { strategy: "x\u0000" }] }, "positions.1.strategy"],
  ])("%s", (_label, value, field) => {
    expect(() => parseOrThrow(z.any(), value, "request body")).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        details: [{ field, message: "contains a NUL character (U+0000)" }],
      }),
    );
  });

  test("a value nested 100,000 deep is walked without overflowing the stack", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(() => parseOrThrow(z.any(), deep, "request body")).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
  });
});
