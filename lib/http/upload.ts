import Busboy from "busboy";

import { AppError } from "../errors";
import type { ImportFormat } from "../import";
import { maxUploadBytes } from "../request-caps";
import type { ImportSource } from "../services/positions-import";
import { ByteCollector, bodyChunks, expectedLength, readBodyBytes } from "./body";

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

const unreadable = () =>
  new AppError(
    "invalid_input",
    'The multipart body cannot be read: send the file in a multipart/form-data field named "file"',
    [{ field: "file", message: "unreadable multipart body" }],
  );

interface FilePart {
  name: string;
  type: string;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * The part named "file" of a multipart body, streamed (busboy) into one buffer as the body arrives:
 * the upload's bytes are held once, never as the body, a parsed form and a copy of its file.
 * Undefined when there is no such file part (a text field of that name does not count).
 */
async function readFilePart(request: Request, header: string): Promise<FilePart | undefined> {
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({ headers: { "content-type": header } });
  } catch {
    throw unreadable();
  }
  let part: { name: string; type: string; bytes: ByteCollector } | undefined;
  let failure: unknown;
  const finished = new Promise<void>((resolve) => {
    parser.on("file", (field, stream, info) => {
      // A body cut off inside a part fails the part's stream as well as the parser.
      stream.on("error", (error) => {
        failure ??= error;
      });
      if (field !== "file" || part !== undefined) {
        stream.resume();
        return;
      }
      // The body's length bounds the file's: room for all of it, filled as it comes.
      const bytes = new ByteCollector(expectedLength(request, maxUploadBytes()));
      part = { name: info.filename ?? "", type: info.mimeType, bytes };
      stream.on("data", (chunk: Buffer) => bytes.add(chunk));
    });
    parser.on("error", (error) => {
      failure ??= error;
      resolve();
    });
    parser.on("close", resolve);
  });
  for await (const chunk of bodyChunks(request, maxUploadBytes(), "The upload")) {
    if (failure !== undefined) break;
    if (!parser.write(chunk)) await new Promise((resolve) => parser.once("drain", resolve));
  }
  parser.end();
  await finished;
  if (failure !== undefined) throw unreadable();
  return part && { name: part.name, type: part.type, data: part.bytes.finish() };
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
  const file = await readFilePart(request, header);
  if (file === undefined)
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
  return { format, data: file.data, sourceName: file.name, owned: true };
}
