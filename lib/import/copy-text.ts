// Validated positions as Postgres COPY text (the default text format): one line per row, fields
// separated by tabs, `\N` for null. The database parses it straight into a table, so a million
// rows travel as one stream rather than as a million parameter values.

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

// Lines are encoded straight into megabyte chunks: no joined string, no second copy of the text.
const CHUNK_BYTES = 1 << 20;

/** Collects lines as UTF-8 chunks (ArrayBuffers a worker can hand over without copying). */
export class CopyTextWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  private chunk = new Uint8Array(CHUNK_BYTES);
  private used = 0;

  add(line: string): void {
    // A UTF-16 code unit never takes more than three bytes of UTF-8.
    const most = line.length * 3;
    if (this.used + most > this.chunk.length) {
      this.flush();
      this.chunk = new Uint8Array(Math.max(CHUNK_BYTES, most));
    }
    this.used += this.encoder.encodeInto(line, this.chunk.subarray(this.used)).written;
  }

  finish(): Uint8Array<ArrayBuffer>[] {
    this.flush();
    this.chunk = new Uint8Array(0);
    return this.chunks;
  }

  private flush(): void {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}
