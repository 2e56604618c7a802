import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { readImportSource } from "@/lib/http/upload";
import { importOptionsSchema } from "@/lib/schemas";
import { importPositions } from "@/lib/services/positions-import";

export const dynamic = "force-dynamic";

export const POST = portfolioRoute("manager", async ({ request, ctx }) => {
  const { format, ...options } = parseQuery(request, importOptionsSchema);
  const source = await readImportSource(request, format);
  return json(await importPositions(ctx, source, options), 201);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
