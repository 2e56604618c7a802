import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody, uuidParam } from "@/lib/http/parse";
import { json, noContent } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { channelUpdateSchema } from "@/lib/schemas";
import { deleteChannel, updateChannel } from "@/lib/services/notify-channels";

export const PATCH = route<{ id: string }>("admin", async ({ request, params, ctx }) => {
  const id = uuidParam(params.id, "Channel");
  return json(await updateChannel(ctx, id, await parseJsonBody(request, channelUpdateSchema)));
});

export const DELETE = route<{ id: string }>("admin", async ({ params, ctx }) => {
  await deleteChannel(ctx, uuidParam(params.id, "Channel"));
  return noContent();
});

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
