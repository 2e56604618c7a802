import { handler, json, parseJsonBody, parseQuery, portfolioSlugOf } from "@/lib/http";
import { computeRun, listRuns } from "@/lib/runs";
import { dateRangeSchema, runCreateSchema } from "@/lib/schemas";

export const GET = handler(async (request: Request) => json(await listRuns(parseQuery(request, dateRangeSchema), portfolioSlugOf(request))));

export const POST = handler(async (request: Request) => {
  const body = await parseJsonBody(request, runCreateSchema);
  return json(await computeRun(body, portfolioSlugOf(request)), 201);
});
