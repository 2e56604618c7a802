import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { attachment } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { firmExportSchema } from "@/lib/schemas";
import { exportFirm } from "@/lib/services/firm";

export const GET = route("viewer", async ({ request, ctx }) => {
  parseQuery(request, firmExportSchema);
  const file = await exportFirm(ctx);
  return attachment(file.body as BodyInit, file.contentType, file.filename);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
