import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { resolveSchema } from "@/lib/schemas";
import { unwaiveAlert } from "@/lib/services/alerts";

export const POST = portfolioRoute<{ id: string }>("manager", async ({ request, params, ctx }) => {
  const id = uuidParam(params.id, "Alert");
  return json(await unwaiveAlert(ctx, id, await parseJsonBody(request, resolveSchema)));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
