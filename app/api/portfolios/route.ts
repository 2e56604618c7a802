import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { portfolioCreateSchema, portfolioListSchema } from "@/lib/schemas";
import { createPortfolio, listPortfolios } from "@/lib/services/portfolios";

export const GET = route("viewer", async ({ request }) => {
  const { include } = parseQuery(request, portfolioListSchema);
  return json({ items: await listPortfolios({ archived: include === "archived" }) });
});

export const POST = route("manager", async ({ request, ctx }) =>
  json(await createPortfolio(await parseJsonBody(request, portfolioCreateSchema), ctx), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
