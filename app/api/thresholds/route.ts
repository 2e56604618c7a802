import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { limitCreateSchema } from "@/lib/schemas";
import { createLimit, listLimits } from "@/lib/services/limits";

// Limits keep their original REST path, /api/thresholds, for the clients that use it.

export const GET = portfolioRoute("viewer", async ({ ctx }) => json(await listLimits(ctx)));

export const POST = portfolioRoute("manager", async ({ request, ctx }) =>
  json(await createLimit(ctx, await parseJsonBody(request, limitCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
