import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { waiveSchema } from "@/lib/schemas";
import { waiveAlert } from "@/lib/services/alerts";

export const POST = portfolioRoute<{ id: string }>("manager", async ({ request, params, ctx }) => {
  const id = uuidParam(params.id, "Alert");
  return json(await waiveAlert(ctx, id, await parseJsonBody(request, waiveSchema)));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
