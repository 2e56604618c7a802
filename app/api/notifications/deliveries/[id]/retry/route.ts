import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { retryDelivery } from "@/lib/services/notify-delivery";

/** Due now: the worker sends it on its next round. A delivery already sent is a 409. */
export const POST = route<{ id: string }>("admin", async ({ params, ctx }) =>
  json(await retryDelivery(ctx, uuidParam(params.id, "Delivery"))),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
