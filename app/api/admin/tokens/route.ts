import { currentActor } from "@/lib/auth/context";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { json, parseJsonBody, route } from "@/lib/http";
import { tokenCreateSchema } from "@/lib/schemas";

export const GET = route("admin", async () => json({ items: await listApiTokens() }));

/** The answer carries the token itself: the only time it is ever shown. */
export const POST = route("admin", async (request: Request) => {
  const body = await parseJsonBody(request, tokenCreateSchema);
  const { token, apiToken } = await createApiToken(body.userId ?? currentActor()?.id ?? "", body.name);
  return json({ ...apiToken, token }, 201);
});
