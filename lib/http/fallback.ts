import { AppError } from "../errors";
import { appErrorResponse } from "./respond";

// What Next would answer with an HTML page or an empty body, the API answers in its own error
// shape: an unknown path is a 404, a method a route does not take is a 405 naming the ones it does.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Fallback = (request: Request) => Promise<Response>;

/** For a route file: every method it does not export, answered 405 with an Allow header. */
export function otherMethods<A extends Method>(...allowed: A[]): Record<Exclude<Method, A>, Fallback> {
  const allow = [...allowed, ...(allowed.includes("GET" as A) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Fallback = async (request) =>
    appErrorResponse(
      new AppError(
        "method_not_allowed",
        `${request.method} is not allowed here; this endpoint takes ${allowed.join(", ")}.`,
      ),
      { Allow: allow },
    );
  const others = METHODS.filter((m) => !(allowed as readonly Method[]).includes(m));
  return Object.fromEntries(others.map((m) => [m, refuse])) as Record<Exclude<Method, A>, Fallback>;
}

/** For the /api catch-all: a path that names no endpoint, whatever the method. */
export function unknownApiPath(): Record<Method, Fallback> {
  const notFound: Fallback = async (request) =>
    appErrorResponse(new AppError("not_found", `There is no API endpoint at ${new URL(request.url).pathname}.`));
  return Object.fromEntries(METHODS.map((m) => [m, notFound])) as Record<Method, Fallback>;
}
