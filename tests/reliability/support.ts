import { computeExposures } from "@/lib/engine/exposures";
import { generateSyntheticPositions } from "@/lib/engine/synthetic";
import type { ExposureResult, Position } from "@/lib/engine/types";
import { positionsToCsv } from "@/lib/export";
import type { AppServer, Role } from "@/tests/support/app-server";

// What the reliability tests share: a small HTTP client that always authenticates (the app's
// roles decide what it may do), and books of positions whose every stored state can be recognised.

export interface Reply<T = unknown> {
  status: number;
  text: string;
  body: T;
}

export interface SendOptions {
  json?: unknown;
  body?: string;
  contentType?: string;
  query?: Record<string, string | number | undefined>;
  role?: Role;
  signal?: AbortSignal;
}

export class Client {
  constructor(
    readonly server: Pick<AppServer, "baseUrl" | "headers">,
    readonly portfolio?: string,
  ) {}

  url(path: string, query: SendOptions["query"] = {}): string {
    const url = new URL(path, this.server.baseUrl);
    if (this.portfolio !== undefined) url.searchParams.set("portfolio", this.portfolio);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  async send<T = unknown>(method: string, path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...this.server.headers(options.role ?? "manager") };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    }
    if (options.contentType) headers["content-type"] = options.contentType;
    const response = await fetch(this.url(path, options.query), {
      method,
      headers,
      body: body ?? null,
      signal: options.signal ?? null,
    });
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
    return { status: response.status, text, body: (isJson && text !== "" ? JSON.parse(text) : undefined) as T };
  }

  get<T = unknown>(path: string, query?: SendOptions["query"]): Promise<Reply<T>> {
    return this.send<T>("GET", path, { query });
  }

  post<T = unknown>(path: string, json?: unknown, query?: SendOptions["query"]): Promise<Reply<T>> {
    return this.send<T>("POST", path, { json: json ?? {}, query });
  }

  importCsv(
    csv: string,
    mode: "replace" | "upsert",
    signal?: AbortSignal,
  ): Promise<Reply<{ batchId: string; imported: number }>> {
    return this.send("POST", "/api/positions/import", {
      body: csv,
      contentType: "text/csv",
      query: { mode },
      ...(signal ? { signal } : {}),
    });
  }

  /** A 2xx answer's body, or a thrown error naming the request and the answer. */
  async ok<T>(reply: Promise<Reply<T>>, what: string): Promise<T> {
    const r = await reply;
    if (r.status < 200 || r.status > 299) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 500)}`);
    return r.body;
  }
}

/** A new portfolio, and a client that works in it. */
export async function createPortfolio(server: AppServer, slug: string): Promise<{ api: Client; id: string }> {
  const admin = new Client(server);
  const created = await admin.ok(
    admin.send<{ id: string }>("POST", "/api/portfolios", { json: { slug, name: slug }, role: "admin" }),
    `create portfolio ${slug}`,
  );
  return { api: new Client(server, slug), id: created.id };
}

/** A synthetic book: the same position ids (P000001…) for every seed, different attributes and values. */
export interface Book {
  seed: number;
  positions: Position[];
  csv: string;
  expected: ExposureResult;
}

export function makeBook(rows: number, seed: number): Book {
  const positions = generateSyntheticPositions(rows, seed);
  return { seed, positions, csv: positionsToCsv(positions), expected: computeExposures(positions) };
}

/** Stored positions come back in the engine's shape (plus ids the checks ignore). */
export type PositionDto = Position;

/** Every stored position of the client's portfolio, following nextCursor. */
export async function storedPositions(client: Client): Promise<PositionDto[]> {
  const all: PositionDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.ok(
      client.get<{ items: PositionDto[]; nextCursor?: string }>("/api/positions", { limit: 1000, cursor }),
      "list positions",
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
}

/** True when the stored positions are exactly the book: same ids, every attribute and value. */
export function isExactly(stored: readonly PositionDto[], book: Book): boolean {
  if (stored.length !== book.positions.length) return false;
  const byId = new Map(stored.map((p) => [p.positionId, p]));
  if (byId.size !== stored.length) return false;
  return book.positions.every((p) => {
    const s = byId.get(p.positionId);
    return (
      s !== undefined &&
      s.assetId === p.assetId &&
      s.msaId === p.msaId &&
      s.strategy === p.strategy &&
      s.state === p.state &&
      s.vintage === p.vintage &&
      s.constructionType === p.constructionType &&
      s.rentBand === p.rentBand &&
      s.units === p.units &&
      Math.abs(s.positionValue - p.positionValue) < 0.005
    );
  });
}

export interface ExposureDto {
  dimensionType: string;
  dimensionValue: string;
  exposurePct: number;
  exposureValue: number;
  positionCount: number;
}

/** True when a stored snapshot is exactly what the engine computes for the book. */
export function snapshotMatches(
  run: { totalPortfolioValue: number; positionCount: number; exposures: ExposureDto[] },
  book: Book,
): boolean {
  const expected = book.expected;
  if (
    run.positionCount !== expected.positionCount ||
    Math.abs(run.totalPortfolioValue - expected.totalPortfolioValue) > 0.01
  )
    return false;
  if (run.exposures.length !== expected.exposures.length) return false;
  const key = (e: { dimensionType: string; dimensionValue: string }) => `${e.dimensionType}|${e.dimensionValue}`;
  const stored = new Map(run.exposures.map((e) => [key(e), e]));
  return expected.exposures.every((e) => {
    const s = stored.get(key(e));
    return (
      s !== undefined &&
      s.positionCount === e.positionCount &&
      Math.abs(s.exposureValue - e.exposureValue) < 0.01 &&
      Math.abs(s.exposurePct - e.exposurePct) < 1e-9
    );
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
