import { otherMethods } from "@/lib/http/fallback";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { countOpenAlertsSnapshot } from "@/lib/services/alerts";

export const dynamic = "force-dynamic";

/** Open alerts by severity: what the nav badge polls. */
export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await countOpenAlertsSnapshot(ctx)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
