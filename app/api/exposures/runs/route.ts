import { json, parseJsonBody, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { computeRun, listRuns } from "@/lib/runs";
import { dateRangeSchema, runCreateSchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => json(await listRuns(parseQuery(request, dateRangeSchema), portfolioSlugOf(request))));

export const POST = route("manager", async (request: Request) => {
  const body = await parseJsonBody(request, runCreateSchema);
  return json(await computeRun(body, portfolioSlugOf(request)), 201);
});
