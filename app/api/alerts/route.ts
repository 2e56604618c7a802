import { listAlerts } from "@/lib/alerts";
import { handler, json, parseQuery, portfolioSlugOf } from "@/lib/http";
import { alertListSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => json(await listAlerts(parseQuery(request, alertListSchema), portfolioSlugOf(request))));
