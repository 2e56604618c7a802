import { handler, json, parseJsonBody } from "@/lib/http";
import { createPortfolio, listPortfolios } from "@/lib/portfolios";
import { portfolioCreateSchema } from "@/lib/schemas";

export const GET = handler(async () => json({ items: await listPortfolios() }));

export const POST = handler(async (request: Request) => {
  const body = await parseJsonBody(request, portfolioCreateSchema);
  return json(await createPortfolio(body), 201);
});
