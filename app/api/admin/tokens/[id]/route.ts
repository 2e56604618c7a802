import { revokeApiToken } from "@/lib/auth/tokens";
import { idParam, noContent, route } from "@/lib/http";

export const DELETE = route("admin", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await revokeApiToken(await idParam(params, "API token"));
  return noContent();
});
