import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json, snapshotJson } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { limitCreateSchema } from "@/lib/schemas";
import { createLimit, listLimitsSnapshot } from "@/lib/services/limits";

// Limits keep their original REST path, /api/thresholds, for the clients that use it.

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  snapshotJson(request, await listLimitsSnapshot(ctx)),
);

export const POST = portfolioRoute("manager", async ({ request, ctx }) =>
  json(await createLimit(ctx, await parseJsonBody(request, limitCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
