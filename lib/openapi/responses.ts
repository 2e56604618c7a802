import { z } from "zod";
import { ROLES } from "../auth/roles";
import { POSITION_COLUMNS } from "../engine/normalize";
import { BASES, DIMENSIONS, LIMIT_KINDS } from "../engine/types";
import { ERROR_STATUS } from "../errors";
import { ALERT_STATUSES, CHANNEL_KINDS, SUBSCRIPTION_MODES } from "../schemas";

// What the API answers, as zod schemas for the OpenAPI document (lib/openapi/document.ts). The
// request schemas are the handlers' own (lib/schemas.ts); answers are built by the services as
// typed objects, so these restate those types. Objects are open (a new field does not break a
// client) but list every field a client may rely on as required; tests/api/openapi.test.ts checks
// real answers against them. Where an answer is large and still moving (the dashboard, a
// what-if) the schema names its top-level fields only and says so.

const timestamp = z.string().meta({ format: "date-time", description: "UTC, ISO 8601" });
const isoDate = z.string().meta({ format: "date", description: "a calendar date, YYYY-MM-DD" });
const uuid = z.string().meta({ format: "uuid" });
const dimension = z.enum(DIMENSIONS);
const severity = z.enum(["warning", "critical"]);
const open = z.looseObject;

/** Only the top-level fields, each left open: for answers documented in prose (README). */
function loose(description: string, fields: string[]) {
  return open(Object.fromEntries(fields.map((f) => [f, z.unknown()]))).meta({ description });
}

export const fieldIssue = z
  .object({
    row: z.int().optional().meta({ description: "the data row (1 = the first row after the header)" }),
    field: z.string().meta({ description: "the field or column, `limits[1].thresholdAmount` inside arrays" }),
    message: z.string(),
  })
  .meta({ id: "FieldIssue" });

export const resolvedColumn = open({
  header: z.string().meta({ description: "the file's header, as spelled there" }),
  column: z.enum(POSITION_COLUMNS).nullable().meta({ description: "the column it is imported as; null: ignored" }),
  source: z.enum(["mapping", "remembered", "name", "synonym"]).nullable().meta({
    description:
      "why: the request's `mapping`, the portfolio's remembered mapping, our own column name, a synonym (README); null: not recognised",
  }),
}).meta({ id: "ImportColumn" });

export const errorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
      message: z.string().min(1).meta({ description: "for people: what was wrong, naming the field or row" }),
      details: z.array(fieldIssue).optional(),
      columns: z.array(resolvedColumn).optional().meta({
        description:
          "only on an import or preview whose file has no column mapped to position_value (422): every column of the file and what it maps to, so a client can send a `mapping`",
      }),
    }),
  })
  .meta({ id: "Error", description: "The one error shape of every endpoint (lib/http/respond.ts)." });

export const health = open({ status: z.literal("ok"), database: z.enum(["postgres", "pglite"]) }).meta({
  id: "Health",
});

export const openApiDocument = loose("This document.", ["openapi", "info", "paths", "components"]);

export const portfolio = open({ id: uuid, slug: z.string(), name: z.string() }).meta({ id: "Portfolio" });
export const portfolioDetail = open({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  archivedAt: timestamp.nullable(),
}).meta({
  id: "PortfolioDetail",
  description: "A portfolio with its archive time (null: active).",
});
export const portfolioList = open({ items: z.array(portfolioDetail) });

export const rowError = open({ row: z.int(), field: z.string(), message: z.string() }).meta({ id: "RowError" });

export const importResult = open({
  batchId: uuid.nullable(),
  received: z.int(),
  imported: z.int(),
  rejected: z.array(rowError),
  ignoredColumns: z.array(z.string()),
  columns: z.array(resolvedColumn),
}).meta({ id: "ImportResult" });

export const importPreview = open({
  received: z.int(),
  valid: z.int(),
  rejected: z.array(rowError),
  rejectedRows: z.int(),
  ignoredColumns: z.array(z.string()),
  columns: z.array(resolvedColumn).meta({ description: "every column of the file, in file order" }),
  sample: z.array(open({ row: z.int() })).meta({ description: "the first 10 valid rows, normalised" }),
  stored: z.int().meta({ description: "positions stored now: what replace would remove" }),
}).meta({ id: "ImportPreview" });

export const position = open({
  id: z.int(),
  positionId: z.string().nullable(),
  assetId: z.string().nullable(),
  msaId: z.string().nullable(),
  strategy: z.string().nullable(),
  state: z.string().nullable(),
  vintage: z.int().nullable(),
  constructionType: z.string().nullable(),
  rentBand: z.string().nullable(),
  positionValue: z.number(),
  units: z.number().nullable(),
  ownershipPct: z.number(),
  batchId: uuid.nullable(),
  updatedAt: timestamp,
}).meta({ id: "Position" });

export const positionPage = open({
  items: z.array(position),
  total: z.int(),
  nextCursor: z.string().optional().meta({ description: "send as `cursor` for the next page; absent on the last" }),
});

