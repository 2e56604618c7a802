import { countOpenAlerts } from "@/lib/alerts";
import { json, portfolioSlugOf, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Open alerts by severity: what the nav badge polls. */
export const GET = route("viewer", async (request: Request) => json(await countOpenAlerts(portfolioSlugOf(request))));
