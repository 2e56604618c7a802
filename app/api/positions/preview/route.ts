import { json, parseQuery, portfolioSlugOf, route } from "@/lib/http";
import { readImportSource } from "@/lib/import-request";
import { previewImport } from "@/lib/positions";
import { importOptionsSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

/** Parses and validates an upload exactly as the import would, and writes nothing. */
export const POST = route("manager", async (request: Request) => {
  const { format, mode } = parseQuery(request, importOptionsSchema);
  const source = await readImportSource(request, format);
  return json(await previewImport(source, mode, portfolioSlugOf(request)));
});
