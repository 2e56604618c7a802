import { exportExposures } from "@/lib/exports";
import { attachment, handler, parseQuery, portfolioSlugOf } from "@/lib/http";
import { exportQuerySchema } from "@/lib/schemas";

export const GET = handler(async (request: Request) => {
  const { runId, format } = parseQuery(request, exportQuerySchema);
  const file = await exportExposures(runId, format, portfolioSlugOf(request));
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});
