import type { Actor } from "../auth/roles";

// What every service is handed by the edge (route(), action(), a page, the CLI), resolved once per
// request, as dub's withWorkspace hands each handler its workspace. Services never look the
// actor or the portfolio up again.

export interface PortfolioRef {
  id: string;
  slug: string;
  name: string;
}

/** Who acts: a signed-in user, an API token's owner, the CLI; null for scripts and tests ("system"). */
export interface ActorContext {
  actor: Actor | null;
}

/** A request about one portfolio. */
export interface PortfolioContext extends ActorContext {
  portfolio: PortfolioRef;
  /**
   * The portfolio's data version, read together with it by a request that only reads (a GET of
   * the REST API), so its snapshot reads need not ask again. Absent wherever a write may follow.
   */
  readVersion?: number;
}

/** How the actor reads in an alert's history and the audit log. */
export function actorName(ctx: ActorContext): string {
  return ctx.actor ? ctx.actor.name || ctx.actor.email : "system";
}
