import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { compareSchema } from "@/lib/schemas";
import { compareLimits } from "@/lib/services/analysis";

export const POST = portfolioRoute("viewer", async ({ request, ctx }) =>
  json(await compareLimits(ctx, await parseJsonBody(request, compareSchema))),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
