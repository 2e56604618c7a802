import { getDashboard } from "@/lib/analysis";
import { json, portfolioSlugOf, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route("viewer", async (request: Request) => json(await getDashboard(portfolioSlugOf(request))));
