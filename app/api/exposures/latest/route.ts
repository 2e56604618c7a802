import { handler, json, portfolioSlugOf } from "@/lib/http";
import { getRunOrThrow } from "@/lib/runs";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => json(await getRunOrThrow(undefined, portfolioSlugOf(request))));
