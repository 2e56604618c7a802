import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { snapshotAttachment } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { exportQuerySchema } from "@/lib/schemas";
import { exportExposures } from "@/lib/services/runs-export";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { runId, format, basis } = parseQuery(request, exportQuerySchema);
  return snapshotAttachment(request, await exportExposures(ctx, runId, format, basis));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
