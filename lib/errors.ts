// The one error vocabulary. Services throw AppError; each edge turns it into its own answer with
// the same code and message: route handlers into { error: { code, message, details? } } with the
// status below (errorResponse, lib/http/respond.ts), server actions into { ok: false, message,
// fieldErrors } (action(), lib/http/action.ts), the CLI into "error (code): message" and exit 1.

export const ERROR_STATUS = {
  invalid_input: 400, // the request itself is malformed: bad JSON, bad enum, out-of-range field
  unauthorized: 401, // no valid session or API token
  forbidden: 403, // signed in, but the role does not allow it
  not_found: 404,
  method_not_allowed: 405, // the endpoint exists but does not take this method (the Allow header says which do)
  conflict: 409, // the transition or write is not allowed in the current state
  too_large: 413,
  invalid_data: 422, // well-formed, but the content cannot be used: bad rows, empty portfolio
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One bad value in the input: `row` is absent for request-level fields. */
export interface FieldIssue {
  row?: number;
  field: string;
  message: string;
}

/** What an error body may carry beside code, message and details, for a client to act on. */
export interface ErrorExtra {
  /** An import whose required column is not mapped: every column of the file and what it maps to. */
  columns?: Array<{ header: string; column: string | null; source: string | null }>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[] | undefined;
  readonly extra: ErrorExtra | undefined;

  constructor(code: ErrorCode, message: string, details?: FieldIssue[], extra?: ErrorExtra) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
