import type { MaxAcquisition, ScenarioEvaluation } from "@/lib/engine/scenario";
import type { MsaMatch } from "@/lib/reference/cbsa";
import type { PositionDto, PositionPage } from "@/lib/services/positions-list";
import type { ScenarioState } from "./scenario-state";

// What the scenario builder reads from the REST API (same origin: the browser's session cookie).
// All of it writes nothing; evaluate and max-acquisition are POSTs only because they take a body.

export type { MaxAcquisition, MsaMatch, PositionDto, ScenarioEvaluation };

/** A refused request: the API's error code, message and, for bad input, the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ReadonlyArray<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

/** Bad input is not retried: the same request gets the same answer. */
export const isRefusal = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

interface ErrorBody {
  error?: { code?: string; message?: string; details?: Array<{ field: string; message: string }> };
}

async function send<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { cache: "no-store", ...init });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? "internal",
      body?.error?.message ?? `Request failed (${res.status})`,
      body?.error?.details ?? [],
    );
  }
  return (await res.json()) as T;
}

const post = (body: unknown, signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
  signal: signal ?? null,
});

const withPortfolio = (path: string, portfolio: string, query: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ ...query, portfolio }).toString()}`;

export function evaluateScenario(portfolio: string, state: ScenarioState, signal?: AbortSignal) {
  return send<ScenarioEvaluation>(withPortfolio("/api/scenarios/evaluate", portfolio), post(state, signal));
}

export function fetchMaxAcquisition(portfolio: string, asset: Record<string, unknown>, signal?: AbortSignal) {
  return send<MaxAcquisition>(
    withPortfolio("/api/scenarios/max-acquisition", portfolio),
    post({ position: asset }, signal),
  );
}

export const POSITION_SEARCH_LIMIT = 8;

export function searchPositions(portfolio: string, q: string, signal?: AbortSignal) {
  return send<PositionPage>(
    withPortfolio("/api/positions", portfolio, { q, limit: String(POSITION_SEARCH_LIMIT), sort: "position_id" }),
    { signal: signal ?? null },
  );
}

export async function searchMsas(q: string, signal?: AbortSignal): Promise<MsaMatch[]> {
  const params = new URLSearchParams({ q, limit: "8" });
  return (await send<{ items: MsaMatch[] }>(`/api/reference/msas?${params.toString()}`, { signal: signal ?? null }))
    .items;
}
