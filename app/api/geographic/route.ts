import { getGeographic } from "@/lib/analysis";
import { handler, json, parseQuery, portfolioSlugOf } from "@/lib/http";
import { runRefSchema } from "@/lib/schemas";

export const GET = handler(async (request: Request) => {
  const { runId } = parseQuery(request, runRefSchema);
  return json(await getGeographic(runId, portfolioSlugOf(request)));
});
