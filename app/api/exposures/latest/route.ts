import { otherMethods } from "@/lib/http/fallback";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getRunSnapshot } from "@/lib/services/runs";

export const dynamic = "force-dynamic";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await getRunSnapshot(ctx)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
