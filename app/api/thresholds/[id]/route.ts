import { idParam, json, noContent, parseJsonBody, portfolioSlugOf, route } from "@/lib/http";
import { thresholdUpdateSchema } from "@/lib/schemas";
import { deleteThreshold, updateThreshold } from "@/lib/thresholds";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route("manager", async (request: Request, { params }: Context) => {
  const id = await idParam(params, "Limit");
  const body = await parseJsonBody(request, thresholdUpdateSchema);
  return json(await updateThreshold(id, body, portfolioSlugOf(request)));
});

export const DELETE = route("manager", async (request: Request, { params }: Context) => {
  await deleteThreshold(await idParam(params, "Limit"), portfolioSlugOf(request));
  return noContent();
});
