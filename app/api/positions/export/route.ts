import { exportPositions } from "@/lib/exports";
import { attachment, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { exportQuerySchema } from "@/lib/schemas";

export const GET = route("viewer", async (request: Request) => {
  const { format } = parseQuery(request, exportQuerySchema.pick({ format: true }));
  const file = await exportPositions(format, portfolioSlugOf(request));
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});
