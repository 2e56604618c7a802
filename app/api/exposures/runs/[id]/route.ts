import { handler, idParam, json, portfolioSlugOf } from "@/lib/http";
import { getRunOrThrow } from "@/lib/runs";

export const GET = handler(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getRunOrThrow(await idParam(params, "Run"), portfolioSlugOf(request))),
);