export const importBatches = open({
  items: z.array(
    open({
      id: uuid,
      mode: z.string(),
      onError: z.string().nullable(),
      format: z.string().nullable(),
      sourceName: z.string().nullable(),
      received: z.int(),
      imported: z.int(),
      rejectedCount: z.int(),
      createdAt: timestamp,
      errors: z.array(rowError),
    }),
  ),
});

export const exposureBucket = open({
  dimensionType: dimension,
  dimensionValue: z.string(),
  exposureValue: z.number(),
  exposurePct: z.number(),
  positionCount: z.int(),
  exposureUnits: z.number(),
  unitsCount: z.int(),
}).meta({ id: "ExposureBucket" });

const concentration = open({
  top1Pct: z.number(),
  top3Pct: z.number(),
  count: z.int(),
  hhi: z.number(),
  effectiveN: z.number(),
  coveragePct: z.number(),
});

const runSummaryFields = {
  id: uuid,
  runId: uuid,
  asOfDate: isoDate,
  source: z.string(),
  totalPortfolioValue: z.number(),
  positionCount: z.int(),
  computedAt: timestamp,
};
export const runSummary = open(runSummaryFields).meta({ id: "RunSummary" });
export const runList = open({ items: z.array(runSummary) });
export const runDetail = open({
  ...runSummaryFields,
  exposures: z.array(exposureBucket),
  concentration: z.record(z.string(), concentration).meta({ description: "per dimension" }),
}).meta({ id: "RunDetail" });
export const runResult = open({
  ...runDetail.shape,
  alerts: open({ opened: z.int(), updated: z.int(), resolved: z.int() }),
  alertsEvaluated: z.boolean(),
}).meta({ id: "RunResult" });

