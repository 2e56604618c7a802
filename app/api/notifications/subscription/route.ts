import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { subscriptionUpdateSchema } from "@/lib/schemas";
import { getSubscription, updateSubscription } from "@/lib/services/subscriptions";

/** The caller's own subscription (an API token acts as its owner); any role. */
export const GET = route("viewer", async ({ ctx }) => json(await getSubscription(ctx)));

export const PUT = route("viewer", async ({ request, ctx }) =>
  json(await updateSubscription(ctx, await parseJsonBody(request, subscriptionUpdateSchema))),
);

export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
