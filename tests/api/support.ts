import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";

// A tiny HTTP client for the contract tests. Every test file works in a portfolio of its own
// (the server and its database are shared by all files), so each request names it.

export const base = inject("apiBase");
/** Authorization headers of the seeded users; requests act as the manager unless told otherwise. */
export const authHeaders = inject("apiAuth");
export type Role = keyof typeof authHeaders;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface FieldIssue {
  row?: number;
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: FieldIssue[] };
}

export interface ImportBody {
  batchId: string;
  received: number;
  imported: number;
  rejected: FieldIssue[];
  ignoredColumns: string[];
}

export interface PositionDto {
  id: number;
  positionId: string | null;
  assetId: string | null;
  msaId: string | null;
  strategy: string | null;
  state: string | null;
  vintage: number | null;
  constructionType: string | null;
  rentBand: string | null;
  positionValue: number;
  units: number | null;
}

export interface PositionPage {
  items: PositionDto[];
  total: number;
  nextCursor?: string;
}

export interface ExposureDto {
  dimensionType: Dimension;
  dimensionValue: string;
  exposurePct: number;
  exposureValue: number;
  positionCount: number;
}

export interface ConcentrationDto {
  top1Pct: number;
  top3Pct: number;
  count: number;
  hhi: number;
  effectiveN: number;
  coveragePct: number;
}

export interface RunSummaryDto {
  id: string;
  runId: string;
  asOfDate: string;
  totalPortfolioValue: number;
  positionCount: number;
  computedAt: string;
}

export interface RunDto extends RunSummaryDto {
  exposures: ExposureDto[];
  concentration: Record<Dimension, ConcentrationDto>;
}

export interface RunResultDto extends RunDto {
  alerts: { opened: number; updated: number; resolved: number };
}

export interface ThresholdDto {
  id: string;
  dimensionType: Dimension;
  dimensionValue: string | null;
  thresholdPct: number;
  thresholdType: "maximum" | "minimum";
  severityLevel: "warning" | "critical";
  isActive: boolean;
}

export interface AlertDto {
  id: string;
  thresholdId: string | null;
  dimensionType: Dimension;
  dimensionValue: string;
  severity: "warning" | "critical";
  status: "active" | "acknowledged" | "resolved";
  exposurePct: number;
  thresholdPct: number;
  breachPct: number;
  alertMessage: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  comment: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertDetailDto extends AlertDto {
  history: Array<{
    id: string | number;
    kind: string;
    actor: string | null;
    comment: string | null;
    createdAt: string;
  }>;
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

type Query = Record<string, string | number | boolean | undefined>;

interface SendOptions {
  query?: Query;
  /** Serialised as JSON with Content-Type application/json. */
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

export function urlOf(path: string, portfolio: string | undefined, query: Query = {}): string {
  const url = new URL(path, base);
  if (portfolio !== undefined) url.searchParams.set("portfolio", portfolio);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** Requests on behalf of one portfolio (`undefined`: the API's default). */
export class Api {
  constructor(
    readonly portfolio?: string,
    readonly role: Role | "anonymous" = "manager",
  ) {}

  /** The same portfolio, acting as another role (or nobody). */
  as(role: Role | "anonymous"): Api {
    return new Api(this.portfolio, role);
  }

  /** The raw response, for binary bodies (XLSX). */
  async raw(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const headers = new Headers(this.role === "anonymous" ? {} : authHeaders[this.role]);
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set("content-type", "application/json");
    }
    if (options.contentType !== undefined) headers.set("content-type", options.contentType);
    return fetch(urlOf(path, this.portfolio, options.query), { method, headers, body: body ?? null });
  }

  /** The response with its text, and its JSON when the server says it is JSON. */
  async send<T>(method: string, path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const response = await this.raw(method, path, options);
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
    const body = (isJson && text !== "" ? JSON.parse(text) : undefined) as T;
    return { status: response.status, headers: response.headers, text, body };
  }

  get<T>(path: string, query?: Query): Promise<Reply<T>> {
    return this.send<T>("GET", path, { query });
  }

  post<T>(path: string, json?: unknown, query?: Query): Promise<Reply<T>> {
    return this.send<T>("POST", path, { json, query });
  }

  patch<T>(path: string, json: unknown): Promise<Reply<T>> {
    return this.send<T>("PATCH", path, { json });
  }

  delete<T>(path: string): Promise<Reply<T>> {
    return this.send<T>("DELETE", path);
  }

  importCsv(csv: string, query?: Query): Promise<Reply<ImportBody>> {
    return this.send<ImportBody>("POST", "/api/positions/import", { body: csv, contentType: "text/csv", query });
  }

  importJson(positions: unknown, query?: Query): Promise<Reply<ImportBody>> {
    return this.send<ImportBody>("POST", "/api/positions/import", { json: positions, query });
  }

  /** Every stored position, following nextCursor. */
  async positions(): Promise<PositionDto[]> {
    const all: PositionDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<PositionPage>("/api/positions", { limit: 1000, cursor });
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== undefined);
    return all;
  }

  async run(body: { asOfDate?: string; includeAlerts?: boolean; positions?: unknown[] } = {}): Promise<RunResultDto> {
    const reply = await this.post<RunResultDto>("/api/exposures/runs", body);
    expect(reply.status, reply.text).toBe(201);
    return reply.body;
  }
}

/** A fresh portfolio of the test's own, so no file sees another's data. */
export async function newPortfolio(label = "api test"): Promise<Api> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const reply = await new Api().post<{ id: string; slug: string; name: string }>("/api/portfolios", {
    slug,
    name: label,
  });
  expect(reply.status, reply.text).toBe(201);
  expect(reply.body).toEqual({ id: expect.stringMatching(UUID), slug, name: label });
  return new Api(slug);
}

/** Asserts the one error shape `{ error: { code, message, details? } }` and returns it. */
export function expectError(reply: Reply<unknown>, status: number, code: string): ErrorBody["error"] {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const body = reply.body as ErrorBody;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) expect(["code", "message", "details"]).toContain(key);
  for (const issue of body.error.details ?? []) {
    expect(typeof issue.field).toBe("string");
    expect(typeof issue.message).toBe("string");
  }
  return body.error;
}

/** The fields named by an error's details. */
export function fieldsOf(error: ErrorBody["error"]): string[] {
  return (error.details ?? []).map((d) => d.field);
}

export function exposureOf(exposures: readonly ExposureDto[], dimension: Dimension, value: string): ExposureDto {
  const found = exposures.find((e) => e.dimensionType === dimension && e.dimensionValue === value);
  if (!found) throw new Error(`no ${dimension}='${value}' exposure in ${JSON.stringify(exposures)}`);
  return found;
}

/** The issue's worked example: total 4,500,000; value_add 55.56 %, CA 66.67 %. */
export const ISSUE_EXAMPLE_CSV = [
  "position_id,strategy,state,position_value",
  "P1,value_add,CA,1000000",
  "P2,value_add,TX,1500000",
  "P3,core_plus,CA,2000000",
].join("\n");
