import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_PORTFOLIO } from "@/lib/portfolios";

export const PORTFOLIO_COOKIE = "aker-portfolio";

/** The portfolio the UI works on: chosen in the nav, remembered in a cookie. */
export async function currentPortfolio(): Promise<string> {
  const jar = await cookies();
  const slug = jar.get(PORTFOLIO_COOKIE)?.value;
  return slug && /^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) ? slug : DEFAULT_PORTFOLIO;
}
