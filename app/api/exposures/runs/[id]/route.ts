import { idParam, json, portfolioSlugOf, route } from "@/lib/http";
import { getRunOrThrow } from "@/lib/runs";

export const GET = route("viewer", async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getRunOrThrow(await idParam(params, "Run"), portfolioSlugOf(request))),
);
