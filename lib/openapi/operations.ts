import type { z } from "zod";
import type { Role } from "../auth/roles";
import type { ErrorCode } from "../errors";
import * as s from "../schemas";
import * as r from "./responses";

// Every operation of the REST API, one entry per route handler export, in the words of
// app/api/**/route.ts: its role, its parameters (the handler's own zod schemas), its answer. The
// OpenAPI document (document.ts) is built from this list; tests/api/openapi-coverage.test.ts fails
// when a route handler has no entry here, or an entry names no handler or another role.

export type Access = "public" | Role;
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer: a JSON schema, a downloaded file, or nothing (204). */
export type Answer = z.ZodType | "file" | null;

export interface Operation {
  summary: string;
  description?: string;
  tag: string;
  /** Takes `?portfolio=<slug>` (portfolioRoute): the operation is about one portfolio. */
  portfolio?: boolean;
  /** Path parameters: name → what it names. */
  params?: Record<string, string>;
  /** The query schema the handler parses with (a z.object). */
  query?: z.ZodObject;
  /** The JSON body schema the handler parses with, named in components; or a positions file. */
  body?: { name: string; schema: z.ZodType; rewrite?: (json: JsonSchema) => void } | "upload";
  /** The success answers by status. */
  ok: Record<number, Answer>;
  /** A cached read: answers with an ETag, and 304 to a matching If-None-Match. */
  snapshot?: boolean;
  /** Failures worth naming beyond those every operation of its kind has, with when they happen. */
  errors?: Partial<Record<ErrorCode, string>>;
}

export type JsonSchema = { [key: string]: unknown };

const ID = { id: "the record's id (a uuid; anything else is a 404)" };
const upload = "upload" as const;

/**
 * Keyed `METHOD /api/path/{param}`, as the access test's policy table is keyed (with `[param]`).
 * To document a new route handler: add its entry here (the coverage test names what is missing).
 */
