import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { tokenCreateSchema } from "@/lib/schemas";
import { createApiToken, listApiTokens } from "@/lib/services/api-tokens";

export const GET = route("admin", async () => json({ items: await listApiTokens() }));

/** The answer carries the token itself: the only time it is ever shown. */
export const POST = route("admin", async ({ request, ctx }) => {
  const body = await parseJsonBody(request, tokenCreateSchema);
  const { token, apiToken } = await createApiToken(ctx, body.userId ?? ctx.actor?.id ?? "", body.name);
  return json({ ...apiToken, token }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
