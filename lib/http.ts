import type { z } from "zod";
import { AppError, ERROR_STATUS, type FieldIssue } from "./errors";
import { logger } from "./logger";

// Route handlers are thin and alike: parse → call one service → answer. This file holds the
// parsing and answering, so every endpoint speaks the same JSON and the same error shape.

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    if (error.status >= 500) logger.error({ event: "request.error", code: error.code, err: error }, error.message);
    return json({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
  }
  const mapped = fromDatabaseError(error);
  if (mapped) return errorResponse(mapped);
  if (isDatabaseUnavailable(error)) {
    logger.error({ event: "request.error", code: "unavailable", err: error }, "database unavailable");
    const body = { code: "unavailable", message: "The database is not reachable right now; try again shortly." };
    return json({ error: body }, ERROR_STATUS.unavailable, { "Retry-After": "5" });
  }
  logger.error({ event: "request.error", code: "internal", err: error }, "unexpected error");
  return json({ error: { code: "internal", message: "Something went wrong on our side; it has been logged." } }, 500);
}

/**
 * A backstop: validation should stop bad values before the database does, but if one slips
 * through, a value the database cannot hold is the caller's 422 and a duplicate is a 409.
 */
function fromDatabaseError(error: unknown): AppError | null {
  const e = error as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const sqlState = String(e?.meta?.code ?? e?.meta?.driverAdapterError?.cause?.originalCode ?? "");
  if (e?.code === "P2002" || sqlState === "23505") return new AppError("conflict", "That record already exists (another request may have just created it).");
  if (e?.code === "P2000" || e?.code === "P2020" || sqlState.startsWith("22")) {
    logger.warn({ event: "request.error", code: "invalid_data", err: error }, "value rejected by the database");
    return new AppError("invalid_data", "A value is outside what can be stored (too large, too long or out of range).");
  }
  return null;
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001"].includes(code);
}

/** Wraps a handler so any thrown value becomes the standard error response. */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function zodIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    return { field, message: issue.message };
  });
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, prefix?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = zodIssues(result.error, prefix);
  const first = details[0];
  throw new AppError("invalid_input", `Invalid ${what}: ${first ? `${first.field}: ${first.message}` : "bad value"}`, details);
}

export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

export function parseQuery<T>(request: Request, schema: z.ZodType<T>): T {
  return parseOrThrow(schema, queryOf(request), "query parameters");
}

export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "unreadable";
      throw new AppError("invalid_input", `Request body is not valid JSON: ${reason}`, [{ field: "body", message: reason }]);
    }
  }
  return parseOrThrow(schema, body, "request body");
}

export function portfolioSlugOf(request: Request): string | undefined {
  return new URL(request.url).searchParams.get("portfolio") ?? undefined;
}

export function attachment(body: BodyInit, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot exist is a 404, not a database error. */
export async function idParam(params: Promise<{ id: string }>, what: string): Promise<string> {
  const { id } = await params;
  if (!UUID.test(id)) throw new AppError("not_found", `${what} ${id} does not exist`);
  return id.toLowerCase();
}
