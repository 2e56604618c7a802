import fc from "fast-check";
import { DIMENSIONS } from "@/lib/engine/types";
import type { Harness } from "./hostile";
import { JSON_TYPE } from "./hostile-case";
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
  rawNumber,
} from "./hostile-values";

// The requests tests/api/fuzz.test.ts sends to the JSON endpoints and the GET endpoints, as
// fast-check arbitraries over the Harness's portfolio and the ids it knows.

/** A request to one of the JSON body endpoints, its body mostly shaped like that endpoint's schema. */
export function jsonEndpointRequests(h: Harness, maxJsonBytes: number) {
  const pct = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.double(), rawNumber) as fc.Arbitrary<Json>;
  const thresholdFields = {
    dimensionType: field(fc.constantFrom<Json>(...DIMENSIONS)),
    dimensionValue: field(fc.oneof(hostileText, fc.constant(null)) as fc.Arbitrary<Json>),
    thresholdPct: field(pct),
    thresholdType: field(fc.constantFrom<Json>("maximum", "minimum")),
    severityLevel: field(fc.constantFrom<Json>("warning", "critical")),
    isActive: field(fc.boolean()),
    reference: field(fc.oneof(hostileText, fc.constant(null), fc.constant("r".repeat(201))) as fc.Arbitrary<Json>),
    note: field(fc.oneof(hostileText, fc.constant(null), fc.constant("n".repeat(1001))) as fc.Arbitrary<Json>),
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
  const body = (shaped: fc.Arbitrary<Json>) => jsonBody(shaped, maxJsonBytes);
  return fc.oneof(
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
    body(
      objectOf({
        trades: field(
          fc.array(
            fc.oneof(
              objectOf({
                action: field(fc.constant<Json>("buy")),
                position: field(positionRecord as fc.Arbitrary<Json>),
              }),
              objectOf({
                action: field(fc.constantFrom<Json>("sell", "revalue", "hold")),
                positionId: field(fc.oneof(fc.constantFrom<Json>("P1", "P2"), hostileText) as fc.Arbitrary<Json>),
                value: field(pct),
                positionValue: field(pct),
              }),
            ),
            { maxLength: 4 },
          ) as fc.Arbitrary<Json>,
        ),
        shocks: field(
          fc.array(
            objectOf({
              dimensionType: field(fc.constantFrom<Json>(...DIMENSIONS)),
              dimensionValue: field(fc.oneof(hostileText, fc.constant(null)) as fc.Arbitrary<Json>),
              valueChangePct: field(fc.oneof(fc.double(), rawNumber) as fc.Arbitrary<Json>),
            }),
            { maxLength: 3 },
          ) as fc.Arbitrary<Json>,
        ),
      }),
    ).map((b) => ({ method: "POST", path: "/api/scenarios/evaluate", body: b })),
    body(objectOf({ position: field(positionRecord as fc.Arbitrary<Json>) })).map((b) => ({
      method: "POST",
      path: "/api/scenarios/max-acquisition",
      body: b,
    })),
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
    // Issue 11: waivers, a portfolio's schedule, the caller's own subscription.
    fc
      .tuple(
        pathId(() => h.known.alert),
        body(
          objectOf({
            reason: field(fc.oneof(hostileText, fc.constant("r".repeat(2001))) as fc.Arbitrary<Json>),
            until: field(isoDate),
          }),
        ),
      )
      .map(([id, b]) => ({ method: "POST", path: `/api/alerts/${id}/waive`, body: b })),
    fc
      .tuple(
        pathId(() => h.known.alert),
        body(transition),
      )
      .map(([id, b]) => ({ method: "POST", path: `/api/alerts/${id}/unwaive`, body: b })),
    body(
      objectOf({
        cron: field(
          fc.oneof(
            hostileText,
            fc.constantFrom<Json>("0 6 * * *", "* * * * * * * *", "61 * * * *", "0 0 30 2 *", null),
          ) as fc.Arbitrary<Json>,
        ),
        staleAfterDays: field(
          fc.oneof(fc.integer({ min: -5, max: 4000 }), rawNumber, hostileText) as fc.Arbitrary<Json>,
        ),
      }),
    ).map((b) => ({ method: "PUT", path: `/api/portfolios/${h.slug}/schedule`, body: b })),
    body(
      objectOf({
        mode: field(fc.constantFrom<Json>("immediate", "digest", "none", "weekly", "")),
        digestHour: field(fc.oneof(fc.integer({ min: -2, max: 26 }), rawNumber) as fc.Arbitrary<Json>),
        minSeverity: field(fc.constantFrom<Json>("warning", "critical", "info")),
        portfolios: field(fc.array(fc.oneof(hostileText, fc.constant(h.slug)), { maxLength: 3 }) as fc.Arbitrary<Json>),
      }),
    ).map((b) => ({ method: "PUT", path: "/api/notifications/subscription", body: b })),
    body(
      objectOf({
        slug: field(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.constant(h.slug)) as fc.Arbitrary<Json>),
        name: field(hostileText as fc.Arbitrary<Json>),
      }),
    ).map((b) => ({ method: "POST", path: "/api/portfolios", body: b })),
  );
}

/** Mostly JSON; sometimes no Content-Type or one a JSON endpoint does not take. */
export const jsonContentType = fc.oneof(
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

/** A GET of any endpoint with a random query string, on the Harness's portfolio, another one or none. */
export function getRequests(h: Harness) {
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
        "q",
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
    ["/api/exposures/capacity", ["dimensionType"]],
    ["/api/reference/msas", ["q", "limit"]],
    ["/api/exposures/runs", ["from", "to"]],
    ["/api/exposures/trend", ["dimensionType", "dimensionValue", "from", "to"]],
    ["/api/geographic", ["runId"]],
    ["/api/dashboard", []],
    ["/api/thresholds", []],
    ["/api/alerts", ["status", "severity", "dimensionType", "limit", "cursor"]],
    ["/api/alerts/summary", []],
    ["/api/exports/exposures", ["runId", "format"]],
    // Issue 12: a portfolio by slug, the list with archived ones, the firm roll-up and its CSV.
    [`/api/portfolios/${h.slug}`, []],
    ["/api/portfolios", ["include"]],
    ["/api/firm", []],
    ["/api/exports/firm", ["format"]],
    ["/api/alerts/:alert", []],
    ["/api/exposures/runs/:run", []],
    [`/api/portfolios/${h.slug}/schedule`, []],
    ["/api/notifications/subscription", []],
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
  return fc
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
}
