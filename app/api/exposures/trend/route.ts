import { getTrend } from "@/lib/analysis";
import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { trendQuerySchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => json(await getTrend(parseQuery(request, trendQuerySchema), portfolioSlugOf(request))));
