/** The cookie that remembers the portfolio chosen in the nav (read by pages and by the page cache). */
export const PORTFOLIO_COOKIE = "aker-portfolio";
