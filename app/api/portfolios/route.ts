import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { portfolioCreateSchema } from "@/lib/schemas";
import { createPortfolio, listPortfolios } from "@/lib/services/portfolios";

export const GET = route("viewer", async () => json({ items: await listPortfolios() }));

export const POST = route("manager", async ({ request }) =>
  json(await createPortfolio(await parseJsonBody(request, portfolioCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
