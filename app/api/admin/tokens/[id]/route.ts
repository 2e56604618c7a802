import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { noContent } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { revokeApiToken } from "@/lib/services/api-tokens";

export const DELETE = route<{ id: string }>("admin", async ({ params, ctx }) => {
  await revokeApiToken(ctx, uuidParam(params.id, "API token"));
  return noContent();
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
