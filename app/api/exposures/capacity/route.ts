import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { capacityQuerySchema } from "@/lib/schemas";
import { capacitySnapshot } from "@/lib/services/scenarios";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await capacitySnapshot(ctx, parseQuery(request, capacityQuerySchema).dimensionType)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
