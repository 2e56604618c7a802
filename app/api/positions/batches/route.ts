import { handler, json, portfolioSlugOf } from "@/lib/http";
import { listImportBatches } from "@/lib/positions";

export const GET = handler(async (request: Request) => json({ items: await listImportBatches(portfolioSlugOf(request)) }));
