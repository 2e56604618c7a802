import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authenticate } from "../auth/authenticate";
import { type Actor, hasRole, type Role } from "../auth/roles";
import type { PortfolioContext } from "../services/context";
import { getPortfolioOrThrow, readOnlyPortfolioContext } from "../services/portfolios";
import { PORTFOLIO_COOKIE, withDefaultFallback } from "./portfolio-cookie";

// The way into a page: who is signed in, and which portfolio the UI works on. Both are resolved
// once per request (React's cache) however many layouts and sections ask.

/** The signed-in user of this request, or null. */
export const getActor = cache(async (): Promise<Actor | null> => authenticate(await headers()));

/** For pages: sign-in when nobody is signed in, a 403 page when the role is too low. */
export async function requirePageActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (!hasRole(actor.role, role)) forbidden();
  return actor;
}

/** The slug the nav's cookie names, if any. */
async function cookieSlug(): Promise<string | undefined> {
  return (await cookies()).get(PORTFOLIO_COOKIE)?.value;
}

/** The portfolio chosen in the nav (server actions: they write, so they carry no data version). */
export const cookiePortfolio = cache(async () =>
  withDefaultFallback(await cookieSlug(), (slug) => getPortfolioOrThrow(slug, { active: true })),
);

/**
 * What a page's sections are handed: the signed-in viewer (at least) and the chosen portfolio,
 * read with its data version so the page's snapshot reads (run, limits, alerts) need no further
 * query. A page only reads, so the version holds for its whole render.
 */
export const pageContext = cache(async (): Promise<PortfolioContext & { actor: Actor }> => {
  const actor = await requirePageActor("viewer");
  return {
    ...(await withDefaultFallback(await cookieSlug(), (slug) =>
      readOnlyPortfolioContext(slug, actor, { active: true }),
    )),
    actor,
  };
});
