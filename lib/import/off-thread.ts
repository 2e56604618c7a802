import path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";

import { AppError, type ErrorCode, type ErrorExtra, type FieldIssue } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { type PreparedImport, type PrepareInput, type PrepareOptions, prepareImport } from "./prepare";

/** A file as it was uploaded: its bytes (or a test's string), not yet decoded. */
export type UploadedFile = PrepareInput & { data: string | Uint8Array };

export interface WorkerRequest {
  format: PrepareInput["format"];
  /** The file's bytes, in parts (see partsOf). */
  parts: Uint8Array<ArrayBuffer>[];
  options: PrepareOptions;
}

export type WorkerReply =
  | { ok: true; prepared: PreparedImport }
  | {
      ok: false;
      appError: { code: ErrorCode; message: string; details: FieldIssue[] | undefined; extra: ErrorExtra | undefined };
    }
  | { ok: false; error: string };

// Starting a worker costs tens of milliseconds; a smaller file parses in less than that.
const WORKER_MIN_BYTES = 256 * 1024;

/** AKER_IMPORT_WORKERS: "0" parses every file on the request thread, "1" every file in a worker; else by size. */
function wantsWorker(bytes: number): boolean {
  const setting = process.env.AKER_IMPORT_WORKERS?.trim();
  if (setting === "0") return false;
  return setting === "1" || bytes >= WORKER_MIN_BYTES;
}

/**
 * prepareImport in a worker thread, so parsing a large file never stalls the server: the request
 * thread gets back counts, errors, the sample and the COPY text, never a million row objects.
 * A worker that cannot start (a build that left it out) is logged and the file parsed here.
 */
export async function prepareImportOffThread(input: UploadedFile, options: PrepareOptions): Promise<PreparedImport> {
  const { data } = input;
  const bytes = typeof data === "string" ? data.length : data.byteLength;
  // An XLSX file sent as text is refused before anything is parsed: no worker for that.
  if (!wantsWorker(bytes) || (typeof data === "string" && input.format === "xlsx"))
    return prepareImport(input, options);
  const start = performance.now();
  const reply = await runWorker(input, options).catch((error: unknown) => {
    if (isOutOfMemory(error)) throw new AppError("too_large", "The file is too large to parse in memory: split it.");
    logger.error({ event: "import.worker_unavailable", err: error }, "import worker failed; parsing in-thread");
    return null;
  });
  if (reply === null) {
    // Bytes the worker took cannot be parsed here as well.
    if (typeof data !== "string" && data.byteLength === 0)
      throw new Error("the import worker failed after taking the file");
    return prepareImport(input, options);
  }
  logger.debug({ event: "import.worker", bytes, ms: Math.round(performance.now() - start) }, "import worker answered");
  if (reply.ok) return reply.prepared;
  if ("appError" in reply) {
    const { code, message, details, extra } = reply.appError;
    throw new AppError(code, message, details, extra);
  }
  throw new Error(`import worker: ${reply.error}`);
}

// Parsing allocates a few objects per cell that die young; with V8's default young generation
// (16 MB semi-spaces) they were promoted and collected again, which once doubled the parse time of
// a million rows. The bigger nursery is this worker's alone; at 48 MB a 1,000,000-row CSV parsed as
// fast as at 96 (7.0–7.8 s against 7.4–7.6 s) and the process peaked about 20 MiB lower.
const YOUNG_MB = 48;

async function runWorker(input: UploadedFile, options: PrepareOptions): Promise<WorkerReply> {
  const parts = takeable(input) ? [input.data] : await partsOf(input.data);
  const request: WorkerRequest = { format: input.format, parts, options };
  return new Promise((resolve, reject) => {
    const worker = startWorker({
      workerData: request,
      transferList: parts.map((part) => part.buffer),
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
    });
    let settled = false;
    worker.once("message", (reply: WorkerReply) => {
      settled = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the import worker exited with code ${code} before answering`));
    });
  });
}

/**
 * An upload's own bytes go to the worker as they are: no copy, so a 70 MB file is held once, not
 * twice, while it is parsed. Their whole buffer goes (the caller's view is emptied), which is why
 * `owned` promises that all of it is this import's, as the body readers' buffers are (lib/http/body.ts).
 */
function takeable(input: UploadedFile): input is UploadedFile & { data: Uint8Array<ArrayBuffer> } {
  return input.owned === true && input.data instanceof Uint8Array && input.data.buffer instanceof ArrayBuffer;
}

// Otherwise the worker gets its own copy of the file, handed over rather than copied into a message. Made
// all at once, a 70 MB copy holds the event loop for a quarter of a second on a slow machine; made
// a few megabytes per turn of the loop, never for long.
const PART_BYTES = 4 << 20;

/** The file as UTF-8 parts (as the importer would read a string back: a lone surrogate becomes U+FFFD). */
async function partsOf(data: string | Uint8Array): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const encoder = new TextEncoder();
  const length = typeof data === "string" ? data.length : data.byteLength;
  for (let start = 0; start < length; ) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    let end = Math.min(start + PART_BYTES, length);
    if (typeof data === "string") {
      const last = data.charCodeAt(end - 1);
      if (end < length && last >= 0xd800 && last <= 0xdbff) end += 1; // never split a surrogate pair
      parts.push(encoder.encode(data.slice(start, end)));
    } else {
      parts.push(data.slice(start, end));
    }
    start = end;
  }
  return parts;
}

/** Where `npm run build` puts the worker, bundled by esbuild (the `build:worker` script). */
export const BUILT_WORKER = ".next/workers/parse-worker.cjs";

function startWorker(options: WorkerOptions): Worker {
  if (process.env.NEXT_RUNTIME === undefined) {
    // Run from TypeScript source (tsx, Vitest): Node 20 cannot load a .ts entry, and a worker does
    // not inherit the parent's tsx hooks, so this worker registers tsx before importing its entry.
    const entry = JSON.stringify(import.meta.url.replace(/off-thread\.ts$/, "parse-worker.ts"));
    const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); })`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  // Under Next (`next start`, `next dev`): Turbopack copies a worker's TypeScript entry as a raw
  // asset that Node cannot run, so the build bundles it on its own into plain JavaScript.
  return new Worker(path.join(process.cwd(), BUILT_WORKER), options);
}

function isOutOfMemory(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY";
}
