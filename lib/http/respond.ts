import { isDatabaseUnavailable } from "../db/unavailable";
import { AppError, ERROR_STATUS } from "../errors";
import type { ExportFile } from "../export";
import { logger } from "../logger";
import type { Snapshot } from "../services/snapshots";

// Every answer of the REST API goes through here, so every endpoint speaks the same JSON and the
// same error shape: { error: { code, message, details? } }.

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function attachment(body: BodyInit, contentType: string, filename: string, headers?: HeadersInit): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

// Snapshot reads carry an ETag; a client may keep the body but must ask again each time (the
// data changes whenever someone writes), and a matching If-None-Match is answered 304, no body.
const REVALIDATE = "private, no-cache";

/** Whether the request's If-None-Match names this ETag (weak comparison, lists and `*` too). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notModifiedResponse(etag: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": REVALIDATE } });
}

/** A cached read as JSON with its ETag, or 304 when the client already has it. */
export function snapshotJson(request: Request, snapshot: Snapshot<unknown>): Response {
  if (notModified(request, snapshot.etag)) return notModifiedResponse(snapshot.etag);
  return new Response(snapshot.bytes() as BodyInit, {
    headers: { "Content-Type": "application/json", ETag: snapshot.etag, "Cache-Control": REVALIDATE },
  });
}

/** A cached file as a download with its ETag, or 304 when the client already has it. */
export function snapshotAttachment(request: Request, snapshot: Snapshot<ExportFile>): Response {
  if (notModified(request, snapshot.etag)) return notModifiedResponse(snapshot.etag);
  const file = snapshot.value;
  return attachment(file.body as BodyInit, file.contentType, file.filename, {
    ETag: snapshot.etag,
    "Cache-Control": REVALIDATE,
  });
}

/** The one error shape; for an AppError built at the edge (an unknown path, a method not allowed). */
export function appErrorResponse(error: AppError, headers?: HeadersInit): Response {
  const body = { ...error.extra, code: error.code, message: error.message, details: error.details };
  return json({ error: body }, error.status, headers);
}

/** Any thrown value as the standard error response; an unknown one is a 500 that reveals nothing. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    if (error.status >= 500) logger.error({ event: "request.error", code: error.code, err: error }, error.message);
    return appErrorResponse(error);
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
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
  } | null;
  const sqlState = String(e?.meta?.code ?? e?.meta?.driverAdapterError?.cause?.originalCode ?? "");
  if (e?.code === "P2002" || sqlState === "23505")
    return new AppError("conflict", "That record already exists (another request may have just created it).");
  if (e?.code === "P2000" || e?.code === "P2020" || sqlState.startsWith("22")) {
    logger.warn({ event: "request.error", code: "invalid_data", err: error }, "value rejected by the database");
    return new AppError("invalid_data", "A value is outside what can be stored (too large, too long or out of range).");
  }
  return null;
}
