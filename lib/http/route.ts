import { authenticate } from "../auth/authenticate";
import { hasRole, type Role } from "../auth/roles";
import { AppError } from "../errors";
import type { ActorContext, PortfolioContext } from "../services/context";
import { portfolioContext, readOnlyPortfolioContext } from "../services/portfolios";
import { errorResponse } from "./respond";

// The one way into a route handler: authenticate, check the role, resolve the context once, call
// the handler, turn anything thrown into the standard error response. Handlers stay thin:
// parse → one service → answer.

/** Next hands a dynamic route its params as a promise. */
interface Segment<P> {
  params: Promise<P>;
}

export interface RouteArgs<P, C extends ActorContext = ActorContext> {
  request: Request;
  params: P;
  ctx: C;
}

type Handler<P, C extends ActorContext> = (args: RouteArgs<P, C>) => Promise<Response>;
type Params = Record<string, string | string[] | undefined>;

/** Wraps a handler so any thrown value becomes the standard error response (open routes: health). */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function actorWithRole(request: Request, role: Role) {
  const actor = await authenticate(request.headers);
  if (!actor) throw new AppError("unauthorized", "Sign in, or send an API token: Authorization: Bearer <token>.");
  if (!hasRole(actor.role, role))
    throw new AppError("forbidden", `This needs the ${role} role; you are signed in as a ${actor.role}.`);
  return actor;
}

/**
 * A route handler for a signed-in user (session cookie or API token) with at least `role`: 401
 * without one, 403 below it. For what is not about one portfolio (users, tokens, the audit log).
 */
export function route<P extends Params = Params>(role: Role, fn: Handler<P, ActorContext>) {
  return handler(async (request: Request, segment?: Segment<P>) => {
    const actor = await actorWithRole(request, role);
    return fn({ request, params: (await segment?.params) ?? ({} as P), ctx: { actor } });
  });
}

/**
 * As route(), about the portfolio named by `?portfolio=<slug>` (default: the default one). A GET
 * only reads, so its context carries the portfolio's data version for the snapshot cache.
 */
export function portfolioRoute<P extends Params = Params>(role: Role, fn: Handler<P, PortfolioContext>) {
  return handler(async (request: Request, segment?: Segment<P>) => {
    const actor = await actorWithRole(request, role);
    const slug = new URL(request.url).searchParams.get("portfolio") ?? undefined;
    const readOnly = request.method === "GET" || request.method === "HEAD";
    const ctx = await (readOnly ? readOnlyPortfolioContext : portfolioContext)(slug, actor);
    return fn({ request, params: (await segment?.params) ?? ({} as P), ctx });
  });
}
