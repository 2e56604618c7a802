import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { attachment } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { exportQuerySchema } from "@/lib/schemas";
import { exportPositions } from "@/lib/services/positions-export";

export const GET = portfolioRoute("viewer", async ({ request, ctx }) => {
  const { format } = parseQuery(request, exportQuerySchema.pick({ format: true }));
  const file = await exportPositions(ctx, format);
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
