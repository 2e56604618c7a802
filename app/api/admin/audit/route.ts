import { listAuditEvents } from "@/lib/audit";
import { json, parseQuery, route } from "@/lib/http";
import { auditQuerySchema } from "@/lib/schemas";

export const GET = route("admin", async (request: Request) => json(await listAuditEvents(parseQuery(request, auditQuerySchema))));
