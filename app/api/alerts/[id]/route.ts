import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getAlertDetail } from "@/lib/services/alert-detail";

export const GET = portfolioRoute<{ id: string }>("viewer", async ({ params, ctx }) =>
  json(await getAlertDetail(ctx, uuidParam(params.id, "Alert"))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
