import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { testChannel } from "@/lib/services/notify-channels";

/** Sends a `test` event now; the answer says whether the receiver took it (`sent`, `error`). */
export const POST = route<{ id: string }>("admin", async ({ params, ctx }) =>
  json(await testChannel(ctx, uuidParam(params.id, "Channel"))),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
