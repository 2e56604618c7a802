import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { listPositions } from "@/lib/positions";
import { positionListSchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => {
  const { limit, cursor, offset, sort, dir, ...filters } = parseQuery(request, positionListSchema);
  return json(await listPositions({ limit, cursor, offset, sort, dir, filters }, portfolioSlugOf(request)));
});
