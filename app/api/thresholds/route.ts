import { json, parseJsonBody, portfolioSlugOf, route } from "@/lib/http";
import { thresholdCreateSchema } from "@/lib/schemas";
import { createThreshold, listThresholds } from "@/lib/thresholds";

export const GET = route("viewer", async (request: Request) => json(await listThresholds(portfolioSlugOf(request))));

export const POST = route("manager", async (request: Request) => {
  const body = await parseJsonBody(request, thresholdCreateSchema);
  return json(await createThreshold(body, portfolioSlugOf(request)), 201);
});
