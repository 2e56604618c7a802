import { AppError } from "../errors";

// Next decodes dynamic path segments itself, and a segment that is not valid percent-encoded
// UTF-8 (/api/alerts/%E0%A4%A) makes it answer a bare "500 Internal Server Error" before any
// route handler runs. The proxy refuses such paths first, in the API's one error shape.

function isMalformed(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** A 400 for a path that cannot be decoded, or null when the path is fine. `pathname` is raw (still encoded). */
export function malformedPathResponse(pathname: string): Response | null {
  if (!isMalformed(pathname)) return null;
  // The API's error shape, built here rather than with respond.ts: the proxy loads no logger.
  const error = new AppError("invalid_input", "The URL path is not valid percent-encoded UTF-8.", [
    { field: "path", message: "cannot be decoded" },
  ]);
  return Response.json(
    { error: { code: error.code, message: error.message, details: error.details } },
    { status: error.status },
  );
}
