import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { scenarioCreateSchema } from "@/lib/schemas";
import { createScenario, listScenarios } from "@/lib/services/scenarios";

export const GET = portfolioRoute("viewer", async ({ ctx }) => json(await listScenarios(ctx)));

export const POST = portfolioRoute("manager", async ({ request, ctx }) =>
  json(await createScenario(ctx, await parseJsonBody(request, scenarioCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
