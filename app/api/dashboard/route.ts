import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { getDashboard } from "@/lib/services/analysis";

export const dynamic = "force-dynamic";

export const GET = portfolioRoute("viewer", async ({ ctx }) => json(await getDashboard(ctx)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
