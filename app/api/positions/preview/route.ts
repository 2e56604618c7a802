import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { portfolioRoute } from "@/lib/http/route";
import { readImportSource } from "@/lib/http/upload";
import { importOptionsSchema } from "@/lib/schemas";
import { previewImport } from "@/lib/services/positions-import";

export const dynamic = "force-dynamic";

/** Parses and validates an upload exactly as the import would, and writes nothing. */
export const POST = portfolioRoute("manager", async ({ request, ctx }) => {
  const { format, mode, delimiter, decimal, sheet, mapping } = parseQuery(request, importOptionsSchema);
  const source = await readImportSource(request, format);
  return json(await previewImport(ctx, source, { mode, delimiter, decimal, sheet, mapping }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
