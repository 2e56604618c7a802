import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, uuidParam } from "@/lib/http/parse";
import { json, noContent } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { scenarioUpdateSchema } from "@/lib/schemas";
import { deleteScenario, getScenario, updateScenario } from "@/lib/services/scenarios";

// The GET re-evaluates the scenario against today's book and limits.
export const GET = portfolioRoute<{ id: string }>("viewer", async ({ params, ctx }) =>
  json(await getScenario(ctx, uuidParam(params.id, "Scenario"))),
);

export const PATCH = portfolioRoute<{ id: string }>("manager", async ({ request, params, ctx }) => {
  const id = uuidParam(params.id, "Scenario");
  return json(await updateScenario(ctx, id, await parseJsonBody(request, scenarioUpdateSchema)));
});

export const DELETE = portfolioRoute<{ id: string }>("manager", async ({ params, ctx }) => {
  await deleteScenario(ctx, uuidParam(params.id, "Scenario"));
  return noContent();
});

export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
