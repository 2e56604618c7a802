import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { isAppError } from "@/lib/errors";
import { DEFAULT_PORTFOLIO, getPortfolioOrThrow } from "@/lib/portfolios";
import { requirePageActor } from "./auth/guard";

export const PORTFOLIO_COOKIE = "aker-portfolio";

/**
 * The portfolio the UI works on: chosen in the nav, remembered in a cookie. A cookie naming a
 * portfolio that no longer exists falls back to the default instead of breaking every page.
 * Memoised per request: every section of a page asks for it.
 */
export const currentPortfolio = cache(async (): Promise<string> => {
  // Every page and action asks for the portfolio: the one place that also insists on a sign-in.
  await requirePageActor("viewer");
  const slug = (await cookies()).get(PORTFOLIO_COOKIE)?.value;
  if (!slug || slug === DEFAULT_PORTFOLIO || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return DEFAULT_PORTFOLIO;
  try {
    return (await getPortfolioOrThrow(slug)).slug;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return DEFAULT_PORTFOLIO;
    throw error;
  }
});
