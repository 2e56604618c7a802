import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import { DIMENSIONS } from "@/lib/engine/types";
import { type Case, errorOf, Harness } from "./hostile-harness";
import {
  encode,
  field,
  hostileText,
  type Json,
  jsonBody,
  MALFORMED,
  objectOf,
  pathId,
  positionRecord,
  RAW_BODIES,
  rawNumber,
  render,
} from "./hostile-values";

// Hostile requests against the production build: every JSON endpoint, every GET's query string,
// uploads of anything at all. After each case: no 5xx, errors in the one shape, and a refused
// request wrote nothing (hostile-harness.ts). tests/import/fuzz.test.ts covers the pure importers;
// this is the same idea over HTTP, where bodies, limits, validation and the database meet.

// Small limits, so oversized bodies are cheap to send (limits.test.ts checks the limits themselves).
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

const JSON_TYPE = "application/json";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe("hostile requests over HTTP", () => {
  test("the snapshot sees a write (or it could not see a partial one)", async () => {
    expect(await h.snapshotSeesWrites()).toBe(true);
  });

  test("every JSON body endpoint", async () => {
    const pct = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.double(), rawNumber) as fc.Arbitrary<Json>;
    const thresholdFields = {
      dimensionType: field(fc.constantFrom<Json>(...DIMENSIONS)),
      dimensionValue: field(fc.oneof(hostileText, fc.constant(null)) as fc.Arbitrary<Json>),
      thresholdPct: field(pct),
      thresholdType: field(fc.constantFrom<Json>("maximum", "minimum")),
      severityLevel: field(fc.constantFrom<Json>("warning", "critical")),
      isActive: field(fc.boolean()),
    };
    const isoDate = fc.constantFrom<Json>(
      "2025-01-31",
      "2024-02-29",
      "2025-02-30",
      "1899-12-31",
      "1900-01-01",
      "9999-12-31",
      "+275760-09-13",
      "2025-1-1",
      "2025-01-31T00:00:00Z",
    );
    const runId = fc.oneof(fc.constant(h.known.run), fc.uuid(), hostileText) as fc.Arbitrary<Json>;
    const transition = objectOf({
      comment: field(fc.oneof(hostileText, fc.constant("c".repeat(2001))) as fc.Arbitrary<Json>),
      by: field(hostileText as fc.Arbitrary<Json>),
    });
    const body = (shaped: fc.Arbitrary<Json>) => jsonBody(shaped, MAX_JSON);
    const endpoints = fc.oneof(
      body(
        objectOf({
          asOfDate: field(isoDate),
          includeAlerts: field(fc.boolean()),
          positions: field(fc.array(positionRecord, { maxLength: 5 }) as fc.Arbitrary<Json>),
        }),
      ).map((b) => ({ method: "POST", path: "/api/exposures/runs", body: b })),
      body(
        objectOf({
          limits: field(
            fc.dictionary(fc.oneof(fc.constantFrom(...DIMENSIONS), hostileText), pct, {
              maxKeys: 3,
            }) as fc.Arbitrary<Json>,
          ),
          runId: field(runId),
        }),
      ).map((b) => ({ method: "POST", path: "/api/exposures/compare", body: b })),
      body(objectOf(thresholdFields)).map((b) => ({ method: "POST", path: "/api/thresholds", body: b })),
      fc
        .tuple(
          pathId(() => h.known.threshold),
          body(objectOf(thresholdFields)),
        )
        .map(([id, b]) => ({ method: "PATCH", path: `/api/thresholds/${id}`, body: b })),
      fc
        .tuple(
          pathId(() => h.known.alert),
          body(transition),
        )
        .map(([id, b]) => ({ method: "POST", path: `/api/alerts/${id}/acknowledge`, body: b })),
      fc
        .tuple(
          pathId(() => h.known.alert),
          body(transition),
        )
        .map(([id, b]) => ({ method: "POST", path: `/api/alerts/${id}/resolve`, body: b })),
      body(
        objectOf({
          slug: field(
            fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.constant(h.slug)) as fc.Arbitrary<Json>,
          ),
          name: field(hostileText as fc.Arbitrary<Json>),
        }),
      ).map((b) => ({ method: "POST", path: "/api/portfolios", body: b })),
    );
    const contentType = fc.oneof(
      { weight: 8, arbitrary: fc.constant<string | null>(JSON_TYPE) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<string | null>(
          null,
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=utf-16",
        ),
      },
    );
    await fc.assert(
      fc.asyncProperty(endpoints, contentType, async (endpoint, type) => {
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
    const paths: Array<[string, string[]]> = [
      ["/api/health", []],
      ["/api/portfolios", []],
      [
        "/api/positions",
        [
          "limit",
          "cursor",
          "offset",
          "sort",
          "dir",
          "strategy",
          "state",
          "msa",
          "vintage",
          "construction_type",
          "rent_band",
        ],
      ],
      ["/api/positions/export", ["format"]],
      ["/api/positions/batches", []],
      ["/api/exposures/latest", []],
      ["/api/exposures/runs", ["from", "to"]],
      ["/api/exposures/trend", ["dimensionType", "dimensionValue", "from", "to"]],
      ["/api/geographic", ["runId"]],
      ["/api/dashboard", []],
      ["/api/thresholds", []],
      ["/api/alerts", ["status", "severity", "dimensionType", "limit", "cursor"]],
      ["/api/alerts/summary", []],
      ["/api/exports/exposures", ["runId", "format"]],
      ["/api/alerts/:alert", []],
      ["/api/exposures/runs/:run", []],
    ];
    const value = fc.oneof(
      { weight: 2, arbitrary: hostileText },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          "1",
          "0",
          "-1",
          "-5",
          "1000",
          "1001",
          "1e309",
          "2147483648",
          "99999999999999999999999",
          "1.5",
          "0x10",
          "abc",
          "2025-01-31",
          "2025-02-30",
          "open",
          "active",
          "critical",
          "csv",
          "xlsx",
          "json",
          "value",
          "desc",
          "CA",
          "unknown",
          "1980s",
          ...DIMENSIONS,
        ),
      },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.constant(h.known.run) },
    );
    const junk = fc.constantFrom(
      "%",
      "%ZZ",
      "a=%E0%A4%A",
      "%ED%A0%80=1",
      "&&&",
      "==",
      "a[]=1&a[]=2",
      "limit=1&limit=2",
      "sort=value&dir=desc&cursor=5",
    );
    const request = fc
      .constantFrom(...paths)
      .chain(([template, keys]) =>
        fc.record({
          path: fc
            .oneof(
              { weight: 3, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: hostileText.map((v) => encode(v) || "%20") },
              { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
            )
            .map((id) => template.replace(/:(alert|run)/, (_, which: "alert" | "run") => id ?? h.known[which])),
          portfolio: fc.constantFrom("ours", "ours", "ours", "missing", "other"),
          pairs: fc.array(
            fc.oneof(
              {
                weight: 6,
                arbitrary: fc
                  .tuple(keys.length ? fc.constantFrom(...keys) : hostileText, value)
                  .map(([k, v]) => `${encode(k)}=${encode(v)}`),
              },
              { weight: 1, arbitrary: fc.tuple(hostileText, value).map(([k, v]) => `${encode(k)}=${encode(v)}`) },
              { weight: 1, arbitrary: junk },
            ),
            { maxLength: 4 },
          ),
        }),
      )
      .map(({ path, portfolio, pairs }) => {
        const head = portfolio === "ours" ? [h.query] : portfolio === "other" ? ["portfolio=no-such-portfolio"] : [];
        return { path, query: [...head, ...pairs].join("&") };
      });
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query }) => {
        await h.check({ method: "GET", path, query });
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  test("uploads of anything to the import and the preview", async () => {
    const target = fc.constantFrom("/api/positions/import", "/api/positions/preview");
    const options = fc
      .record(
        {
          mode: fc.constantFrom("replace", "upsert", "<script>", ""),
          onError: fc.constantFrom("reject", "skip", "ignore"),
          format: fc.constantFrom("csv", "json", "xlsx", "pdf", ""),
        },
        { requiredKeys: [] },
      )
      .map((o) => [h.query, ...Object.entries(o).map(([k, v]) => `${k}=${encode(v)}`)].join("&"));
    const anyType = fc.constantFrom<string | null>(
      null,
      "text/csv",
      JSON_TYPE,
      XLSX_TYPE,
      "application/octet-stream",
      "image/png",
      "application/xml",
      "text/plain; charset=utf-16",
      "multipart/form-data",
      "multipart/form-data; boundary=nope",
    );
    const cell = fc.oneof(
      hostileText,
      fc.double().map(String),
      fc.constantFrom("1000000", "CA", "31080", "core", "1987", "240"),
    );
    const header = fc.oneof(
      { weight: 4, arbitrary: fc.constant([...POSITION_COLUMNS]) },
      {
        weight: 1,
        arbitrary: fc.shuffledSubarray([...POSITION_COLUMNS, "position_value", "<script>x</script>", "=cmd", ""], {
          minLength: 1,
        }),
      },
    );
    const csvText = fc
      .tuple(header, fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 8 }))
      .map(([head, rows]) =>
        [
          head.join(","),
          ...rows.map((r) =>
            r
              .slice(0, head.length)
              .map((v) => `"${v.replace(/"/g, '""')}"`)
              .join(","),
          ),
        ].join("\r\n"),
      );
    // Wrong encodings: UTF-16 and Latin-1 where UTF-8 is required.
    const encoded = fc
      .tuple(csvText, fc.constantFrom("utf8", "utf16le", "latin1", "bom"))
      .map(
        ([text, encoding]) =>
          new Uint8Array(
            encoding === "bom" ? Buffer.from(`\uFEFF${text}`, "utf8") : Buffer.from(text, encoding as BufferEncoding),
          ),
      );
    const xlsx = fc
      .array(fc.array(fc.oneof(cell, fc.double(), fc.boolean(), fc.constant(null)), { minLength: 10, maxLength: 10 }), {
        maxLength: 4,
      })
      .map(async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("Positions");
        sheet.addRow([...POSITION_COLUMNS]);
        for (const r of rows) sheet.addRow(r);
        sheet.getCell("A3").value = { formula: 'HYPERLINK("http://evil.example","x")', result: "x" };
        return new Uint8Array(await workbook.xlsx.writeBuffer());
      });
    const multipart = (bytes: Uint8Array, name: string | null) => {
      const form = new FormData();
      if (name === null) form.append("other", "no file here");
      else form.append("file", new Blob([bytes as BlobPart]), name);
      return form;
    };
    type Make = () => Promise<Partial<Case>>;
    const cases = fc.oneof(
      fc.tuple(fc.uint8Array({ maxLength: 3000 }), anyType).map(
        ([bytes, contentType]): Make =>
          async () => ({ body: bytes, contentType }),
      ),
      fc.tuple(encoded, fc.constantFrom<string | null>("text/csv", "text/plain", null)).map(
        ([bytes, contentType]): Make =>
          async () => ({ body: bytes, contentType }),
      ),
      fc.tuple(fc.array(positionRecord, { maxLength: 6 }), fc.boolean()).map(
        ([rows, wrapped]): Make =>
          async () => ({ body: render(wrapped ? { positions: rows } : rows), contentType: JSON_TYPE }),
      ),
      fc.constantFrom(...RAW_BODIES).map(
        (body): Make =>
          async () => ({ body, contentType: JSON_TYPE }),
      ),
      xlsx.map(
        (bytes): Make =>
          async () => ({ body: await bytes, contentType: XLSX_TYPE }),
      ),
      fc.tuple(xlsx, fc.nat(), fc.nat({ max: 255 })).map(
        ([bytes, at, value]): Make =>
          async () => {
            const broken = (await bytes).slice();
            broken[at % broken.length] = value;
            return { body: at % 3 === 0 ? broken.slice(0, at % broken.length) : broken, contentType: XLSX_TYPE };
          },
      ),
      fc
        .tuple(
          encoded,
          fc.constantFrom<string | null>(
            null,
            "positions.csv",
            "positions.CSV",
            "<script>.csv",
            "../../x.csv",
            "x.exe",
            "",
            "no-extension",
            "a.json",
            "b.xlsx",
          ),
        )
        .map(
          ([bytes, name]): Make =>
            async () => ({ body: multipart(bytes, name) }),
        ),
      fc.constant<Make>(async () => ({
        body: `position_value,strategy\n1,${"z".repeat(MAX_UPLOAD)}\n`,
        contentType: "text/csv",
      })),
      fc.integer({ min: MAX_ROWS + 1, max: MAX_ROWS + 40 }).map(
        (n): Make =>
          async () => ({
            body: ["position_value", ...Array.from({ length: n }, (_, i) => String(i + 1))].join("\n"),
            contentType: "text/csv",
          }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(target, options, cases, async (path, query, make) => {
        await h.check({ method: "POST", path, query, ...(await make()) });
      }),
      { numRuns: 160, seed: SEED },
    );
  });
});

