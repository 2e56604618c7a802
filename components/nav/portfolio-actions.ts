"use server";

import { requirePageActor } from "../auth/guard";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getPortfolioOrThrow } from "@/lib/portfolios";
import { PORTFOLIO_COOKIE } from "../portfolio";

export async function selectPortfolio(formData: FormData): Promise<void> {
  await requirePageActor("viewer");
  const slug = String(formData.get("portfolio") ?? "default");
  const portfolio = await getPortfolioOrThrow(slug);
  (await cookies()).set(PORTFOLIO_COOKIE, portfolio.slug, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
