import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { readImportSource } from "@/lib/import-request";
import { importPositions } from "@/lib/positions";
import { importOptionsSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

export const POST = route("manager", async (request: Request) => {
  const { format, ...options } = parseQuery(request, importOptionsSchema);
  const source = await readImportSource(request, format);
  const result = await importPositions(source, options, portfolioSlugOf(request));
  return json(result, 201);
});
