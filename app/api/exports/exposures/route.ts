import { exportExposures } from "@/lib/exports";
import { attachment, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { exportQuerySchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => {
  const { runId, format } = parseQuery(request, exportQuerySchema);
  const file = await exportExposures(runId, format, portfolioSlugOf(request));
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});
