import { resolveAlert } from "@/lib/alerts";
import { idParam, json, parseJsonBody, portfolioSlugOf, route } from "@/lib/http";
import { resolveSchema } from "@/lib/schemas";

export const POST = route("manager", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = await idParam(params, "Alert");
  const body = await parseJsonBody(request, resolveSchema);
  return json(await resolveAlert(id, body, portfolioSlugOf(request)));
});
