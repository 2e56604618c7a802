import { listAlerts } from "@/lib/alerts";
import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { alertListSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

export const GET = route("viewer", async (request: Request) => json(await listAlerts(parseQuery(request, alertListSchema), portfolioSlugOf(request))));
