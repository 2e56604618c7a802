import { exportPositions } from "@/lib/exports";
import { attachment, handler, parseQuery, portfolioSlugOf } from "@/lib/http";
import { exportQuerySchema } from "@/lib/schemas";

export const GET = handler(async (request: Request) => {
  const { format } = parseQuery(request, exportQuerySchema.pick({ format: true }));
  const file = await exportPositions(format, portfolioSlugOf(request));
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});
