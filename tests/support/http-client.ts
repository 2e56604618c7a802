import { expect } from "vitest";
import type { ImportResult } from "@/lib/services/positions-import";
import type { PositionDto, PositionPage } from "@/lib/services/positions-list";
import type { RunResult } from "@/lib/services/runs-compute";
import type { AppServer, Role } from "./app-server";

// The one HTTP client of the suites that talk to the production build: the API contract tests
// bind it to the server global-setup.ts started (api-client.ts), the reliability tests to servers
// of their own. Each client works in one portfolio (`undefined`: the API's default) as one role.

/** Where requests go, and the headers that authenticate a role there. */
export type Server = Pick<AppServer, "baseUrl" | "headers">;
/** A seeded user's role, or nobody at all. */
export type Caller = Role | "anonymous";
export type Query = Record<string, string | number | boolean | undefined>;

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface SendOptions {
  query?: Query;
  /** Serialised as JSON with Content-Type application/json. */
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

export class HttpClient {
  constructor(
    readonly server: Server,
    readonly portfolio?: string,
    readonly role: Caller = "manager",
  ) {}

  /** The same portfolio, acting as another role (or nobody). */
  as(role: Caller): HttpClient {
    return new HttpClient(this.server, this.portfolio, role);
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(path, this.server.baseUrl);
    if (this.portfolio !== undefined) url.searchParams.set("portfolio", this.portfolio);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  /** The raw response, for binary bodies (XLSX). */
  async raw(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const headers = new Headers(this.role === "anonymous" ? {} : this.server.headers(this.role));
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set("content-type", "application/json");
    }
    if (options.contentType !== undefined) headers.set("content-type", options.contentType);
    return fetch(this.url(path, options.query), { method, headers, body: body ?? null });
  }

  /** The response with its text, and its JSON when the server says it is JSON. */
  async send<T = unknown>(method: string, path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const response = await this.raw(method, path, options);
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
    const body = (isJson && text !== "" ? JSON.parse(text) : undefined) as T;
    return { status: response.status, headers: response.headers, text, body };
  }

  get<T = unknown>(path: string, query?: Query): Promise<Reply<T>> {
    return this.send<T>("GET", path, { query });
  }

  post<T = unknown>(path: string, json?: unknown, query?: Query): Promise<Reply<T>> {
    return this.send<T>("POST", path, { json, query });
  }

  patch<T = unknown>(path: string, json: unknown): Promise<Reply<T>> {
    return this.send<T>("PATCH", path, { json });
  }

  put<T = unknown>(path: string, json: unknown): Promise<Reply<T>> {
    return this.send<T>("PUT", path, { json });
  }

  delete<T = unknown>(path: string): Promise<Reply<T>> {
    return this.send<T>("DELETE", path);
  }

  importCsv(csv: string, query?: Query): Promise<Reply<ImportResult>> {
    return this.send<ImportResult>("POST", "/api/positions/import", { body: csv, contentType: "text/csv", query });
  }

  importJson(positions: unknown, query?: Query): Promise<Reply<ImportResult>> {
    return this.send<ImportResult>("POST", "/api/positions/import", { json: positions, query });
  }

  /** Every stored position, following nextCursor. */
  async positions(): Promise<PositionDto[]> {
    const all: PositionDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<PositionPage>("/api/positions", { limit: 1000, cursor });
      expect(page.status, page.text.slice(0, 500)).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== undefined);
    return all;
  }

  /** Computes a run; anything but a 201 fails the test. */
  async run(body: { asOfDate?: string; includeAlerts?: boolean; positions?: unknown[] } = {}): Promise<RunResult> {
    const reply = await this.post<RunResult>("/api/exposures/runs", body);
    expect(reply.status, reply.text).toBe(201);
    return reply.body;
  }

  /** A 2xx answer's body, or a thrown error naming the request and the answer. */
  async ok<T>(reply: Promise<Reply<T>>, what: string): Promise<T> {
    const r = await reply;
    if (r.status < 200 || r.status > 299) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 500)}`);
    return r.body;
  }
}

/** What a request that got no answer at all (a dropped connection, a killed server) is recorded as. */
export function noReply(error: unknown): Reply<undefined> {
  return { status: 0, headers: new Headers(), text: String(error), body: undefined };
}
