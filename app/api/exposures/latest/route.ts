import { json, portfolioSlugOf, route } from "@/lib/http";
import { getRunOrThrow } from "@/lib/runs";

export const dynamic = "force-dynamic";

export const GET = route("viewer", async (request: Request) => json(await getRunOrThrow(undefined, portfolioSlugOf(request))));
