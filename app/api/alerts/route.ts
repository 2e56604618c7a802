import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { alertListSchema } from "@/lib/schemas";
import { listAlertsSnapshot } from "@/lib/services/alerts";

export const dynamic = "force-dynamic";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await listAlertsSnapshot(ctx, parseQuery(request, alertListSchema))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
