import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import type { Dimension, ExposureBucket } from "@/lib/engine/types";
import type { ErrorCode, FieldIssue } from "@/lib/errors";
import { type Caller, HttpClient, type Reply, type Server } from "./http-client";

// The API contract tests' client and assertions. Every test file works in a portfolio of its own
// (the server and its database are shared by all files: global-setup.ts), so each request names it.

export const base = inject("apiBase");
/** Authorization headers of the seeded users; requests act as the manager unless told otherwise. */
export const authHeaders = inject("apiAuth");
const apiServer: Server = { baseUrl: base, headers: (role = "manager") => authHeaders[role] };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The one error body of the REST API (lib/http/respond.ts). */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldIssue[];
    /** An import or preview without a column for position_value: the file's columns. */
    columns?: Array<{ header: string; column: string | null; source: string | null }>;
  };
}

/** Requests to the API server on behalf of one portfolio (`undefined`: the API's default). */
export class Api extends HttpClient {
  constructor(portfolio?: string, role: Caller = "manager") {
    super(apiServer, portfolio, role);
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
export function expectError(reply: Reply<unknown>, status: number, code: ErrorCode): ErrorBody["error"] {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const body = reply.body as ErrorBody;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) expect(["code", "message", "details", "columns"]).toContain(key);
  if (body.error.columns !== undefined) expect(code).toBe("invalid_data");
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

export function exposureOf(exposures: readonly ExposureBucket[], dimension: Dimension, value: string): ExposureBucket {
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