export const limit = open({
  id: uuid,
  dimensionType: dimension,
  dimensionValue: z.string().nullable(),
  kind: z.enum(LIMIT_KINDS),
  basis: z.enum(BASES),
  thresholdType: z.enum(["maximum", "minimum"]).nullable(),
  thresholdPct: z.number().nullable(),
  thresholdAmount: z.number().nullable(),
  thresholdCount: z.int().nullable(),
  topN: z.int().nullable(),
  thresholdHhi: z.number().nullable(),
  targetPct: z.number().nullable(),
  bandPp: z.number().nullable(),
  severityLevel: severity,
  isActive: z.boolean(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: "Limit" });
export const limitList = open({ items: z.array(limit) });

export const alert = open({
  id: uuid,
  thresholdId: uuid.nullable(),
  runId: uuid.nullable(),
  dimensionType: z.string(),
  dimensionValue: z.string(),
  kind: z.enum([...LIMIT_KINDS, "data"]),
  basis: z.enum(BASES),
  severity,
  status: z.enum(ALERT_STATUSES),
  thresholdType: z.string().nullable(),
  exposurePct: z.number().nullable(),
  thresholdPct: z.number().nullable(),
  breachPct: z.number().nullable(),
  breachUnit: z.enum(["pp", "usd", "units", "count", "hhi", "days"]),
  alertMessage: z.string(),
  breachSince: isoDate.nullable(),
  daysInBreach: z.int().nullable(),
  limitReference: z.string().nullable(),
  limitNote: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: timestamp.nullable(),
  comment: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  waivedBy: z.string().nullable(),
  waivedAt: timestamp.nullable(),
  waivedUntil: isoDate.nullable(),
  waiverReason: z.string().nullable(),
  lastSeenAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: "Alert" });
export const alertPage = open({ items: z.array(alert), nextCursor: z.string().optional() });
const alertEvent = open({
  id: z.int(),
  kind: z.string(),
  actor: z.string().nullable(),
  comment: z.string().nullable(),
  exposurePct: z.number().nullable(),
  createdAt: timestamp,
});
export const alertWithHistory = open({ ...alert.shape, history: z.array(alertEvent) }).meta({ id: "AlertWithHistory" });
export const alertDetail = open({
  ...alertWithHistory.shape,
  breachSnapshots: z.array(open({ asOfDate: isoDate, measure: z.number(), line: z.number(), breached: z.boolean() })),
}).meta({ id: "AlertDetail" });
export const alertCounts = open({ warning: z.int(), critical: z.int(), total: z.int() });

export const schedule = open({
  cron: z.string().nullable(),
  staleAfterDays: z.int(),
  nextRunAt: timestamp.nullable(),
  lastRunAt: timestamp.nullable(),
}).meta({ id: "Schedule" });

export const subscription = open({
  mode: z.enum(SUBSCRIPTION_MODES),
  digestHour: z.int(),
  minSeverity: severity,
  portfolios: z.array(z.string()),
  email: z.string(),
  updatedAt: timestamp.nullable(),
  warning: z.string().optional().meta({ description: "when this server cannot send email (saved all the same)" }),
}).meta({ id: "Subscription" });

export const msaList = open({
  items: z.array(open({ code: z.string(), title: z.string(), kind: z.enum(["metro", "micro"]) })),
});

export const user = open({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: timestamp,
}).meta({ id: "User" });
export const userList = open({ items: z.array(user) });

export const apiToken = open({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  userEmail: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
}).meta({ id: "ApiToken" });
export const apiTokenList = open({ items: z.array(apiToken) });
export const apiTokenCreated = open({
  ...apiToken.shape,
  token: z.string().meta({ description: "`aker_…`: shown in this answer only" }),
});

export const auditPage = open({
  items: z.array(
    open({
      id: z.int(),
      at: timestamp,
      actorEmail: z.string().nullable(),
      action: z.string(),
      portfolioId: uuid.nullable(),
      target: z.string().nullable(),
      details: z.unknown(),
    }),
  ),
  nextCursor: z.string().optional(),
});

export const channel = open({
  id: uuid,
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  portfolio: z.string().nullable(),
  minSeverity: severity,
  dimensions: z.array(dimension),
  recipients: z.array(z.string()),
  url: z.string().nullable(),
  hasSecret: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: "Channel" });
export const channelList = open({ items: z.array(channel) });
export const channelTest = open({ sent: z.boolean(), eventId: uuid, error: z.string().nullable() });

export const delivery = open({
  id: uuid,
  event: open({
    id: uuid,
    type: z.string(),
    occurredAt: timestamp,
    portfolio: z.string().nullable(),
    alertId: uuid.nullable(),
    alertMessage: z.string().nullable(),
  }),
  channel: open({ id: uuid, name: z.string(), kind: z.enum(CHANNEL_KINDS) }).nullable(),
  user: open({ id: z.string(), email: z.string() }).nullable(),
  status: z.enum(["pending", "sent", "failed", "dead"]),
  attempts: z.int(),
  lastError: z.string().nullable(),
  nextAttemptAt: timestamp.nullable(),
  sentAt: timestamp.nullable(),
  createdAt: timestamp,
}).meta({ id: "Delivery" });
export const deliveryPage = open({ items: z.array(delivery), nextCursor: z.string().optional() });

// Documented in prose in the README; named here by their top-level fields.
export const trend = loose("Points oldest first, with the change over the range (README: REST API).", [
  "points",
  "changePp",
  "changeRelPct",
  "basis",
]);
export const comparison = loose("The run against the limits sent, breaches first (README: REST API).", [
  "runId",
  "asOfDate",
  "items",
]);
export const capacityList = open({
  items: z.array(
    loose("Per value and active limit (README: What-if scenarios).", [
      "dimensionType",
      "dimensionValue",
      "exposurePct",
      "capacityValue",
      "shortfallValue",
    ]),
  ),
});
export const whatIf = loose("Before and after the trades and shocks (README: What-if scenarios).", [
  "before",
  "after",
  "changes",
  "breaches",
  "verdict",
]);
export const maxAcquisition = open({
  maxValue: z.number().nullable(),
  binding: open({ thresholdId: uuid, dimensionType: dimension, dimensionValue: z.string().nullable() }).nullable(),
});
const scenarioFields = {
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  committedAt: timestamp.nullable(),
  committedBy: z.string().nullable(),
  batchId: uuid.nullable(),
};
export const scenario = open({
  ...scenarioFields,
  trades: z.array(z.unknown()),
  shocks: z.array(z.unknown()),
  evaluation: whatIf
    .nullable()
    .meta({ description: "against today's book and limits; null once committed or when the trades no longer apply" }),
  issues: z.array(fieldIssue).meta({ description: "why the trades no longer apply" }),
}).meta({ id: "Scenario" });
export const scenarioList = open({
  items: z.array(
    open({
      ...scenarioFields,
      tradeCount: z.int(),
      shockCount: z.int(),
      verdict: z.enum(["pass", "warning", "critical"]).nullable(),
    }),
  ),
});
export const scenarioCommit = loose("What the commit did to the book, and today's recomputed run.", [
  "scenario",
  "batchId",
  "bought",
  "sold",
  "changed",
  "run",
]);
export const geographic = loose("MSA and state concentration with the top 10 of each (README: REST API).", [
  "msa",
  "state",
]);
export const dashboard = loose(
  "One dial per dimension, chart series, open alert counts and the five newest alerts; its fields follow the overview page.",
  [],
);

const fundHolding = open({ slug: z.string(), name: z.string(), exposureValue: z.number() });

export const firm = open({
  totalValue: z.number(),
  positionCount: z.int(),
  funds: z.array(
    open({
      slug: z.string(),
      name: z.string(),
      runId: uuid.nullable(),
      asOfDate: z.string().nullable(),
      totalPortfolioValue: z.number().nullable(),
      positionCount: z.int().nullable(),
      sharePct: z.number().nullable(),
    }),
  ),
  exposures: z.array(
    open({
      dimensionType: dimension,
      dimensionValue: z.string(),
      exposureValue: z.number(),
      exposurePct: z.number(),
      positionCount: z.int(),
      funds: z.array(fundHolding),
    }),
  ),
}).meta({
  id: "Firm",
  description: "Every active portfolio's latest run added up (funds without a run: nulls, left out of the totals).",
});
