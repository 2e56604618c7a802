import type { z } from "zod";
import { authenticate } from "./auth/authenticate";
import { runAs } from "./auth/context";
import { hasRole, type Role } from "./auth/roles";
import { AppError, ERROR_STATUS, type FieldIssue } from "./errors";
import { isDatabaseUnavailable } from "./db/unavailable";
import { formatMegabytes, formatSize, maxJsonBytes } from "./limits";
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

/**
 * A route handler that requires a signed-in user (session cookie or API token) with at least
 * `role`: 401 without one, 403 below it. The handler runs as that user (lib/auth/context).
 */
export function route<A extends [Request, ...unknown[]]>(role: Role, fn: (...args: A) => Promise<Response>) {
  return handler(async (...args: A): Promise<Response> => {
    const actor = await authenticate(args[0].headers);
    if (!actor) throw new AppError("unauthorized", "Sign in, or send an API token: Authorization: Bearer <token>.");
    if (!hasRole(actor.role, role)) throw new AppError("forbidden", `This needs the ${role} role; you are signed in as a ${actor.role}.`);
    return runAs(actor, () => fn(...args));
  });
}

export function zodIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    return { field, message: issue.message };
  });
}

/**
 * The path of the first string holding U+0000, which Postgres text cannot store: refused here
 * with its field named, rather than by the database with a vaguer message. Iterative, because a
 * JSON body can nest deeper than the stack.
 */
function nulPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (item.includes("\u0000")) return path || "body";
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, prefix?: string): T {
  const result = schema.safeParse(value);
  if (result.success) {
    const nul = nulPath(result.data);
    if (nul === null) return result.data;
    const field = [prefix, nul].filter(Boolean).join(".");
    throw new AppError("invalid_input", `Invalid ${what}: ${field}: contains a NUL character (U+0000)`, [{ field, message: "contains a NUL character (U+0000)" }]);
  }
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

function declaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/**
 * The body's bytes, never holding more than `limit` of them: a declared Content-Length over the
 * limit is refused before anything is read, a body without one (chunked) as soon as it passes the
 * limit. `what` names the body in the 413's message ("The file", "The JSON body").
 */
export async function readBodyBytes(request: Request, limit: number, what: string): Promise<Uint8Array> {
  const declared = declaredLength(request);
  const tooLarge = (size?: number) =>
    new AppError("too_large", `${what} is ${size === undefined ? "" : `${formatSize(size)}, `}over the ${formatMegabytes(limit)} limit; nothing was read.`, [
      { field: "body", message: `larger than ${formatMegabytes(limit)}` },
    ]);
  if (declared !== null && declared > limit) throw tooLarge(declared);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  // A proxy in front (Next's own included) may pass on only the start of a large body.
  if (declared !== null && total !== declared) {
    throw new AppError("invalid_input", `The request body was cut short (${total} of ${declared} bytes arrived); nothing was read. Send it again.`, [{ field: "body", message: "incomplete" }]);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = new TextDecoder().decode(await readBodyBytes(request, maxJsonBytes(), "The JSON body"));
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
