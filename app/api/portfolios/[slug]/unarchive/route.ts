import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { unarchivePortfolio } from "@/lib/services/portfolios-admin";

export const POST = route<{ slug: string }>("admin", async ({ params, ctx }) =>
  json(await unarchivePortfolio(ctx, params.slug)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
