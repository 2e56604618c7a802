import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { countOpenAlerts } from "@/lib/services/alerts";

export const dynamic = "force-dynamic";

/** Open alerts by severity: what the nav badge polls. */
export const GET = portfolioRoute("viewer", async ({ ctx }) => json(await countOpenAlerts(ctx)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
