import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { commitScenario } from "@/lib/services/scenarios-commit";

export const POST = portfolioRoute<{ id: string }>("manager", async ({ params, ctx }) =>
  json(await commitScenario(ctx, uuidParam(params.id, "Scenario"))),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
