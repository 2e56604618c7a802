import { AppError } from "./errors";
import type { ImportFormat } from "./import";
import type { ImportSource } from "./positions";

// How an uploaded positions file arrives over HTTP; shared by the import and the preview routes
// so both read a request the same way.

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
export async function readImportSource(request: Request, forced?: ImportFormat): Promise<ImportSource> {
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
