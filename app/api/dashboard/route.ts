import { getDashboard } from "@/lib/analysis";
import { handler, json, portfolioSlugOf } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => json(await getDashboard(portfolioSlugOf(request))));
