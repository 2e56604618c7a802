import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getRunSnapshot } from "@/lib/services/runs";

export const GET = portfolioRoute<{ id: string }>("viewer", async ({ request, params, ctx }) =>
  snapshotJson(request, await getRunSnapshot(ctx, uuidParam(params.id, "Run"))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
