import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { runRefSchema } from "@/lib/schemas";
import { getGeographic } from "@/lib/services/analysis";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { runId } = parseQuery(request, runRefSchema);
  return json(await getGeographic(ctx, runId));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
