import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { channelCreateSchema } from "@/lib/schemas";
import { createChannel, listChannels } from "@/lib/services/notify-channels";

export const GET = route("admin", async () => json(await listChannels()));

export const POST = route("admin", async ({ request, ctx }) =>
  json(await createChannel(ctx, await parseJsonBody(request, channelCreateSchema)), 201),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
