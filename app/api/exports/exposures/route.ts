import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { attachment } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { exportQuerySchema } from "@/lib/schemas";
import { exportExposures } from "@/lib/services/runs-export";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { runId, format } = parseQuery(request, exportQuerySchema);
  const file = await exportExposures(ctx, runId, format);
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
