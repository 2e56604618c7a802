import { countOpenAlerts } from "@/lib/alerts";
import { handler, json, portfolioSlugOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Open alerts by severity: what the nav badge polls. */
export const GET = handler(async (request: Request) => json(await countOpenAlerts(portfolioSlugOf(request))));
