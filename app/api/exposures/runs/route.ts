import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { dateRangeSchema, runCreateSchema } from "@/lib/schemas";
import { listRuns } from "@/lib/services/runs";
import { computeRun } from "@/lib/services/runs-compute";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) =>
  json(await listRuns(ctx, parseQuery(request, dateRangeSchema))),
);

export const POST = portfolioRoute("manager", async ({ request, ctx }) =>
  json(await computeRun(ctx, await parseJsonBody(request, runCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
