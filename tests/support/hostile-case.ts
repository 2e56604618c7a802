import type { ErrorCode } from "@/lib/errors";

// One hostile request (a Case) and its answer, and what an error answer must look like: the one
// `{ error: { code, message, details? } }` shape. Used by the Harness (hostile.ts).

export const JSON_TYPE = "application/json";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface Case {
  method: string;
  path: string;
  /** Raw query string (without "?"), sent as is. */
  query?: string;
  body?: string | Uint8Array | FormData | ReadableStream<Uint8Array>;
  /** null: no Content-Type header at all. */
  contentType?: string | null;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

export function describeCase(c: Case): string {
  const body =
    c.body === undefined
      ? ""
      : typeof c.body === "string"
        ? c.body
        : c.body instanceof Uint8Array
          ? `<${c.body.byteLength} bytes>`
          : "<form/stream>";
  return `${c.method} ${`${c.path}${c.query ? `?${c.query}` : ""}`.slice(0, 300)} [${c.contentType ?? "no content-type"}] ${body.slice(0, 300)}`;
}

export function hasErrorShape(answer: Answer): boolean {
  if (!answer.contentType.startsWith("application/json")) return false;
  try {
    const body = JSON.parse(answer.text) as {
      error?: { code?: unknown; message?: unknown; details?: unknown; columns?: unknown };
    };
    const error = body.error;
    return (
      Object.keys(body).join() === "error" &&
      typeof error?.code === "string" &&
      typeof error.message === "string" &&
      error.message.length > 0 &&
      Object.keys(error).every((k) => ["code", "message", "details", "columns"].includes(k)) &&
      (error.details === undefined || Array.isArray(error.details)) &&
      // Only an import's 422 without a position_value column lists the file's columns.
      (error.columns === undefined || (error.code === "invalid_data" && Array.isArray(error.columns)))
    );
  } catch {
    return false;
  }
}

export function errorOf(answer: Answer): { code: ErrorCode; message: string } {
  return (JSON.parse(answer.text) as { error: { code: ErrorCode; message: string } }).error;
}