export const OPERATIONS: Record<string, { role: Access } & Operation> = {
  "GET /api/health": {
    role: "public",
    tag: "Service",
    summary: "Health",
    description: "Open to all: load balancers ask it. 503 when the database cannot be reached.",
    ok: { 200: r.health },
  },
  "GET /api/openapi.json": {
    role: "public",
    tag: "Service",
    summary: "This document",
    description: "The OpenAPI 3.1 description of the REST API, built from the handlers' own schemas.",
    ok: { 200: r.openApiDocument },
  },
  "GET /api/portfolios": {
    role: "viewer",
    tag: "Portfolios",
    summary: "List portfolios",
    description: "The active ones; `include=archived` lists archived portfolios too.",
    query: s.portfolioListSchema,
    ok: { 200: r.portfolioList },
  },
  "GET /api/portfolios/{slug}": {
    role: "viewer",
    tag: "Portfolios",
    summary: "A portfolio",
    description: "Archived or not.",
    params: { slug: "the portfolio's slug" },
    ok: { 200: r.portfolioDetail },
  },
  "PATCH /api/portfolios/{slug}": {
    role: "admin",
    tag: "Portfolios",
    summary: "Rename a portfolio",
    description: "The slug never changes: URLs, cookies and API clients use it.",
    params: { slug: "the portfolio's slug" },
    body: { name: "PortfolioUpdate", schema: s.portfolioUpdateSchema },
    ok: { 200: r.portfolioDetail },
  },
  "POST /api/portfolios/{slug}/archive": {
    role: "admin",
    tag: "Portfolios",
    summary: "Archive a portfolio",
    description: "It leaves the picker, the firm roll-up, schedules and the digest; its data stays readable.",
    params: { slug: "the portfolio's slug" },
    ok: { 200: r.portfolioDetail },
    errors: { conflict: "the default portfolio, or one already archived" },
  },
  "POST /api/portfolios/{slug}/unarchive": {
    role: "admin",
    tag: "Portfolios",
    summary: "Unarchive a portfolio",
    params: { slug: "the portfolio's slug" },
    ok: { 200: r.portfolioDetail },
    errors: { conflict: "the portfolio is not archived" },
  },
  "GET /api/firm": {
    role: "viewer",
    tag: "Firm",
    summary: "The firm roll-up",
    description:
      "Every active portfolio's latest run added up: dollars and share of the firm per value, and which funds hold it.",
    ok: { 200: r.firm },
  },
  "GET /api/exports/firm": {
    role: "viewer",
    tag: "Firm",
    summary: "Export the firm roll-up",
    query: s.firmExportSchema,
    ok: { 200: "file" },
  },
  "POST /api/portfolios": {
    role: "manager",
    tag: "Portfolios",
    summary: "Create a portfolio",
    body: { name: "PortfolioCreate", schema: s.portfolioCreateSchema },
    ok: { 201: r.portfolio },
    errors: { conflict: "the slug is taken" },
  },
  "GET /api/portfolios/{slug}/schedule": {
    role: "viewer",
    tag: "Portfolios",
    summary: "A portfolio's schedule",
    params: { slug: "the portfolio's slug" },
    ok: { 200: r.schedule },
  },
  "PUT /api/portfolios/{slug}/schedule": {
    role: "manager",
    tag: "Portfolios",
    summary: "Set a portfolio's schedule",
    description: "A cron expression in UTC (null: none) and the stale-data allowance in days.",
    params: { slug: "the portfolio's slug" },
    body: { name: "ScheduleInput", schema: s.scheduleSchema },
    ok: { 200: r.schedule },
  },
  "GET /api/positions": {
    role: "viewer",
    tag: "Positions",
    summary: "List positions",
    description:
      "Paged (`cursor` keyset or `offset`), filtered by normalised value (`unknown` finds missing), sorted; `q` finds a substring of position_id or asset_id.",
    portfolio: true,
    query: s.positionListSchema,
    ok: { 200: r.positionPage },
  },
  "POST /api/positions/import": {
    role: "manager",
    tag: "Positions",
    summary: "Import positions",
    description:
      "Replace or upsert the book from a CSV, JSON or XLSX file. Nothing is stored when a row is rejected (`onError=reject`). Each column of the file is one of ours by `mapping`, else the portfolio's remembered mapping, else its name, else a synonym (`Market Value`, `Metro`, `Year Built`, `Unit Count`…); a stored import with a `mapping` remembers it for the portfolio.",
    portfolio: true,
    query: s.importOptionsSchema,
    body: upload,
    ok: { 201: r.importResult },
    errors: {
      invalid_data:
        "rows were rejected (the details name each row and column); or no column is mapped to position_value (`columns` lists the file's columns); or `mapping` names a header the file does not have",
      too_large: "over the upload or row limit",
    },
  },
  "POST /api/positions/preview": {
    role: "manager",
    tag: "Positions",
    summary: "Preview an import",
    description:
      "Parses and validates an upload exactly as the import would, and stores nothing. `columns` says which of our columns each column of the file is, and why; when none is position_value the answer is the import's 422, whose `error.columns` lists the file's columns so that a `mapping` can be sent.",
    portfolio: true,
    query: s.importOptionsSchema.omit({ onError: true }),
    body: upload,
    ok: { 200: r.importPreview },
    errors: {
      invalid_data:
        "the file cannot be read, no column is mapped to position_value (`columns` lists the file's columns), or `mapping` names a header the file does not have",
      too_large: "over the upload or row limit",
    },
  },
  "GET /api/positions/export": {
    role: "viewer",
    tag: "Positions",
    summary: "Export positions",
    description: "The same columns as the import; re-importable.",
    portfolio: true,
    query: s.exportQuerySchema.pick({ format: true }),
    ok: { 200: "file" },
  },
  "GET /api/positions/batches": {
    role: "viewer",
    tag: "Positions",
    summary: "Import history",
    description: "The newest 50 import batches with their row errors.",
    portfolio: true,
    ok: { 200: r.importBatches },
  },
  "GET /api/exposures/runs": {
    role: "viewer",
    tag: "Exposures",
    summary: "List runs",
    portfolio: true,
    query: s.dateRangeSchema,
    ok: { 200: r.runList },
  },
  "POST /api/exposures/runs": {
    role: "manager",
    tag: "Exposures",
    summary: "Compute a run",
    description:
      "Computes exposures as of a date (default today) from the stored positions, or from `positions` sent inline, and checks the limits.",
    portfolio: true,
    body: { name: "RunCreate", schema: s.runCreateSchema },
    ok: { 201: r.runResult },
    errors: { invalid_data: "the portfolio has no positions, or an inline position is bad" },
  },
  "GET /api/exposures/runs/{id}": {
    role: "viewer",
    tag: "Exposures",
    summary: "One run",
    portfolio: true,
    params: ID,
    snapshot: true,
    ok: { 200: r.runDetail },
  },
  "GET /api/exposures/latest": {
    role: "viewer",
    tag: "Exposures",
    summary: "The latest run",
    description: "404 when no run has been computed yet.",
    portfolio: true,
    snapshot: true,
    ok: { 200: r.runDetail },
  },
  "GET /api/exposures/trend": {
    role: "viewer",
    tag: "Exposures",
    summary: "A value's trend",
    portfolio: true,
    query: s.trendQuerySchema,
    snapshot: true,
    ok: { 200: r.trend },
  },
  "POST /api/exposures/compare": {
    role: "viewer",
    tag: "Exposures",
    summary: "Compare a run against limits not stored",
    description:
      "Writes nothing. `limits` is either a maximum % per dimension or an array of up to 100 limits of any kind, each as `POST /api/thresholds` takes one.",
    portfolio: true,
    body: { name: "Compare", schema: s.compareSchema, rewrite: compareLimits },
    ok: { 200: r.comparison },
  },
  "GET /api/exposures/capacity": {
    role: "viewer",
    tag: "What-if",
    summary: "Capacity under each limit",
    portfolio: true,
    query: s.capacityQuerySchema,
    snapshot: true,
    ok: { 200: r.capacityList },
  },
  "POST /api/scenarios/evaluate": {
    role: "viewer",
    tag: "What-if",
    summary: "Evaluate a what-if",
    description:
      "Trades and shocks against the current book and active limits; writes nothing. A bad trade or shock is a 422 naming it (`trades[2].position_value`).",
    portfolio: true,
    body: { name: "ScenarioEvaluate", schema: s.scenarioEvaluateSchema, rewrite: tradesAndShocks },
    ok: { 200: r.whatIf },
    errors: { invalid_data: "a trade or shock the book cannot take" },
  },
  "POST /api/scenarios/max-acquisition": {
    role: "viewer",
    tag: "What-if",
    summary: "Largest acquisition the limits allow",
    portfolio: true,
    body: { name: "MaxAcquisition", schema: s.maxAcquisitionSchema },
    ok: { 200: r.maxAcquisition },
  },
  "GET /api/scenarios": {
    role: "viewer",
    tag: "What-if",
    summary: "Saved scenarios",
    portfolio: true,
    ok: { 200: r.scenarioList },
  },
  "POST /api/scenarios": {
    role: "manager",
    tag: "What-if",
    summary: "Save a scenario",
    portfolio: true,
    body: { name: "ScenarioCreate", schema: s.scenarioCreateSchema, rewrite: tradesAndShocks },
    ok: { 201: r.scenario },
  },
  "GET /api/scenarios/{id}": {
    role: "viewer",
    tag: "What-if",
    summary: "A saved scenario, re-evaluated",
    portfolio: true,
    params: ID,
    ok: { 200: r.scenario },
  },
  "PATCH /api/scenarios/{id}": {
    role: "manager",
    tag: "What-if",
    summary: "Edit a saved scenario",
    portfolio: true,
    params: ID,
    body: { name: "ScenarioUpdate", schema: s.scenarioUpdateSchema, rewrite: tradesAndShocks },
    ok: { 200: r.scenario },
    errors: { conflict: "the scenario was committed" },
  },
  "DELETE /api/scenarios/{id}": {
    role: "manager",
    tag: "What-if",
    summary: "Delete a saved scenario",
    portfolio: true,
    params: ID,
    ok: { 204: null },
  },
  "POST /api/scenarios/{id}/commit": {
    role: "manager",
    tag: "What-if",
    summary: "Commit a scenario to the book",
    description: "Applies the trades in one transaction, recorded as an import batch, and recomputes today's run.",
    portfolio: true,
    params: ID,
    ok: { 200: r.scenarioCommit },
    errors: { conflict: "a position it sells or revalues changed since it was saved, or it was committed" },
  },
  "GET /api/reference/msas": {
    role: "viewer",
    tag: "Reference",
    summary: "Find MSAs (CBSAs)",
    query: s.msaSearchSchema,
    ok: { 200: r.msaList },
  },
  "GET /api/geographic": {
    role: "viewer",
    tag: "Exposures",
    summary: "Geographic concentration",
    portfolio: true,
    query: s.runRefSchema,
    snapshot: true,
    ok: { 200: r.geographic },
  },
  "GET /api/dashboard": {
    role: "viewer",
    tag: "Exposures",
    summary: "The overview's data",
    portfolio: true,
    snapshot: true,
    ok: { 200: r.dashboard },
  },
  "GET /api/thresholds": {
    role: "viewer",
    tag: "Limits",
    summary: "List limits",
    portfolio: true,
    snapshot: true,
    ok: { 200: r.limitList },
  },
  "POST /api/thresholds": {
    role: "manager",
    tag: "Limits",
    summary: "Create a limit",
    description:
      "Which fields a kind of limit takes is checked on the whole limit; a bad one is a 400 naming each field.",
    portfolio: true,
    body: { name: "LimitCreate", schema: s.limitCreateSchema },
    ok: { 201: r.limit },
    errors: { conflict: "an identical limit exists" },
  },
  "PATCH /api/thresholds/{id}": {
    role: "manager",
    tag: "Limits",
    summary: "Change a limit",
    portfolio: true,
    params: ID,
    body: { name: "LimitUpdate", schema: s.limitUpdateSchema },
    ok: { 200: r.limit },
    errors: { conflict: "an identical limit exists" },
  },
  "DELETE /api/thresholds/{id}": {
    role: "manager",
    tag: "Limits",
    summary: "Delete a limit",
    portfolio: true,
    params: ID,
    ok: { 204: null },
  },
  "GET /api/alerts": {
    role: "viewer",
    tag: "Alerts",
    summary: "List alerts",
    description: "Newest first; `status=open` is active and acknowledged.",
    portfolio: true,
    query: s.alertListSchema,
    snapshot: true,
    ok: { 200: r.alertPage },
  },
  "GET /api/alerts/summary": {
    role: "viewer",
    tag: "Alerts",
    summary: "Open alerts by severity",
    portfolio: true,
    snapshot: true,
    ok: { 200: r.alertCounts },
  },
  "GET /api/alerts/{id}": {
    role: "viewer",
    tag: "Alerts",
    summary: "One alert with its history",
    portfolio: true,
    params: ID,
    ok: { 200: r.alertDetail },
  },
  "POST /api/alerts/{id}/acknowledge": {
    role: "manager",
    tag: "Alerts",
    summary: "Acknowledge an alert",
    portfolio: true,
    params: ID,
    body: { name: "AlertComment", schema: s.acknowledgeSchema },
    ok: { 200: r.alertWithHistory },
    errors: { conflict: "the alert is not active" },
  },
  "POST /api/alerts/{id}/resolve": {
    role: "manager",
    tag: "Alerts",
    summary: "Resolve an alert",
    portfolio: true,
    params: ID,
    body: { name: "AlertComment", schema: s.resolveSchema },
    ok: { 200: r.alertWithHistory },
    errors: { conflict: "the alert is already resolved" },
  },
  "POST /api/alerts/{id}/waive": {
    role: "manager",
    tag: "Alerts",
    summary: "Waive an alert until a date",
    portfolio: true,
    params: ID,
    body: { name: "Waiver", schema: s.waiveSchema },
    ok: { 200: r.alertWithHistory },
    errors: { conflict: "the alert is resolved or already waived" },
  },
  "POST /api/alerts/{id}/unwaive": {
    role: "manager",
    tag: "Alerts",
    summary: "End an alert's waiver",
    portfolio: true,
    params: ID,
    body: { name: "AlertComment", schema: s.resolveSchema },
    ok: { 200: r.alertWithHistory },
    errors: { conflict: "the alert is not waived" },
  },
  "GET /api/exports/exposures": {
    role: "viewer",
    tag: "Exposures",
    summary: "Export a run's exposures",
    portfolio: true,
    query: s.exportQuerySchema,
    snapshot: true,
    ok: { 200: "file" },
  },
  "GET /api/admin/users": { role: "admin", tag: "Admin", summary: "List users", ok: { 200: r.userList } },
  "POST /api/admin/users": {
    role: "admin",
    tag: "Admin",
    summary: "Create a user",
    body: { name: "UserCreate", schema: s.userCreateSchema },
    ok: { 201: r.user },
    errors: { conflict: "the email is taken" },
  },
  "PATCH /api/admin/users/{id}": {
    role: "admin",
    tag: "Admin",
    summary: "Change a user's role",
    params: { id: "the user's id" },
    body: { name: "RoleUpdate", schema: s.roleUpdateSchema },
    ok: { 200: r.user },
    errors: { conflict: "the last admin keeps the role" },
  },
  "GET /api/admin/tokens": { role: "admin", tag: "Admin", summary: "List API tokens", ok: { 200: r.apiTokenList } },
  "POST /api/admin/tokens": {
    role: "admin",
    tag: "Admin",
    summary: "Create an API token",
    description: "The answer carries the token itself: the only time it is ever shown.",
    body: { name: "TokenCreate", schema: s.tokenCreateSchema },
    ok: { 201: r.apiTokenCreated },
  },
  "DELETE /api/admin/tokens/{id}": {
    role: "admin",
    tag: "Admin",
    summary: "Revoke an API token",
    params: ID,
    ok: { 204: null },
  },
  "GET /api/admin/audit": {
    role: "admin",
    tag: "Admin",
    summary: "The audit log",
    query: s.auditQuerySchema,
    ok: { 200: r.auditPage },
  },
  "GET /api/notifications/channels": {
    role: "admin",
    tag: "Notifications",
    summary: "List channels",
    ok: { 200: r.channelList },
  },
  "POST /api/notifications/channels": {
    role: "admin",
    tag: "Notifications",
    summary: "Create a channel",
    description:
      "Email takes `recipients`; webhook a `url` and a `secret`; slack a `url`. The secret is never returned.",
    body: { name: "ChannelCreate", schema: s.channelCreateSchema },
    ok: { 201: r.channel },
  },
  "PATCH /api/notifications/channels/{id}": {
    role: "admin",
    tag: "Notifications",
    summary: "Change a channel",
    params: ID,
    body: { name: "ChannelUpdate", schema: s.channelUpdateSchema },
    ok: { 200: r.channel },
  },
  "DELETE /api/notifications/channels/{id}": {
    role: "admin",
    tag: "Notifications",
    summary: "Delete a channel",
    params: ID,
    ok: { 204: null },
  },
  "POST /api/notifications/channels/{id}/test": {
    role: "admin",
    tag: "Notifications",
    summary: "Send a test event",
    params: ID,
    ok: { 200: r.channelTest },
  },
  "GET /api/notifications/deliveries": {
    role: "admin",
    tag: "Notifications",
    summary: "List deliveries",
    query: s.deliveryListSchema,
    ok: { 200: r.deliveryPage },
  },
  "POST /api/notifications/deliveries/{id}/retry": {
    role: "admin",
    tag: "Notifications",
    summary: "Retry a delivery now",
    params: ID,
    ok: { 200: r.delivery },
    errors: { conflict: "the delivery was sent" },
  },
  "GET /api/notifications/subscription": {
    role: "viewer",
    tag: "Notifications",
    summary: "Your subscription",
    description: "The caller's own (an API token acts as its owner).",
    ok: { 200: r.subscription },
  },
  "PUT /api/notifications/subscription": {
    role: "viewer",
    tag: "Notifications",
    summary: "Set your subscription",
    description: "Fields left out keep what is stored.",
    body: { name: "SubscriptionUpdate", schema: s.subscriptionUpdateSchema },
    ok: { 200: r.subscription },
    errors: { conflict: "there is no user to subscribe (AKER_AUTH=off)" },
  },
};

/** compare's `limits` is chosen by shape in code (compareSchema); the document names both shapes. */
function compareLimits(json: JsonSchema): void {
  const properties = json.properties as Record<string, JsonSchema>;
  properties.limits = {
    oneOf: [
      {
        type: "object",
        description: "A maximum % (0–100) per dimension: `{ strategy: 40, state: 35 }`.",
        propertyNames: { enum: [...s.dimensionSchema.options] },
        additionalProperties: { type: "number", minimum: 0, maximum: 100 },
        minProperties: 1,
      },
      {
        type: "array",
        description: "Limits of any kind, each as POST /api/thresholds takes one.",
        items: { $ref: "#/components/schemas/LimitCreate" },
        minItems: 1,
        maxItems: s.MAX_COMPARE_LIMITS,
      },
    ],
  };
}

/** Trades and shocks are checked one by one by the engine (lib/engine/scenario.ts); their shapes. */
function tradesAndShocks(json: JsonSchema): void {
  const properties = json.properties as Record<string, JsonSchema>;
  if (properties.trades) properties.trades = { ...properties.trades, items: { $ref: "#/components/schemas/Trade" } };
  if (properties.shocks) properties.shocks = { ...properties.shocks, items: { $ref: "#/components/schemas/Shock" } };
}
