import { otherMethods } from "@/lib/http/fallback";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getDashboardSnapshot } from "@/lib/services/analysis";

export const dynamic = "force-dynamic";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await getDashboardSnapshot(ctx)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
