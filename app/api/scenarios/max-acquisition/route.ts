import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { maxAcquisitionSchema } from "@/lib/schemas";
import { largestAcquisition } from "@/lib/services/scenarios";

export const POST = portfolioRoute("viewer", async ({ request, ctx }) =>
  json(await largestAcquisition(ctx, (await parseJsonBody(request, maxAcquisitionSchema)).position)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
