// Validated positions as Postgres COPY text (the default text format): one line per row, fields
// separated by tabs, `\N` for null. The database parses it straight into a table, so a million
// rows travel as one stream rather than as a million parameter values.

import fs from "node:fs";

import type { Position } from "@/lib/engine/types";

const NULL = "\\N";
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * One field: backslash, tab, newline and carriage return escaped; a text `\N` thereby becomes
 * `\\N`, never a null. (Normalisation refuses U+0000, which COPY cannot carry.)
 */
export function copyField(value: string | number | null): string {
  if (value === null) return NULL;
  if (typeof value === "number") return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : value;
}

/** One line of COPY text, newline included; position_value as its exact two-decimal string. */
export function positionCopyLine(p: Position): string {
  return (
    `${copyField(p.positionId)}\t${copyField(p.assetId)}\t${copyField(p.msaId)}\t` +
    `${copyField(p.strategy)}\t${copyField(p.state)}\t${copyField(p.vintage)}\t` +
    `${copyField(p.constructionType)}\t${copyField(p.rentBand)}\t${p.positionValue.toFixed(2)}\t${copyField(p.units)}\t` +
    `${p.ownershipPct}\n`
  );
}

// Lines are encoded straight into a megabyte chunk, written out and reused when full: no joined
// string, and a million rows' COPY text (about 100 MB) never sits in memory.
const CHUNK_BYTES = 1 << 20;

/** Writes lines as UTF-8 to a file open for writing (`fd`, which the caller closes). */
export class CopyTextWriter {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private written = 0;

  constructor(private readonly fd: number) {}

  add(line: string): void {
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    const most = line.length * 3;
    if (this.used + most > this.chunk.length) {
      this.flush();
      if (most > this.chunk.length) this.chunk = Buffer.allocUnsafe(most);
    }
    // Buffer's own UTF-8 write: no view made per line, as encodeInto needs (a lone surrogate is U+FFFD either way).
    this.used += this.chunk.write(line, this.used, "utf8");
  }

  /** Writes what is left; the file then holds every line added. */
  finish(): void {
    this.flush();
    this.chunk = Buffer.alloc(0);
  }

  /** Bytes written so far, flushed or not. */
  get bytes(): number {
    return this.written + this.used;
  }

  private flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.chunk, 0, this.used);
    this.written += this.used;
    this.used = 0;
  }
}

function writeSync(fd: number, bytes: Uint8Array, offset: number, length: number): void {
  for (let done = 0; done < length; ) done += fs.writeSync(fd, bytes, offset + done, length - done);
}
