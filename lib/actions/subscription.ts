"use server";

import { action } from "../http/action";
import { subscriptionUpdateSchema } from "../schemas";
import { updateSubscription } from "../services/subscriptions";

/** The signed-in user's own subscription (any role), from the profile page. */
export const updateSubscriptionAction = action(
  "viewer",
  subscriptionUpdateSchema,
  (input, ctx) => updateSubscription(ctx, input),
  { invalid: "Your notifications were not saved: check the highlighted fields.", revalidate: ["/profile"] },
);
