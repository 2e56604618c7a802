import { setUserRole } from "@/lib/auth/users";
import { json, parseJsonBody, route } from "@/lib/http";
import { roleUpdateSchema } from "@/lib/schemas";

export const PATCH = route("admin", async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { role } = await parseJsonBody(request, roleUpdateSchema);
  return json(await setUserRole((await params).id, role));
});
