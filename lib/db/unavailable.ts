// Whether a thrown value means "the database cannot be reached right now" (answered 503 with
// Retry-After) rather than a bug (500). Prisma 7 with @prisma/adapter-pg reports an outage in
// several shapes, all seen in tests/reliability/faults.test.ts:
// - nothing listening: P1001, its driverAdapterError cause { kind: "DatabaseNotReachable" }
//   (a raw query wraps the same cause in P2010);
// - the backend terminated (admin command, server restart): P2010 / P2039 with the SQLSTATE
//   57P01 in the cause's originalCode;
// - the socket cut mid-query: a plain Error "Connection terminated unexpectedly" from pg;
// - a pool or transaction that could not get a connection in time: P2024, P2028 "Unable to start".

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const UNAVAILABLE_DRIVER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// SQLSTATE: class 08 connection exception; 57P01–57P03 shutdown / cannot connect now; 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // pg: socket closed mid-query, or connectionTimeoutMillis passed
  /not queryable/i, // pg: a client whose connection already failed
  /timeout exceeded when trying to connect/i, // pg-pool
  /Unable to start a transaction in the given time/i, // Prisma P2028: no connection within maxWait
  /Can't reach database server/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: {
    code?: unknown;
    driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } };
  };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  const cause = e.meta?.driverAdapterError?.cause;
  const sqlState = String(cause?.originalCode ?? cause?.code ?? e.meta?.code ?? code);
  if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))
    return true;
  if (typeof cause?.kind === "string" && UNAVAILABLE_DRIVER_KINDS.has(cause.kind)) return true;
  if (UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string)))
    return true;
  // Node wraps a failed connect to every address of a host in an AggregateError; pg may set cause.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
