import { json, parseJsonBody, route } from "@/lib/http";
import { createPortfolio, listPortfolios } from "@/lib/portfolios";
import { portfolioCreateSchema } from "@/lib/schemas";

export const GET = route("viewer", async () => json({ items: await listPortfolios() }));

export const POST = route("manager", async (request: Request) => {
  const body = await parseJsonBody(request, portfolioCreateSchema);
  return json(await createPortfolio(body), 201);
});
