"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "../auth/server";
import { action } from "../http/action";
import { PORTFOLIO_COOKIE } from "../http/portfolio-cookie";
import { firstAdminSchema } from "../schemas";
import { getPortfolioOrThrow } from "../services/portfolios";
import { createFirstAdmin } from "../services/users";

/** First run only (no user exists yet): creates the first admin and signs them in. */
export const setupFirstAdminAction = action(null, firstAdminSchema, async (input) => {
  await createFirstAdmin(input);
  await (await getAuth()).api.signInEmail({
    body: { email: input.email, password: input.password },
    headers: await headers(),
  });
  redirect("/");
});

export const signOutAction = action(null, z.object({}), async () => {
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect("/sign-in");
});

/** The portfolio the UI works on, remembered in a cookie for a year. */
export const selectPortfolioAction = action(
  "viewer",
  z.object({ portfolio: z.string().max(100) }),
  async (input) => {
    const portfolio = await getPortfolioOrThrow(input.portfolio, { active: true });
    (await cookies()).set(PORTFOLIO_COOKIE, portfolio.slug, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 60 * 60 * 24 * 365,
    });
    return portfolio.slug;
  },
  { revalidate: [["/", "layout"]] },
);
