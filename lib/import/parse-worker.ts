// The import worker (started by off-thread.ts, one per file): parses and validates off the
// request thread and answers with the prepared import; its COPY text is in the file the caller named.

import { parentPort, workerData } from "node:worker_threads";

import { AppError } from "@/lib/errors";

import { type DecodedText, decodeTextParts } from "./decode";
import type { WorkerReply, WorkerRequest } from "./off-thread";
import { prepareImport } from "./prepare";

function joined(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const whole = new Uint8Array(parts.reduce((bytes, part) => bytes + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
}

/**
 * The file as the importer reads it, and the parts let go: a text file decoded (the bytes and the
 * text would otherwise both stay for the whole parse), a workbook joined into one buffer.
 */
function takeFile(request: WorkerRequest): DecodedText | Uint8Array {
  const { parts } = request;
  request.parts = [];
  return request.format === "xlsx" ? joined(parts) : decodeTextParts(parts);
}

async function answer(request: WorkerRequest): Promise<void> {
  const { format, options } = request;
  let reply: WorkerReply;
  try {
    const prepared = await prepareImport({ format, data: takeFile(request) }, options);
    parentPort?.postMessage({ ok: true, prepared } satisfies WorkerReply);
    return;
  } catch (error) {
    reply =
      error instanceof AppError
        ? {
            ok: false,
            appError: { code: error.code, message: error.message, details: error.details, extra: error.extra },
          }
        : { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
}

void answer(workerData as WorkerRequest);
