import { compareLimits } from "@/lib/analysis";
import { json, parseJsonBody, portfolioSlugOf, route } from "@/lib/http";
import { compareSchema } from "@/lib/schemas";

export const POST = route("viewer", async (request: Request) => json(await compareLimits(await parseJsonBody(request, compareSchema), portfolioSlugOf(request))));
