import { getTrend } from "@/lib/analysis";
import { handler, json, parseQuery, portfolioSlugOf } from "@/lib/http";
import { trendQuerySchema } from "@/lib/schemas";

export const GET = handler(async (request: Request) => json(await getTrend(parseQuery(request, trendQuerySchema), portfolioSlugOf(request))));
