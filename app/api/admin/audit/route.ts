import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { auditQuerySchema } from "@/lib/schemas";
import { listAuditEvents } from "@/lib/services/audit";

export const GET = route("admin", async ({ request }) =>
  json(await listAuditEvents(parseQuery(request, auditQuerySchema))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
