import { getAlertOrThrow } from "@/lib/alerts";
import { idParam, json, portfolioSlugOf, route } from "@/lib/http";

export const GET = route("viewer", async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getAlertOrThrow(await idParam(params, "Alert"), portfolioSlugOf(request))),
);
