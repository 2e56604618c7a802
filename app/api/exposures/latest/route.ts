import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getRunOrThrow } from "@/lib/services/runs";

export const dynamic = "force-dynamic";

export const GET = portfolioRoute("viewer", async ({ ctx }) => json(await getRunOrThrow(ctx)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
