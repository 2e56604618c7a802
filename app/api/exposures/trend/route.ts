import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { trendQuerySchema } from "@/lib/schemas";
import { getTrendSnapshot } from "@/lib/services/analysis";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await getTrendSnapshot(ctx, parseQuery(request, trendQuerySchema))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
