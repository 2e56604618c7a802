import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { runRefSchema } from "@/lib/schemas";
import { getGeographicSnapshot } from "@/lib/services/analysis";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { runId } = parseQuery(request, runRefSchema);
  return snapshotJson(request, await getGeographicSnapshot(ctx, runId));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
