import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { userCreateSchema } from "@/lib/schemas";
import { createUser, listUsers } from "@/lib/services/users";

export const GET = route("admin", async () => json({ items: await listUsers() }));

export const POST = route("admin", async ({ request, ctx }) =>
  json(await createUser(ctx, await parseJsonBody(request, userCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
