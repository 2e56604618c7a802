import { z } from "zod";
import { ROLES } from "./auth/roles";
import { FIELDS_OF_KIND, type KindField, limitFieldIssues } from "./engine/limit-kinds";
import { POSITION_COLUMNS, type PositionColumn } from "./engine/normalize";
import { BASES, DIMENSIONS, LIMIT_KINDS, type LimitKind, MAX_TEXT_LENGTH } from "./engine/types";

// Request schemas: the one place input is validated. Route handlers, server actions and the CLI
// parse with them at the edge; services take the parsed (output) types and trust them. Forms
// share them with the server, so the browser validates as the server will.

export const dimensionSchema = z.enum(DIMENSIONS, {
  error: `must be one of ${DIMENSIONS.join(", ")}`,
});

export const isoDateSchema = z.iso
  .date({ error: "must be a real calendar date YYYY-MM-DD" })
  .refine((value) => value >= "1900-01-01", "must be 1900-01-01 or later");

const pctSchema = z
  .number({ error: "must be a number" })
  .min(0, "must be between 0 and 100")
  .max(100, "must be between 0 and 100");
export const idSchema = z.uuid({ error: "must be an id (uuid)" });

export const thresholdTypeSchema = z.enum(["maximum", "minimum"], { error: "must be maximum or minimum" });
export const severitySchema = z.enum(["warning", "critical"], { error: "must be warning or critical" });

