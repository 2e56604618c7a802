import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { portfolioUpdateSchema } from "@/lib/schemas";
import { getPortfolioDto, renamePortfolio } from "@/lib/services/portfolios-admin";

export const GET = route<{ slug: string }>("viewer", async ({ params }) => json(await getPortfolioDto(params.slug)));

export const PATCH = route<{ slug: string }>("admin", async ({ request, params, ctx }) =>
  json(await renamePortfolio(ctx, params.slug, await parseJsonBody(request, portfolioUpdateSchema))),
);

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
