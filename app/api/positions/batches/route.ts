import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { listImportBatches } from "@/lib/services/positions-list";

export const GET = portfolioRoute("viewer", async ({ ctx }) => json({ items: await listImportBatches(ctx) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
