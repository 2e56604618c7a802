import { AppError } from "@/lib/errors";
import { handler, json, parseQuery, portfolioSlugOf } from "@/lib/http";
import type { ImportFormat } from "@/lib/import";
import { importPositions, type ImportSource } from "@/lib/positions";
import { importOptionsSchema } from "@/lib/schemas";

export const dynamic = "force-dynamic";

const BY_EXTENSION: Record<string, ImportFormat> = { csv: "csv", txt: "csv", json: "json", xlsx: "xlsx" };

function formatOf(contentType: string, filename?: string): ImportFormat | undefined {
  const extension = filename?.split(".").pop()?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  if (contentType.includes("csv") || contentType.startsWith("text/plain")) return "csv";
  if (contentType.includes("json")) return "json";
  if (contentType.includes("spreadsheetml") || contentType.includes("excel")) return "xlsx";
  return undefined;
}

/** Body: text/csv, JSON, an XLSX file, or multipart/form-data with the file in field `file`. */
async function readSource(request: Request, forced?: ImportFormat): Promise<ImportSource> {
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("invalid_input", 'Multipart upload needs the file in a field named "file"', [{ field: "file", message: "is required" }]);
    const format = forced ?? formatOf(file.type, file.name);
    if (!format) throw new AppError("invalid_input", `Cannot tell the format of "${file.name}": use a .csv, .json or .xlsx file`, [{ field: "file", message: "unsupported file type" }]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { format, data: bytes, sourceName: file.name };
  }
  const format = forced ?? formatOf(contentType);
  if (!format) {
    throw new AppError("invalid_input", "Send text/csv, application/json, an .xlsx body or multipart/form-data (or add ?format=csv|json|xlsx)", [{ field: "content-type", message: `unsupported: ${contentType || "none"}` }]);
  }
  return { format, data: format === "xlsx" ? new Uint8Array(await request.arrayBuffer()) : await request.text() };
}

export const POST = handler(async (request: Request) => {
  const { format, ...options } = parseQuery(request, importOptionsSchema);
  const source = await readSource(request, format);
  const result = await importPositions(source, options, portfolioSlugOf(request));
  return json(result, 201);
});
