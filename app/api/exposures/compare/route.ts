import { compareLimits } from "@/lib/analysis";
import { handler, json, parseJsonBody, portfolioSlugOf } from "@/lib/http";
import { compareSchema } from "@/lib/schemas";

export const POST = handler(async (request: Request) => json(await compareLimits(await parseJsonBody(request, compareSchema), portfolioSlugOf(request))));
