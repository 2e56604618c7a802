"use server";

import { z } from "zod";
import { action, type Revalidate } from "../http/action";
import { PORTFOLIO_SLUG, portfolioCreateSchema, portfolioUpdateSchema } from "../schemas";
import { createPortfolio } from "../services/portfolios";
import { archivePortfolio, renamePortfolio, unarchivePortfolio } from "../services/portfolios-admin";

// The Admin page's portfolios section: the same services as POST /api/portfolios,
// PATCH /api/portfolios/{slug} and its archive / unarchive routes. Every page's nav lists the
// portfolios, so each change revalidates the whole layout.

const revalidate: Revalidate[] = [["/", "layout"]];
const slug = z.object({ slug: z.string().regex(PORTFOLIO_SLUG, "must be a portfolio slug") });

export const createPortfolioAction = action(
  "admin",
  portfolioCreateSchema,
  (input, ctx) => createPortfolio(input, ctx),
  {
    invalid: "The portfolio was not created: check the highlighted fields.",
    revalidate,
  },
);

export const renamePortfolioAction = action(
  "admin",
  portfolioUpdateSchema.omit({ slug: true }).extend(slug.shape),
  ({ slug, name }, ctx) => renamePortfolio(ctx, slug, { name }),
  { invalid: "The name was not saved: check the highlighted fields.", revalidate },
);

export const archivePortfolioAction = action("admin", slug, ({ slug }, ctx) => archivePortfolio(ctx, slug), {
  revalidate,
});

export const unarchivePortfolioAction = action("admin", slug, ({ slug }, ctx) => unarchivePortfolio(ctx, slug), {
  revalidate,
});
