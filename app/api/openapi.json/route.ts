import { otherMethods } from "@/lib/http/fallback";
import { handler } from "@/lib/http/route";
import { openApiJson } from "@/lib/openapi/document";

/** Open to all, as /api/health is: the description of the API names no data and no secret. */
export const GET = handler(
  async () =>
    new Response(openApiJson(), { headers: { "Content-Type": "application/json", "Cache-Control": "no-cache" } }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
