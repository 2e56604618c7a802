import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { roleUpdateSchema } from "@/lib/schemas";
import { setUserRole } from "@/lib/services/users";

export const PATCH = route<{ id: string }>("admin", async ({ request, params, ctx }) => {
  const { role } = await parseJsonBody(request, roleUpdateSchema);
  return json(await setUserRole(ctx, params.id, role));
});

export const { GET, POST, PUT, DELETE } = otherMethods("PATCH");
