import { getGeographic } from "@/lib/analysis";
import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { runRefSchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => {
  const { runId } = parseQuery(request, runRefSchema);
  return json(await getGeographic(runId, portfolioSlugOf(request)));
});
