import { AppError } from "../errors";
import type { ImportFormat } from "../import";
import { maxUploadBytes } from "../request-caps";
import type { ImportSource } from "../services/positions-import";
import { readBodyBytes } from "./body";

// How an uploaded positions file arrives over HTTP; shared by the import and the preview routes
// so both read a request the same way.

const BY_EXTENSION: Record<string, ImportFormat> = { csv: "csv", tsv: "csv", txt: "csv", json: "json", xlsx: "xlsx" };

function formatOf(contentType: string, filename?: string): ImportFormat | undefined {
  const extension = filename?.split(".").pop()?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  if (contentType.includes("csv") || contentType.startsWith("text/plain")) return "csv";
  if (contentType.includes("json")) return "json";
  if (contentType.includes("spreadsheetml") || contentType.includes("excel")) return "xlsx";
  return undefined;
}

async function formOf(bytes: Uint8Array, contentType: string): Promise<FormData> {
  try {
    return await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError(
      "invalid_input",
      'The multipart body cannot be read: send the file in a multipart/form-data field named "file"',
      [{ field: "file", message: "unreadable multipart body" }],
    );
  }
}

/**
 * Body: text/csv, JSON, an XLSX file, or multipart/form-data with the file in field `file`. The
 * body is read at most up to the upload limit (a 413 otherwise), before anything is parsed.
 */
export async function readImportSource(request: Request, forced?: ImportFormat): Promise<ImportSource> {
  const header = request.headers.get("content-type") ?? "";
  const contentType = header.toLowerCase();
  if (!contentType.startsWith("multipart/form-data")) {
    const format = forced ?? formatOf(contentType);
    if (!format) {
      throw new AppError(
        "invalid_input",
        "Send text/csv, application/json, an .xlsx body or multipart/form-data (or add ?format=csv|json|xlsx)",
        [{ field: "content-type", message: `unsupported: ${contentType || "none"}` }],
      );
    }
    // Bytes, not text: the importer reads the encoding (a byte-order mark, UTF-8, else Windows-1252).
    return { format, data: await readBodyBytes(request, maxUploadBytes(), "The file"), owned: true };
  }
  // The original header: the multipart boundary is case-sensitive.
  const form = await formOf(await readBodyBytes(request, maxUploadBytes(), "The upload"), header);
  const file = form.get("file");
  // A string is a plain text field; checked by type rather than `instanceof File`, which fails for
  // a File made by another realm's FormData (another copy of undici, a test's jsdom).
  if (file === null || typeof file === "string")
    throw new AppError("invalid_input", 'Multipart upload needs the file in a field named "file"', [
      { field: "file", message: "is required" },
    ]);
  const format = forced ?? formatOf(file.type, file.name);
  if (!format)
    throw new AppError(
      "invalid_input",
      `Cannot tell the format of "${file.name}": use a .csv, .tsv, .txt, .json or .xlsx file`,
      [{ field: "file", message: "unsupported file type" }],
    );
  return { format, data: new Uint8Array(await file.arrayBuffer()), sourceName: file.name, owned: true };
}
