import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { ByteCollector, readBodyBytes } from "@/lib/http/body";
import { parseOrThrow } from "@/lib/http/parse";
import { errorResponse } from "@/lib/http/respond";
import { readImportSource } from "@/lib/http/upload";
import { compareSchema, limitCreateSchema, limitUpdateSchema, MAX_COMPARE_LIMITS } from "@/lib/schemas";

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

  test("a Content-Length over the limit is refused before any room is made for it", async () => {
    // Five gigabytes declared: allocating them first would fail (a 500), not refuse (a 413).
    const request = post("a,b\n", { "content-length": String(5 * 1024 ** 3) });
    await expect(readBodyBytes(request, 1024, "The file")).rejects.toMatchObject({ code: "too_large" });
  });

  test("with its Content-Length declared, the bytes fill one buffer of exactly that size", async () => {
    const bytes = await readBodyBytes(post(stream(["a,b\n", "1,2\n"]), { "content-length": "8" }), 100, "The file");
    expect(new TextDecoder().decode(bytes)).toBe("a,b\n1,2\n");
    expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, 8]);
  });
});

// Chunks as a network delivers them, so a collector sees more than one.
function stream(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe("ByteCollector", () => {
  const collect = (expected: number | null, chunks: string[]) => {
    const bytes = new ByteCollector(expected);
    for (const chunk of chunks) bytes.add(new TextEncoder().encode(chunk));
    return new TextDecoder().decode(bytes.finish());
  };
  test.each<[string, number | null]>([
    ["no size given", null],
    ["the right size", 9],
    ["too small a size", 4],
    ["too large a size (a multipart body around the file)", 100],
  ])("%s: the bytes in order", (_label, expected) => {
    expect(collect(expected, ["abc", "def", "ghi"])).toBe("abcdefghi");
    expect(collect(expected, [])).toBe("");
  });
});

describe("readImportSource: a multipart upload's file part, streamed into one buffer", () => {
  const upload = async (form: FormData) => {
    const request = new Request("http://test/", { method: "POST", body: form });
    // A network request declares its length: the file part is read into a buffer of that size.
    const body = new Uint8Array(await request.arrayBuffer());
    return new Request("http://test/", {
      method: "POST",
      body: stream([new TextDecoder("latin1").decode(body)]),
      headers: { "content-type": request.headers.get("content-type") ?? "", "content-length": String(body.byteLength) },
      duplex: "half",
    } as RequestInit);
  };

  test("the file's bytes, name and format, owned by the import", async () => {
    const form = new FormData();
    form.append("note", "ignored");
    form.append("file", new Blob(["position_value\n1\n"], { type: "text/csv" }), "book.csv");
    const source = await readImportSource(await upload(form));
    expect(source).toMatchObject({ format: "csv", sourceName: "book.csv", owned: true });
    expect(new TextDecoder().decode(source.data as Uint8Array)).toBe("position_value\n1\n");
  });

  test("a text field named file is not a file; a body that is not multipart cannot be read", async () => {
    const form = new FormData();
    form.append("file", "position_value\n1\n");
    await expect(readImportSource(await upload(form))).rejects.toMatchObject({
      message: 'Multipart upload needs the file in a field named "file"',
    });
    const broken = new Request("http://test/", {
      method: "POST",
      body: '--x\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\nposition_value',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    await expect(readImportSource(broken)).rejects.toMatchObject({ code: "invalid_input", message: /cannot be read/ });
    const noBoundary = new Request("http://test/", {
      method: "POST",
      body: "x",
      headers: { "content-type": "multipart/form-data" },
    });
    await expect(readImportSource(noBoundary)).rejects.toMatchObject({ message: /cannot be read/ });
  });
});

describe("parseOrThrow names a bad field as the API names it: dots for keys, [i] for an array's element", () => {
  const amount = { dimensionType: "msa", kind: "amount", thresholdAmount: 250_000_000 };
  test.each<[string, z.ZodType, unknown, Array<{ field: string; message: string }>]>([
    [
      "a nested key",
      z.object({ a: z.object({ b: z.number({ error: "must be a number" }) }) }),
      { a: { b: "x" } },
      [{ field: "a.b", message: "must be a number" }],
    ],
    ["the body itself", z.number({ error: "must be a number" }), "x", [{ field: "body", message: "must be a number" }]],
    [
      "compare's flat form, as before",
      compareSchema,
      { limits: { strategy: 140 } },
      [{ field: "limits.strategy", message: "must be between 0 and 100" }],
    ],
    [
      "a compare definition's field, by its index",
      compareSchema,
      { limits: [amount, { dimensionType: "msa", kind: "amount" }] },
      [{ field: "limits[1].thresholdAmount", message: "is required for an amount limit" }],
    ],
    [
      "a key a limit does not have (a definition has no name, as a limit has none)",
      compareSchema,
      { limits: [{ ...amount, name: "MSA cap" }] },
      [{ field: "limits[0]", message: 'Unrecognized key: "name"' }],
    ],
    [
      "too many definitions",
      compareSchema,
      { limits: Array.from({ length: MAX_COMPARE_LIMITS + 1 }, () => amount) },
      [{ field: "limits", message: "must hold at most 100 limits" }],
    ],
    ["no definitions", compareSchema, { limits: [] }, [{ field: "limits", message: "name at least one limit" }]],
    [
      "neither form",
      compareSchema,
      { limits: 40 },
      [{ field: "limits", message: "must be an object of maximum % per dimension, or an array of limits" }],
    ],
  ])("%s", (_label, schema, value, details) => {
    expect(() => parseOrThrow(schema, value, "request body")).toThrow(
      expect.objectContaining({ code: "invalid_input", details }),
    );
  });

  test("each definition is completed as a created limit is: its kind's fields, the others null", () => {
    const parsed = compareSchema.parse({ limits: [{ dimensionType: "state", kind: "count", thresholdCount: 10 }] });
    expect(parsed.limits).toEqual([
      {
        dimensionType: "state",
        kind: "count",
        basis: "value",
        dimensionValue: null,
        thresholdType: "maximum",
        thresholdPct: null,
        thresholdAmount: null,
        thresholdCount: 10,
        topN: null,
        thresholdHhi: null,
        targetPct: null,
        bandPp: null,
        severityLevel: "warning",
        isActive: true,
        reference: null,
        note: null,
      },
    ]);
  });
});

describe("a limit's reference and note: trimmed text, blank is none, a 400 naming the field otherwise", () => {
  const share = { dimensionType: "state", thresholdPct: 35 };
  const created = (extra: object) => parseOrThrow(limitCreateSchema, { ...share, ...extra }, "limit");

  test.each([
    ["left out", {}, null, null],
    [
      "trimmed",
      { reference: "  LPA §7.2(b) ", note: "\n Agreed with the LPAC.\n" },
      "LPA §7.2(b)",
      "Agreed with the LPAC.",
    ],
    ["blank is none", { reference: "   ", note: "" }, null, null],
    ["null is none", { reference: null, note: null }, null, null],
    [
      "at the longest",
      { reference: "r".repeat(200), note: ` ${"n".repeat(1000)} ` },
      "r".repeat(200),
      "n".repeat(1000),
    ],
  ])("%s", (_label, extra, reference, note) => {
    expect(created(extra)).toMatchObject({ reference, note });
  });

  test.each([
    [
      "a reference one character too long",
      { reference: "r".repeat(201) },
      "reference",
      "must be at most 200 characters",
    ],
    ["a note one character too long", { note: "n".repeat(1001) }, "note", "must be at most 1,000 characters"],
    ["a number for a reference", { reference: 72 }, "reference", "must be text or null"],
    ["a NUL in a note", { note: "see\u0000 §7" }, "note", "must not contain a NUL character (U+0000)"],
  ])("%s", (_label, extra, field, message) => {
    expect(() => created(extra)).toThrow(
      expect.objectContaining({ code: "invalid_input", details: [{ field, message }] }),
    );
  });

  test("a PATCH sets, clears (null or blank) or leaves them", () => {
    expect(limitUpdateSchema.parse({ reference: " LPA §7.2(b)" })).toEqual({ reference: "LPA §7.2(b)" });
    expect(limitUpdateSchema.parse({ reference: null, note: " " })).toEqual({ reference: null, note: null });
    expect(limitUpdateSchema.parse({ thresholdPct: 30 })).toEqual({ thresholdPct: 30 });
    expect(() => parseOrThrow(limitUpdateSchema, { note: "n".repeat(1001) }, "limit")).toThrow(
      expect.objectContaining({ details: [{ field: "note", message: "must be at most 1,000 characters" }] }),
    );
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
