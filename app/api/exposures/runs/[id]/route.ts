import { otherMethods } from "@/lib/http/fallback";
import { uuidParam } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getRunOrThrow } from "@/lib/services/runs";

export const GET = portfolioRoute<{ id: string }>("viewer", async ({ params, ctx }) =>
  json(await getRunOrThrow(ctx, uuidParam(params.id, "Run"))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
