import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "@/tests/support/hostile";
import { errorOf } from "@/tests/support/hostile-case";
import { FUZZ_REGRESSIONS } from "@/tests/support/hostile-regressions";
import { getRequests, jsonContentType, jsonEndpointRequests } from "@/tests/support/hostile-requests";
import { UPLOAD_TARGETS, uploadCases, uploadOptions } from "@/tests/support/hostile-uploads";

// Hostile requests against the production build: every JSON endpoint, every GET's query string,
// uploads of anything at all. After each case: no 5xx, errors in the one shape, and a refused
// request wrote nothing (tests/support/hostile.ts). The requests are generated in
// tests/support/hostile-requests.ts and hostile-uploads.ts from the values of hostile-values.ts.
// tests/import/fuzz.test.ts covers the pure importers; this is the same idea over HTTP, where
// bodies, limits, validation and the database meet.

// Small limits, so oversized bodies are cheap to send (request-caps.test.ts checks the limits themselves).
const MAX_UPLOAD = 1024 * 1024;
const MAX_JSON = 512 * 1024;
const MAX_ROWS = 200;

// A new seed each run; FUZZ_SEED=<n> replays one.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

let h: Harness;
beforeAll(async () => {
  h = await Harness.start("fuzz", {
    AKER_MAX_UPLOAD_MB: "1",
    AKER_MAX_JSON_MB: "0.5",
    AKER_MAX_IMPORT_ROWS: String(MAX_ROWS),
  });
});
afterAll(async () => h?.finish("fuzz", ` (FUZZ_SEED=${SEED})`));

describe("hostile requests over HTTP", () => {
  test("the snapshot sees a write (or it could not see a partial one)", async () => {
    expect(await h.snapshotSeesWrites()).toBe(true);
  });

  test("every JSON body endpoint", async () => {
    const endpoints = jsonEndpointRequests(h, MAX_JSON);
    await fc.assert(
      fc.asyncProperty(endpoints, jsonContentType, async (endpoint, type) => {
        await h.check({
          ...endpoint,
          query: endpoint.path === "/api/portfolios" ? undefined : h.query,
          contentType: type,
        });
      }),
      { numRuns: 140, seed: SEED },
    );
  });

  test("every GET endpoint with random query strings", async () => {
    const request = getRequests(h);
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query }) => {
        await h.check({ method: "GET", path, query });
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  test("uploads of anything to the import and the preview", async () => {
    const options = uploadOptions(h);
    const cases = uploadCases(MAX_UPLOAD, MAX_ROWS);
    await fc.assert(
      fc.asyncProperty(UPLOAD_TARGETS, options, cases, async (path, query, make) => {
        await h.check({ method: "POST", path, query, ...(await make()) });
      }),
      { numRuns: 160, seed: SEED },
    );
  });
});

describe("what the fuzz found, fixed in lib/ (each a regression test)", () => {
  test.each(FUZZ_REGRESSIONS)("%s", async (_label, c, status, code, text) => {
    const answer = await h.check({ ...c, query: [h.query, c.query].filter(Boolean).join("&") });
    expect(answer.status, answer.text).toBe(status);
    expect(errorOf(answer).code).toBe(code);
    expect(answer.text).toContain(text);
  });

  test("a slug no portfolio can have is a 404 without a database query", async () => {
    const answer = await h.check({ method: "GET", path: "/api/positions", query: "portfolio=%00" });
    expect(answer.status, answer.text).toBe(404);
  });
});

describe("every case above", () => {
  test("no request answered 5xx, wrote anything it refused, or broke the error shape", () => {
    h.expectNoFindings();
  });
});
