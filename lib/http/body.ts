import { AppError } from "../errors";
import { formatMegabytes, formatSize } from "../request-caps";

function declaredLength(request: Request): number | null {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

/**
 * The body's chunks as they arrive, never more than `limit` bytes of them: a declared
 * Content-Length over the limit is refused before anything is read, a body without one (chunked)
 * as soon as it passes the limit, and a body shorter than it declared once it ends. `what` names
 * the body in the 413's message ("The file", "The JSON body").
 */
export async function* bodyChunks(request: Request, limit: number, what: string): AsyncGenerator<Uint8Array> {
  const declared = declaredLength(request);
  const tooLarge = (size?: number) =>
    new AppError(
      "too_large",
      `${what} is ${size === undefined ? "" : `${formatSize(size)}, `}over the ${formatMegabytes(limit)} limit; nothing was read.`,
      [{ field: "body", message: `larger than ${formatMegabytes(limit)}` }],
    );
  if (declared !== null && declared > limit) throw tooLarge(declared);
  if (request.body === null) return;
  const reader = request.body.getReader();
  let total = 0;
  let ended = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw tooLarge();
      yield value;
    }
    ended = true;
  } finally {
    // Over the limit, or the caller stopped early (an unreadable multipart body): read no more.
    if (!ended) await reader.cancel().catch(() => undefined);
  }
  // A proxy in front (Next's own included) may pass on only the start of a large body.
  if (declared !== null && total !== declared) {
    throw new AppError(
      "invalid_input",
      `The request body was cut short (${total} of ${declared} bytes arrived); nothing was read. Send it again.`,
      [{ field: "body", message: "incomplete" }],
    );
  }
}

/**
 * Collects bytes into one buffer. Given the size to expect (a Content-Length), each chunk is
 * copied in as it comes and let go: a 70 MB upload is then held once, not twice while joined.
 */
export class ByteCollector {
  private readonly buffer: Uint8Array<ArrayBuffer>;
  /** Bytes in `buffer`; what did not fit waits in `overflow`. */
  private filled = 0;
  private overflow: Uint8Array[] = [];

  constructor(expected: number | null) {
    this.buffer = new Uint8Array(expected ?? 0);
  }

  add(chunk: Uint8Array): void {
    if (this.overflow.length === 0 && this.filled + chunk.byteLength <= this.buffer.byteLength) {
      this.buffer.set(chunk, this.filled);
      this.filled += chunk.byteLength;
    } else {
      this.overflow.push(chunk);
    }
  }

  /** The bytes: a view of the expected buffer (all of it when the size was right), else one new buffer. */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.overflow.length === 0) return this.buffer.subarray(0, this.filled);
    const whole = new Uint8Array(this.overflow.reduce((bytes, chunk) => bytes + chunk.byteLength, this.filled));
    whole.set(this.buffer.subarray(0, this.filled));
    let at = this.filled;
    for (const chunk of this.overflow) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    this.overflow = [];
    return whole;
  }
}

/**
 * How many bytes to make room for before a body is read: its declared length, when within the
 * limit (one over it is refused before anything is read, and must not be allocated either).
 */
export function expectedLength(request: Request, limit: number): number | null {
  const declared = declaredLength(request);
  return declared !== null && declared <= limit ? declared : null;
}

/** The body's bytes (bodyChunks' limits), in one buffer. */
export async function readBodyBytes(request: Request, limit: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new ByteCollector(expectedLength(request, limit));
  for await (const chunk of bodyChunks(request, limit, what)) bytes.add(chunk);
  return bytes.finish();
}
