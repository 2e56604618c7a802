import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { deliveryListSchema } from "@/lib/schemas";
import { listDeliveries } from "@/lib/services/notify-delivery";

export const GET = route("admin", async ({ request }) =>
  json(await listDeliveries(parseQuery(request, deliveryListSchema))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
