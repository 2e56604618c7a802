import { AppError } from "../errors";
import { formatMegabytes, formatSize } from "../request-caps";

function declaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/**
 * The body's bytes, never holding more than `limit` of them: a declared Content-Length over the
 * limit is refused before anything is read, a body without one (chunked) as soon as it passes the
 * limit. `what` names the body in the 413's message ("The file", "The JSON body").
 */
export async function readBodyBytes(request: Request, limit: number, what: string): Promise<Uint8Array> {
  const declared = declaredLength(request);
  const tooLarge = (size?: number) =>
    new AppError(
      "too_large",
      `${what} is ${size === undefined ? "" : `${formatSize(size)}, `}over the ${formatMegabytes(limit)} limit; nothing was read.`,
      [{ field: "body", message: `larger than ${formatMegabytes(limit)}` }],
    );
  if (declared !== null && declared > limit) throw tooLarge(declared);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  // A proxy in front (Next's own included) may pass on only the start of a large body.
  if (declared !== null && total !== declared) {
    throw new AppError(
      "invalid_input",
      `The request body was cut short (${total} of ${declared} bytes arrived); nothing was read. Send it again.`,
      [{ field: "body", message: "incomplete" }],
    );
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
