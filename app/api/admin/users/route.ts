import { createUser, listUsers, userCreateSchema } from "@/lib/auth/users";
import { json, parseJsonBody, route } from "@/lib/http";

export const GET = route("admin", async () => json({ items: await listUsers() }));

export const POST = route("admin", async (request: Request) => json(await createUser(await parseJsonBody(request, userCreateSchema)), 201));
