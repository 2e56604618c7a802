import { json, portfolioSlugOf, route } from "@/lib/http";
import { listImportBatches } from "@/lib/positions";

export const GET = route("viewer", async (request: Request) => json({ items: await listImportBatches(portfolioSlugOf(request)) }));
