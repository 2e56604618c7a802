import { acknowledgeAlert } from "@/lib/alerts";
import { idParam, json, parseJsonBody, portfolioSlugOf, route } from "@/lib/http";
import { acknowledgeSchema } from "@/lib/schemas";

export const POST = route("manager", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = await idParam(params, "Alert");
  const body = await parseJsonBody(request, acknowledgeSchema);
  return json(await acknowledgeAlert(id, body, portfolioSlugOf(request)));
});
