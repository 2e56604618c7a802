import { isAppError } from "../errors";
import { DEFAULT_PORTFOLIO } from "../services/portfolios";

/** The cookie that remembers the portfolio chosen in the nav (read by pages and by the page cache). */
export const PORTFOLIO_COOKIE = "aker-portfolio";

/**
 * Reads the portfolio the nav's cookie names (`slug`, undefined without one); one that no longer
 * exists, or that an admin archived (it has left the picker), falls back to the default instead of
 * breaking every page.
 */
export async function withDefaultFallback<T>(slug: string | undefined, read: (slug: string) => Promise<T>): Promise<T> {
  try {
    return await read(slug ?? DEFAULT_PORTFOLIO);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found" && slug !== undefined) return read(DEFAULT_PORTFOLIO);
    throw error;
  }
}