describe("what the fuzz found, fixed in lib/ (each a regression test)", () => {
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const incompressible =
    Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 36).toString(36)).join("") + "QZ".repeat(200);
  test.each<[string, Case, number, string, string]>([
    [
      "a negative alert cursor (was a 500)",
      { method: "GET", path: "/api/alerts", query: "cursor=-5" },
      400,
      "invalid_input",
      "cursor",
    ],
    [
      "an alert cursor past 2^53 (was a 500)",
      { method: "GET", path: "/api/alerts", query: "cursor=99999999999999999999" },
      400,
      "invalid_input",
      "cursor",
    ],
    [
      "inline run positions nested 50,000 deep (was a 500)",
      { method: "POST", path: "/api/exposures/runs", body: `{"positions":[${deep(50_000)}]}`, contentType: JSON_TYPE },
      422,
      "invalid_data",
      "must be an object",
    ],
    [
      "an inline position attribute nested 50,000 deep (was a 500)",
      {
        method: "POST",
        path: "/api/exposures/runs",
        body: `{"positions":[{"position_value":5,"strategy":${deep(50_000)}}]}`,
        contentType: JSON_TYPE,
      },
      422,
      "invalid_data",
      "a deeply nested list",
    ],
    [
      "an imported attribute nested 50,000 deep (was a 500)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: `[{"position_value":5,"strategy":${deep(50_000)}}]`,
        contentType: JSON_TYPE,
      },
      422,
      "invalid_data",
      "a deeply nested list",
    ],
    [
      "a strategy too long for the index (was a 500)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: `position_value,strategy\n5,${incompressible}\n`,
        contentType: "text/csv",
      },
      422,
      "invalid_data",
      "longer than 200 characters",
    ],
    [
      "a position_id too long for the index (was a 500)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: `position_value,position_id\n5,${incompressible}\n`,
        contentType: "text/csv",
      },
      422,
      "invalid_data",
      "longer than 200 characters",
    ],
    [
      "inline positions with a value too long for the index (was a 500)",
      {
        method: "POST",
        path: "/api/exposures/runs",
        body: JSON.stringify({ positions: [{ position_value: 5, rent_band: incompressible }] }),
        contentType: JSON_TYPE,
      },
      422,
      "invalid_data",
      "longer than 200 characters",
    ],
    [
      "a NUL in an imported cell (the database refused it)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: "position_value,strategy\n5,a\u0000b\n",
        contentType: "text/csv",
      },
      422,
      "invalid_data",
      "NUL character",
    ],
    [
      "a NUL in a limit's value (the database refused it)",
      {
        method: "POST",
        path: "/api/thresholds",
        body: JSON.stringify({ dimensionType: "strategy", dimensionValue: "a\u0000b", thresholdPct: 5 }),
        contentType: JSON_TYPE,
      },
      400,
      "invalid_input",
      "NUL character",
    ],
    [
      "a limit value too long for the index",
      {
        method: "POST",
        path: "/api/thresholds",
        body: JSON.stringify({ dimensionType: "strategy", dimensionValue: incompressible, thresholdPct: 5 }),
        contentType: JSON_TYPE,
      },
      400,
      "invalid_input",
      "at most 200 characters",
    ],
    [
      "a NUL in a portfolio name (the database refused it)",
      {
        method: "POST",
        path: "/api/portfolios",
        body: JSON.stringify({ slug: "nul-name", name: "a\u0000b" }),
        contentType: JSON_TYPE,
      },
      400,
      "invalid_input",
      "NUL character",
    ],
    [
      "a NUL in a positions filter (the database refused it)",
      { method: "GET", path: "/api/positions", query: "strategy=%00" },
      400,
      "invalid_input",
      "NUL character",
    ],
    [
      "a NUL in a trend's value (the database refused it)",
      { method: "GET", path: "/api/exposures/trend", query: "dimensionType=strategy&dimensionValue=%00" },
      400,
      "invalid_input",
      "NUL character",
    ],
    [
      "a malformed path segment in the API (Next answered a bare 500)",
      { method: "POST", path: "/api/alerts/%E0%A4%A/acknowledge", body: "{}", contentType: JSON_TYPE },
      400,
      "invalid_input",
      "percent-encoded",
    ],
    [
      "a malformed path segment in a page (Next answered a bare 500)",
      { method: "GET", path: "/exposures/%ZZ" },
      400,
      "invalid_input",
      "percent-encoded",
    ],
    [
      "a Latin-1 CSV sent as a raw body (was stored with U+FFFD in place of é)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: new Uint8Array(Buffer.from("position_value,strategy\n5,caf\u00e9\n", "latin1")),
        contentType: "text/csv",
      },
      422,
      "invalid_data",
      "not UTF-8",
    ],
    [
      "a multipart body whose boundary does not match (was a 500)",
      {
        method: "POST",
        path: "/api/positions/import",
        body: "--x\r\nnot a part",
        contentType: "multipart/form-data; boundary=nope",
      },
      400,
      "invalid_input",
      "multipart",
    ],
  ])("%s", async (_label, c, status, code, text) => {
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
