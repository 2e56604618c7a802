import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "@/tests/support/hostile";
import { type Answer, type Case, errorOf } from "@/tests/support/hostile-case";

// Size limits (AKER_MAX_UPLOAD_MB, AKER_MAX_JSON_MB, AKER_MAX_IMPORT_ROWS, set small for this
// server) are refused with 413 before the body is read, and nothing is written; every response
// carries the security headers, pages a nonce-based Content-Security-Policy.

const MAX_UPLOAD = 1024 * 1024;
const MAX_JSON = 512 * 1024;
const MAX_ROWS = 200;

let h: Harness;
let chunkedPushed = 0;
beforeAll(async () => {
  h = await Harness.start("limits", {
    AKER_MAX_UPLOAD_MB: "1",
    AKER_MAX_JSON_MB: "0.5",
    AKER_MAX_IMPORT_ROWS: String(MAX_ROWS),
  });
});
afterAll(async () =>
  h?.finish(
    "limits",
    `; a chunked upload was cut off after the client had pushed ${(chunkedPushed / 1024 ** 2).toFixed(1)} MB of an endless stream (limit 1 MB)`,
  ),
);

/** A POST that declares `declared` bytes and sends only `sent`: a server that waited for the rest would hang. */
function postDeclaring(declared: number, sent: string) {
  return (c: Case) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = {
        ...h.server.headers("manager"),
        "content-type": c.contentType ?? "text/csv",
        "content-length": String(declared),
      };
      const req = httpRequest(`${h.server.baseUrl}${c.path}?${c.query ?? ""}`, { method: c.method, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text });
        });
      });
      req.setTimeout(20_000, () => req.destroy(new Error("no answer within 20 s: the server waited for the body")));
      req.on("error", reject);
      req.write(sent);
    });
}

