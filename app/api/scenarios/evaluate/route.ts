import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { scenarioEvaluateSchema } from "@/lib/schemas";
import { evaluateTrades } from "@/lib/services/scenarios";

// A what-if reads the book and writes nothing: a viewer may ask.
export const POST = portfolioRoute("viewer", async ({ request, ctx }) =>
  json(await evaluateTrades(ctx, await parseJsonBody(request, scenarioEvaluateSchema))),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