const dimensionValueSchema = z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`);

/**
 * A limit's own fields, each checked for its type and range; which of them a kind takes is
 * checked on the whole limit (limitFieldIssues), after a PATCH is merged with what is stored.
 */
const limitFields = {
  dimensionValue: dimensionValueSchema.nullable(),
  thresholdType: thresholdTypeSchema.nullable(),
  thresholdPct: pctSchema.nullable(),
  thresholdAmount: z
    .number({ error: "must be a number" })
    .min(0, "must be 0 or more")
    .max(1e15, "must be at most 1,000,000,000,000,000")
    .nullable(),
  thresholdCount: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(100_000, "must be at most 100,000")
    .nullable(),
  topN: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(1_000, "must be at most 1,000")
    .nullable(),
  thresholdHhi: z
    .number({ error: "must be a number" })
    .min(0, "must be between 0 and 10,000")
    .max(10_000, "must be between 0 and 10,000")
    .nullable(),
  targetPct: pctSchema.nullable(),
  bandPp: z
    .number({ error: "must be a number" })
    .min(0, "must be between 0 and 100")
    .max(100, "must be between 0 and 100")
    .nullable(),
};

export const limitKindSchema = z.enum(LIMIT_KINDS, { error: `must be one of ${LIMIT_KINDS.join(", ")}` });
export const basisSchema = z.enum(BASES, { error: `must be one of ${BASES.join(", ")}` });

/**
 * A limit's fields for its kind: what it lacks and what does not belong, as zod issues. Runs even
 * when another field is bad (see `when` below), so one reply names everything; a bad kind is its
 * own issue.
 */
function checkKind(limit: { kind: LimitKind } & Partial<Record<KindField, unknown>>, ctx: z.RefinementCtx): void {
  if (!(LIMIT_KINDS as readonly unknown[]).includes(limit?.kind)) return;
  for (const issue of limitFieldIssues(limit.kind, limit))
    ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
}

/** Only the kind's fields, the others null; the side defaults to maximum where a kind has one. */
export function completeLimit<T extends { kind: LimitKind } & Partial<Record<KindField, unknown>>>(limit: T) {
  const own: readonly KindField[] = FIELDS_OF_KIND[limit.kind];
  const value = <K extends KindField>(field: K) =>
    own.includes(field) ? ((limit[field] ?? null) as z.output<(typeof limitFields)[K]>) : null;
  return {
    dimensionValue: value("dimensionValue"),
    thresholdType: limit.kind === "target" ? null : (value("thresholdType") ?? ("maximum" as const)),
    thresholdPct: value("thresholdPct"),
    thresholdAmount: value("thresholdAmount"),
    thresholdCount: value("thresholdCount"),
    topN: value("topN"),
    thresholdHhi: value("thresholdHhi"),
    targetPct: value("targetPct"),
    bandPp: value("bandPp"),
  };
}

/** Every kind's fields, each optional: which ones a kind takes is checked on the whole limit. */
const optionalLimitFields = z.object(limitFields).partial().shape;

export const MAX_LIMIT_NOTE_LENGTH = 1_000;

/** Text for people, trimmed; blank is none (null). */
const limitText = (max: number) =>
  z
    .string({ error: "must be text or null" })
    .trim()
    .max(max, `must be at most ${max.toLocaleString("en-US")} characters`)
    .refine((text) => !text.includes("\u0000"), "must not contain a NUL character (U+0000)")
    .transform((text) => (text === "" ? null : text))
    .nullable();

/**
 * What a limit says to people: the clause of the fund document it comes from ("LPA §7.2(b)") and a
 * note. Neither is part of the rule: they do not tell twins apart and changing them re-checks nothing.
 */
const limitNoteFields = {
  reference: limitText(MAX_TEXT_LENGTH).optional(),
  note: limitText(MAX_LIMIT_NOTE_LENGTH).optional(),
};

export const limitCreateSchema = z
  .strictObject({
    dimensionType: dimensionSchema,
    kind: limitKindSchema.default("share"),
    basis: basisSchema.default("value"),
    ...optionalLimitFields,
    severityLevel: severitySchema.default("warning"),
    isActive: z.boolean({ error: "must be true or false" }).default(true),
    ...limitNoteFields,
  })
  .superRefine(checkKind, { when: () => true })
  .transform(({ dimensionType, kind, basis, severityLevel, isActive, reference, note, ...fields }) => ({
    dimensionType,
    kind,
    basis,
    ...completeLimit({ kind, ...fields }),
    severityLevel,
    isActive,
    reference: reference ?? null,
    note: note ?? null,
  }));
/** What a form or a script sends (defaults may be left out). */
export type LimitCreateInput = z.input<typeof limitCreateSchema>;
export type LimitCreate = z.output<typeof limitCreateSchema>;

/** A change to a limit; which fields its (new) kind takes is checked once merged with the stored limit. */
export const limitUpdateSchema = z.strictObject({
  dimensionType: dimensionSchema.optional(),
  kind: limitKindSchema.optional(),
  basis: basisSchema.optional(),
  ...optionalLimitFields,
  severityLevel: severitySchema.optional(),
  isActive: z.boolean({ error: "must be true or false" }).optional(),
  /** null or "" clears it. */
  ...limitNoteFields,
});
export type LimitUpdate = z.output<typeof limitUpdateSchema>;

export const runCreateSchema = z.strictObject({
  asOfDate: isoDateSchema.optional(),
  includeAlerts: z.boolean({ error: "must be true or false" }).default(true),
  positions: z.array(z.unknown(), { error: "must be an array of position objects" }).optional(),
});
export type RunCreate = z.output<typeof runCreateSchema>;

/** compare's first form: a maximum % per dimension, `{ strategy: 40, state: 35 }`. */
const flatLimitsSchema = z
  .partialRecord(dimensionSchema, pctSchema)
  .refine((l) => Object.keys(l).length > 0, "name at least one dimension");

export const MAX_COMPARE_LIMITS = 100;

/** compare's second form: limits of any kind, each written and checked as POST /api/thresholds takes one. */
const limitDefinitionsSchema = z
  .array(limitCreateSchema)
  .min(1, "name at least one limit")
  .max(MAX_COMPARE_LIMITS, `must hold at most ${MAX_COMPARE_LIMITS} limits`);

/**
 * An array is checked as limit definitions, another object as the flat form. Chosen by shape
 * rather than by z.union, whose failure can name neither form's field (`limits[1].thresholdAmount`).
 */
const compareLimitsSchema = z
  .unknown()
  .transform((value, ctx): z.output<typeof flatLimitsSchema> | z.output<typeof limitDefinitionsSchema> => {
    if (typeof value !== "object" || value === null) {
      ctx.addIssue({ code: "custom", message: "must be an object of maximum % per dimension, or an array of limits" });
      return z.NEVER;
    }
    const result = (Array.isArray(value) ? limitDefinitionsSchema : flatLimitsSchema).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  });

export const compareSchema = z.strictObject({
  limits: compareLimitsSchema,
  runId: idSchema.optional(),
});
export type CompareInput = z.output<typeof compareSchema>;

// Who acknowledges or resolves is the signed-in user (or the API token's owner), never a field.
export const acknowledgeSchema = z.strictObject({
  comment: z.string().trim().max(2000).optional(),
});

export const resolveSchema = z.strictObject({
  comment: z.string().trim().max(2000).optional(),
});

export type AlertTransition = z.output<typeof acknowledgeSchema>;

/** A portfolio's schedule: a cron expression in UTC (null: none) and the stale-data allowance in days. */
export const scheduleSchema = z.strictObject({
  cron: z
    .string({ error: "must be a cron expression or null" })
    .trim()
    .min(1, 'must be a cron expression such as "0 6 * * *", or null for none')
    .max(100, "must be at most 100 characters")
    .nullable(),
  staleAfterDays: z
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(3650, "must be at most 3,650")
    .default(35),
});
export type ScheduleInput = z.output<typeof scheduleSchema>;

/** The longest a waiver may run: a year from today. */
export const MAX_WAIVER_DAYS = 366;

/** A waiver accepts a breach until a date (inclusive, UTC), with the reason compliance will read. */
export const waiveSchema = z.strictObject({
  reason: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(2000, "must be at most 2,000 characters")
    .refine((text) => !text.includes("\u0000"), "must not contain a NUL character (U+0000)"),
  until: isoDateSchema,
});
export type WaiveInput = z.output<typeof waiveSchema>;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The inbox acknowledges or resolves many alerts at once, with the same rules as the API. */
export const alertBulkActionSchema = z.object({
  ids: z
    .array(z.uuid({ error: "is not an alert id" }))
    .min(1, "select at least one alert")
    .max(500, "select at most 500 alerts"),
  comment: z.preprocess(blankToUndefined, acknowledgeSchema.shape.comment),
});
export type AlertBulkActionInput = z.input<typeof alertBulkActionSchema>;

/** The inbox waives one or many alerts with one reason and date, as POST /api/alerts/{id}/waive does each. */
export const alertWaiveActionSchema = z.object({
  ids: alertBulkActionSchema.shape.ids,
  reason: waiveSchema.shape.reason,
  until: waiveSchema.shape.until,
});
export type AlertWaiveAction = z.output<typeof alertWaiveActionSchema>;
export type AlertBulkAction = z.output<typeof alertBulkActionSchema>;

const limitParam = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const ALERT_STATUSES = ["active", "acknowledged", "waived", "resolved"] as const;
export const alertListSchema = z.object({
  status: z
    .enum([...ALERT_STATUSES, "open"], { error: "must be active, acknowledged, waived, resolved or open" })
    .optional(),
  severity: severitySchema.optional(),
  dimensionType: dimensionSchema.optional(),
  limit: limitParam(500, 100),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, "must be a nextCursor from an earlier page")
    .optional(),
});

/** Columns the positions list sorts by; ties are broken by the row id in the same direction. */
export const POSITION_SORTS = [
  "id",
  "position_id",
  "asset_id",
  "value",
  "units",
  "ownership",
  "strategy",
  "state",
  "msa",
  "vintage",
  "construction_type",
  "rent_band",
] as const;
export type PositionSort = (typeof POSITION_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Free text that finds rows by a substring; blank means no search. */
const searchText = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
    .refine((text) => !text.includes("\u0000"), "must not contain a NUL character (U+0000)")
    .optional(),
);

export const positionListSchema = z.object({
  limit: limitParam(1000, 100),
  /** Case-insensitive substring of position_id or asset_id. */
  q: searchText,
  cursor: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  offset: z.coerce.number().int().min(0).max(100_000_000).optional(),
  sort: z.enum(POSITION_SORTS, { error: `must be one of ${POSITION_SORTS.join(", ")}` }).optional(),
  dir: z.enum(SORT_DIRECTIONS, { error: "must be asc or desc" }).optional(),
  strategy: z.string().optional(),
  state: z.string().optional(),
  msa: z.string().optional(),
  vintage: z.string().optional(),
  construction_type: z.string().optional(),
  rent_band: z.string().optional(),
  region: z.string().optional(),
});

/** How to read an uploaded file when the importer's guess is wrong; unset or blank: detected. */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const MAX_MAPPED_HEADERS = 500;
const MAPPING_SHAPE = 'must be a JSON object of file header → column, e.g. {"Market Value":"position_value"}';
const MAPPING_TARGETS = `${POSITION_COLUMNS.join(", ")}, or null or "" to ignore the column`;

/** The checks a mapping's text can have without the file: JSON, known columns, one header per column. */
function parseColumnMapping(text: string, ctx: z.RefinementCtx): Record<string, PositionColumn | null> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: MAPPING_SHAPE });
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_MAPPED_HEADERS)
    ctx.addIssue({ code: "custom", message: `must map at most ${MAX_MAPPED_HEADERS} headers` });
  const mapping: Record<string, PositionColumn | null> = {};
  const headerOf = new Map<PositionColumn, string>();
  for (const [header, target] of entries) {
    const shown = JSON.stringify(header);
    if (header.trim() === "") ctx.addIssue({ code: "custom", message: "a header must not be blank" });
    else if (header.length > MAX_TEXT_LENGTH)
      ctx.addIssue({ code: "custom", message: `header ${shown.slice(0, 40)}…: at most ${MAX_TEXT_LENGTH} characters` });
    const column = target === "" ? null : target;
    if (column !== null && !(POSITION_COLUMNS as readonly unknown[]).includes(column)) {
      ctx.addIssue({
        code: "custom",
        message: `header ${shown}: ${JSON.stringify(target)} is not a column; use ${MAPPING_TARGETS}`,
      });
      continue;
    }
    const known = column as PositionColumn | null;
    const first = known === null ? undefined : headerOf.get(known);
    if (known !== null && first !== undefined)
      ctx.addIssue({ code: "custom", message: `headers ${JSON.stringify(first)} and ${shown} both map to ${known}` });
    if (known !== null) headerOf.set(known, header);
    mapping[header] = known;
  }
  return mapping;
}

export const importOptionsSchema = z.object({
  mode: z.enum(["replace", "upsert"], { error: "must be replace or upsert" }).default("replace"),
  onError: z.enum(["reject", "skip"], { error: "must be reject or skip" }).default("reject"),
  format: z.enum(["csv", "json", "xlsx"], { error: "must be csv, json or xlsx" }).optional(),
  /** CSV: the field separator ("tab" or a tab character for a tab). */
  delimiter: z.preprocess(
    emptyToUndefined,
    z
      .enum([",", ";", "tab", "\t", "|"], { error: 'must be one of ",", ";", "tab" or "|"' })
      .transform((delimiter) => (delimiter === "tab" ? "\t" : delimiter))
      .optional(),
  ),
  /** CSV and a workbook's text cells: the decimal mark; the other of the two then groups thousands. */
  decimal: z.preprocess(emptyToUndefined, z.enum([".", ","], { error: 'must be "." or ","' }).optional()),
  /** XLSX: a sheet's name, or its position from 1. */
  sheet: z.preprocess(
    blankToUndefined,
    z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
  ),
  /** JSON: file header → column (or null / "" to ignore it); over the remembered mapping, our names and synonyms. */
  mapping: z.preprocess(blankToUndefined, z.string().transform(parseColumnMapping).optional()).meta({
    description:
      'JSON object, file header → column (`{"Market Value":"position_value","Notes":null}`): which column each header is, over the portfolio\'s remembered mapping, our own names and the synonyms; null or "" ignores the column. A successful import remembers it for the portfolio.',
  }),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const dateRangeSchema = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const trendQuerySchema = dateRangeSchema.extend({
  dimensionType: dimensionSchema,
  dimensionValue: z.string().min(1, "is required"),
  /** What the trend counts in: value (dollars, default), units or positions. */
  basis: basisSchema.default("value"),
});

// What-if scenarios: the request's shape is checked here; each trade and shock is checked by the
// engine (lib/engine/scenario.ts), which names a bad one by index and field as an import names a row.
export const MAX_SCENARIO_TRADES = 10_000;
export const MAX_SCENARIO_SHOCKS = 100;

export const scenarioEvaluateSchema = z.strictObject({
  trades: z
    .array(z.unknown(), { error: "must be an array of trades" })
    .max(MAX_SCENARIO_TRADES, `must hold at most ${MAX_SCENARIO_TRADES} trades`),
  shocks: z
    .array(z.unknown(), { error: "must be an array of shocks" })
    .max(MAX_SCENARIO_SHOCKS, `must hold at most ${MAX_SCENARIO_SHOCKS} shocks`)
    .default([]),
});
export type ScenarioEvaluateInput = z.output<typeof scenarioEvaluateSchema>;

const scenarioName = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
const scenarioDescription = z.string().trim().max(2000, "must be at most 2000 characters");

export const scenarioCreateSchema = scenarioEvaluateSchema.extend({
  name: scenarioName,
  description: scenarioDescription.nullable().default(null),
});
export type ScenarioCreate = z.output<typeof scenarioCreateSchema>;

export const scenarioUpdateSchema = z.strictObject({
  name: scenarioName.optional(),
  description: scenarioDescription.nullable().optional(),
  trades: scenarioEvaluateSchema.shape.trades.optional(),
  shocks: scenarioEvaluateSchema.shape.shocks.unwrap().optional(),
});
export type ScenarioUpdate = z.output<typeof scenarioUpdateSchema>;

export const capacityQuerySchema = z.object({ dimensionType: dimensionSchema.optional() });

export const maxAcquisitionSchema = z.strictObject({
  position: z.record(z.string(), z.unknown(), { error: "must be an object with the asset's columns" }),
});

/** The purchase form's MSA picker: part of a CBSA title, or the first digits of its code. */
export const msaSearchSchema = z.object({
  q: z
    .string({ error: "is required: part of an MSA's name or its CBSA code" })
    .trim()
    .min(1, "is required: part of an MSA's name or its CBSA code")
    .max(100, "must be at most 100 characters"),
  limit: limitParam(50, 10),
});

export const runRefSchema = z.object({ runId: idSchema.optional() });

export const exportQuerySchema = runRefSchema.extend({
  format: z.enum(["csv", "json", "xlsx"], { error: "must be csv, json or xlsx" }).default("csv"),
  /** What the amounts count in: value (dollars, default), units or positions. */
  basis: basisSchema.default("value"),
});

export const PORTFOLIO_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const portfolioName = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "is required")
  .max(200, "at most 200 characters");

export const portfolioCreateSchema = z.strictObject({
  slug: z.string().regex(PORTFOLIO_SLUG, "must be lower-case letters, digits and dashes"),
  name: portfolioName,
});
export type PortfolioCreate = z.output<typeof portfolioCreateSchema>;

/** A rename: only the display name; the slug stays, since URLs, cookies and API clients use it. */
export const portfolioUpdateSchema = z.strictObject({
  name: portfolioName,
  slug: z
    .never({ error: "cannot be changed: URLs, cookies and API clients use it; rename changes the name" })
    .optional(),
});
export type PortfolioUpdate = z.output<typeof portfolioUpdateSchema>;

/** GET /api/portfolios: `include=archived` lists archived portfolios too. */
export const portfolioListSchema = z.object({
  include: z.enum(["archived"], { error: "must be archived" }).optional(),
});

/** GET /api/exports/firm: the firm roll-up as CSV. */
export const firmExportSchema = z.object({
  format: z.enum(["csv"], { error: "must be csv" }).default("csv"),
});

export const userCreateSchema = z.strictObject({
  email: z.email({ error: "must be an email address" }).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "is required").max(200),
  password: z.string().min(10, "must be at least 10 characters").max(200),
  role: z.enum(ROLES, { error: "must be viewer, manager or admin" }).default("viewer"),
});
export type UserCreate = z.output<typeof userCreateSchema>;

/** First-run setup: the first account, always an admin. */
export const firstAdminSchema = userCreateSchema.omit({ role: true });

export const roleUpdateSchema = z.strictObject({
  role: z.enum(ROLES, { error: "must be viewer, manager or admin" }),
});

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  /** The user the token acts as; default: the admin creating it. */
  userId: z.string().min(1).max(100).optional(),
});

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  action: z.string().max(100).optional(),
});

// Notification channels (issue 11). Which fields a kind takes is checked on the whole channel, after
// a PATCH is merged with what is stored (channelFieldIssues); the secret is write-only.
export const CHANNEL_KINDS = ["email", "webhook", "slack"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const MIN_SECRET_LENGTH = 16;

const channelFields = {
  name: z.string({ error: "must be text" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  portfolio: z
    .string({ error: "must be a portfolio slug or null" })
    .regex(PORTFOLIO_SLUG, "must be a portfolio slug")
    .nullable(),
  minSeverity: severitySchema,
  dimensions: z
    .array(dimensionSchema, { error: "must be a list of dimensions" })
    .max(DIMENSIONS.length)
    .transform((list) => [...new Set(list)]),
  recipients: z
    .array(z.email({ error: "must be an email address" }).max(254), { error: "must be a list of email addresses" })
    .min(1, "name at least one recipient")
    .max(50, "at most 50 recipients")
    .transform((list) => [...new Set(list.map((e) => e.toLowerCase()))]),
  url: z.string({ error: "must be a URL" }).trim().max(2000, "must be at most 2,000 characters"),
  secret: z
    .string({ error: "must be text" })
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
    .max(500, "must be at most 500 characters"),
};

export const channelCreateSchema = z.strictObject({
  kind: z.enum(CHANNEL_KINDS, { error: `must be one of ${CHANNEL_KINDS.join(", ")}` }),
  name: channelFields.name,
  portfolio: channelFields.portfolio.optional(),
  minSeverity: channelFields.minSeverity.default("warning"),
  dimensions: channelFields.dimensions.default([]),
  recipients: channelFields.recipients.optional(),
  url: channelFields.url.optional(),
  secret: channelFields.secret.optional(),
});
export type ChannelCreate = z.output<typeof channelCreateSchema>;

export const channelUpdateSchema = z.strictObject({
  kind: z.never({ error: "cannot be changed; create a channel of the other kind" }).optional(),
  name: channelFields.name.optional(),
  portfolio: channelFields.portfolio.optional(),
  minSeverity: channelFields.minSeverity.optional(),
  dimensions: channelFields.dimensions.optional(),
  recipients: channelFields.recipients.optional(),
  url: channelFields.url.optional(),
  secret: channelFields.secret.optional(),
});
export type ChannelUpdate = z.output<typeof channelUpdateSchema>;

/** What a kind of channel needs and refuses: email takes recipients; webhook a URL and a secret; slack a URL. */
export function channelFieldIssues(channel: {
  kind: ChannelKind;
  recipients?: readonly string[] | null | undefined;
  url?: string | null | undefined;
  secret?: string | null | undefined;
}): Array<{ field: string; message: string }> {
  const has = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  const needs = {
    email: { recipients: true, url: false, secret: false },
    webhook: { recipients: false, url: true, secret: true },
    slack: { recipients: false, url: true, secret: false },
  }[channel.kind];
  const issues: Array<{ field: string; message: string }> = [];
  const a = channel.kind === "email" ? "an email" : `a ${channel.kind}`;
  for (const field of ["recipients", "url", "secret"] as const) {
    if (needs[field] && !has(channel[field])) issues.push({ field, message: `is required for ${a} channel` });
    if (!needs[field] && has(channel[field])) issues.push({ field, message: `is not taken by ${a} channel` });
  }
  return issues;
}

export const deliveryListSchema = z.object({
  status: z.enum(["pending", "sent", "failed", "dead"], { error: "must be pending, sent, failed or dead" }).optional(),
  channelId: idSchema.optional(),
  limit: limitParam(500, 100),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, "must be a nextCursor from an earlier page")
    .optional(),
});

// Each user's own subscription (PUT /api/notifications/subscription, the profile page). Fields left
// out keep what is stored (for a new subscription: hour 8 UTC, warning, all portfolios).
export const SUBSCRIPTION_MODES = ["immediate", "digest", "none"] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

export const subscriptionUpdateSchema = z.strictObject({
  mode: z.enum(SUBSCRIPTION_MODES, { error: `must be one of ${SUBSCRIPTION_MODES.join(", ")}` }),
  digestHour: z
    .number({ error: "must be a whole hour from 0 to 23 (UTC)" })
    .int("must be a whole hour from 0 to 23 (UTC)")
    .min(0, "must be a whole hour from 0 to 23 (UTC)")
    .max(23, "must be a whole hour from 0 to 23 (UTC)")
    .optional(),
  minSeverity: severitySchema.optional(),
  portfolios: z
    .array(z.string({ error: "must be a portfolio slug" }).regex(PORTFOLIO_SLUG, "must be a portfolio slug"), {
      error: "must be a list of portfolio slugs",
    })
    .max(500, "at most 500 portfolios")
    .transform((list) => [...new Set(list)])
    .optional(),
});
export type SubscriptionUpdate = z.output<typeof subscriptionUpdateSchema>;
