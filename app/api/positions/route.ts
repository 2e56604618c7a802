import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { positionListSchema } from "@/lib/schemas";
import { listPositions } from "@/lib/services/positions-list";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { limit, cursor, offset, sort, dir, q, ...filters } = parseQuery(request, positionListSchema);
  return json(await listPositions(ctx, { limit, cursor, offset, sort, dir, q, filters }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
