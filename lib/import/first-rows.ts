// The row where each position_id was first seen, so a later row with the same id is reported as a
// duplicate of it. A million-row file has a million ids: in a Map of strings they take about
// 80 MB of heap (an object per id, an entry per object, a table that doubles); here they are
// UTF-8 bytes in one growing buffer with an open-addressing table of entry numbers beside it,
// about a third of that, and nothing for the garbage collector to walk.

const EMPTY = 0;

export class FirstRows {
  /** Slot → entry number + 1 (0: empty). A power of two, never more than half full. */
  private slots = new Int32Array(1024);
  /** Per entry: the hash of its id, the row it was first seen at, where its bytes start. */
  private hashes = new Uint32Array(512);
  private rows = new Int32Array(512);
  private starts = new Uint32Array(513);
  private count = 0;
  /** Every id's UTF-8 bytes, one after another; entry i is bytes[starts[i], starts[i + 1]). */
  private bytes = new Uint8Array(4096);
  private readonly encoder = new TextEncoder();

  get size(): number {
    return this.count;
  }

  /** The row `id` was first seen at; if it was not seen before, records `row` and returns undefined. */
  firstOrAdd(id: string, row: number): number | undefined {
    const start = this.starts[this.count] ?? 0;
    // Encoded at the end of the buffer: kept there if the id is new, overwritten by the next if not.
    if (start + id.length * 3 > this.bytes.length) this.bytes = grown(this.bytes, start + id.length * 3);
    const end = start + this.encode(id, start);
    const hash = fnv1a(this.bytes, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? EMPTY) - 1;
      if (entry < 0) {
        this.add(slot, hash, row, end);
        return undefined;
      }
      if (this.hashes[entry] === hash && this.sameBytes(entry, start, end)) return this.rows[entry];
    }
  }

  /** Writes `id` as UTF-8 at `start` and returns its length: ASCII (most ids) by hand, which is faster than a call to encodeInto per id. */
  private encode(id: string, start: number): number {
    const bytes = this.bytes;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code >= 0x80) return this.encoder.encodeInto(id, bytes.subarray(start)).written;
      bytes[start + i] = code;
    }
    return id.length;
  }

  private sameBytes(entry: number, start: number, end: number): boolean {
    const from = this.starts[entry] ?? 0;
    if ((this.starts[entry + 1] ?? 0) - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.bytes[from + i] !== this.bytes[start + i]) return false;
    return true;
  }

  private add(slot: number, hash: number, row: number, end: number): void {
    const entry = this.count;
    if (entry + 1 >= this.rows.length) {
      this.hashes = grown(this.hashes, entry + 2);
      this.rows = grown(this.rows, entry + 2);
      this.starts = grown(this.starts, entry + 2);
    }
    this.hashes[entry] = hash;
    this.rows[entry] = row;
    this.starts[entry + 1] = end;
    this.slots[slot] = entry + 1;
    this.count = entry + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  /** Doubles the table and places every entry again by its stored hash. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = (this.hashes[entry] ?? 0) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

type Grown = Uint8Array | Uint32Array | Int32Array;

/** A copy at least `needed` long, doubling so that growth costs a constant per element. */
function grown<T extends Grown>(array: T, needed: number): T {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** 32-bit FNV-1a over bytes[start, end). */
function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  return hash >>> 0;
}
