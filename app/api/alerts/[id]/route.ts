import { getAlertOrThrow } from "@/lib/alerts";
import { handler, idParam, json, portfolioSlugOf } from "@/lib/http";

export const GET = handler(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getAlertOrThrow(await idParam(params, "Alert"), portfolioSlugOf(request))),
);
