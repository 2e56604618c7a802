import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, uuidParam } from "@/lib/http/parse";
import { json, noContent } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { limitUpdateSchema } from "@/lib/schemas";
import { deleteLimit, updateLimit } from "@/lib/services/limits";

// Limits keep their original REST path, /api/thresholds, for the clients that use it.

export const PATCH = portfolioRoute<{ id: string }>("manager", async ({ request, params, ctx }) => {
  const id = uuidParam(params.id, "Limit");
  return json(await updateLimit(ctx, id, await parseJsonBody(request, limitUpdateSchema)));
});

export const DELETE = portfolioRoute<{ id: string }>("manager", async ({ params, ctx }) => {
  await deleteLimit(ctx, uuidParam(params.id, "Limit"));
  return noContent();
});

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