describe("size limits", () => {
  test.each(["/api/positions/import", "/api/positions/preview"])(
    "%s: a Content-Length over the limit is a 413 before the body is read",
    async (path) => {
      const answer = await h.check(
        { method: "POST", path, query: h.query, contentType: "text/csv" },
        postDeclaring(5 * 1024 ** 3, "position_value\n1\n"),
      );
      expect(answer.status, answer.text).toBe(413);
      expect(errorOf(answer)).toEqual({
        code: "too_large",
        message: "The file is 5 GB, over the 1 MB limit; nothing was read.",
        details: expect.any(Array),
      });
    },
  );

  test("a chunked upload (no Content-Length) is refused once it passes the limit, not read to its end", async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunkedPushed >= 256 * 1024 * 1024) return controller.close();
        chunkedPushed += 64 * 1024;
        controller.enqueue(new TextEncoder().encode(`1,${"x".repeat(64 * 1024 - 3)}\n`));
      },
    });
    const answer = await h.check({
      method: "POST",
      path: "/api/positions/import",
      query: h.query,
      contentType: "text/csv",
      body: endless,
    });
    expect(answer.status, answer.text).toBe(413);
    expect(errorOf(answer).message).toBe("The file is over the 1 MB limit; nothing was read.");
    // The client keeps pushing into socket buffers until the answer arrives; far short of the end.
    expect(chunkedPushed).toBeLessThan(64 * 1024 * 1024);
  });

  test("a multipart upload over the limit is a 413", async () => {
    const form = new FormData();
    form.append("file", new Blob([`position_value\n${"1\n".repeat(MAX_UPLOAD / 2 + 10)}`]), "big.csv");
    const answer = await h.check({ method: "POST", path: "/api/positions/preview", query: h.query, body: form });
    expect(answer.status, answer.text).toBe(413);
    expect(errorOf(answer).code).toBe("too_large");
  });

  test("just under the limit is read as usual", async () => {
    // An ignored column carries the bulk: attribute values are capped at 200 characters.
    const rows = Array.from({ length: 150 }, (_, i) => `U${i},${"a".repeat(6000)},${1000 + i}`);
    const body = ["position_id,notes,position_value", ...rows].join("\n");
    expect(body.length).toBeGreaterThan(0.85 * MAX_UPLOAD);
    const answer = await h.check({
      method: "POST",
      path: "/api/positions/preview",
      query: h.query,
      body,
      contentType: "text/csv",
    });
    expect(answer.status, answer.text).toBe(200);
    expect((JSON.parse(answer.text) as { valid: number }).valid).toBe(150);
  });

  test.each(["/api/positions/import", "/api/positions/preview"])(
    "%s: more rows than AKER_MAX_IMPORT_ROWS is a 413 that names the limit",
    async (path) => {
      const body = ["position_value", ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => String(i + 1))].join("\n");
      const answer = await h.check({ method: "POST", path, query: h.query, body, contentType: "text/csv" });
      expect(answer.status, answer.text).toBe(413);
      expect(errorOf(answer)).toMatchObject({
        code: "too_large",
        message: "The file has more than 200 data rows, the most one import takes: split it into smaller files.",
      });
    },
  );

  test("inline run positions over the row limit are a 413 too", async () => {
    const positions = Array.from({ length: MAX_ROWS + 1 }, (_, i) => ({ position_value: i + 1 }));
    const answer = await h.check({
      method: "POST",
      path: "/api/exposures/runs",
      query: h.query,
      body: JSON.stringify({ positions }),
      contentType: "application/json",
    });
    expect(answer.status, answer.text).toBe(413);
    expect(errorOf(answer).message).toContain("200 data rows");
  });

  test.each([
    ["POST", "/api/exposures/runs"],
    ["POST", "/api/exposures/compare"],
    ["POST", "/api/scenarios/evaluate"],
    ["POST", "/api/thresholds"],
    ["PATCH", "/api/thresholds/:threshold"],
    ["POST", "/api/alerts/:alert/acknowledge"],
    ["POST", "/api/alerts/:alert/resolve"],
    ["POST", "/api/portfolios"],
  ])("%s %s: a JSON body over AKER_MAX_JSON_MB is a 413, declared or chunked", async (method, template) => {
    const path = template.replace(":threshold", h.known.threshold).replace(":alert", h.known.alert);
    const body = JSON.stringify({ comment: "c".repeat(MAX_JSON) });
    const declared = await h.check({ method, path, query: h.query, body, contentType: "application/json" });
    expect(declared.status, declared.text).toBe(413);
    expect(errorOf(declared).message).toBe("The JSON body is 0.6 MB, over the 0.5 MB limit; nothing was read.");
    const chunked = await h.check({
      method,
      path,
      query: h.query,
      body: new Blob([body]).stream(),
      contentType: "application/json",
    });
    expect(chunked.status, chunked.text).toBe(413);
  });
});

describe("security headers", () => {
  const EVERYWHERE = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
  };

  test.each([
    ["GET", "/api/health", undefined],
    ["GET", "/api/positions", "limit=oops"],
    ["GET", "/api/no-such-endpoint", undefined],
    ["POST", "/api/thresholds", undefined],
  ])("API answers carry them, errors included: %s %s", async (method, path, query) => {
    const response = await fetch(`${h.server.baseUrl}${path}?${query ?? h.query}`, {
      method,
      headers: h.server.headers("manager"),
      body: method === "POST" ? "{" : null,
    });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      ...EVERYWHERE,
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    });
  });

  test.each(["/", "/positions", "/alerts", "/limits", "/trends", "/exposures/strategy", "/no-such-page"])(
    "page %s: a nonce CSP that its own scripts carry",
    async (path) => {
      const load = () => fetch(`${h.server.baseUrl}${path}`, { headers: h.server.headers("manager") });
      const response = await load();
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(Object.fromEntries(response.headers)).toMatchObject(EVERYWHERE);
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, policy).toBeDefined();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect((await load()).headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    },
  );
});

describe("every case above", () => {
  test("no request answered 5xx, wrote anything it refused, or broke the error shape", () => {
    h.expectNoFindings();
  });
});
