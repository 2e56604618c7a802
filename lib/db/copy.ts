import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { getDb } from "./client";
import type { Tx } from "./tx";

// Bulk writes Prisma cannot express: COPY streams rows into a table at the speed of the database.
// Prisma's interactive transaction does not hand out its connection, so a bulk write runs its
// whole transaction on the driver beside Prisma (client.ts): a pooled pg connection, or PGlite's
// own transaction, which queues behind and ahead of Prisma's on PGlite's single connection.
//
// PGlite runs each statement to its end on the main thread, so one statement over 400,000 rows
// freezes the whole app for its length. There the bulk statements run in slices with a pause
// between them: readers answered from memory (the snapshot cache, lib/db/memo.ts) are served in
// the pauses, while the transaction keeps the database to itself until it commits.

/** COPY text in memory, or the file it was written to. */
export type CopyText = readonly Uint8Array<ArrayBuffer>[] | { file: string };

/** A transaction on the driver: plain SQL and COPY, committed when `fn` returns, rolled back if it throws. */
export interface RawTx {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * `COPY <target> FROM STDIN` in the text format: tab-separated UTF-8 lines, `\N` for null, in
   * chunks or in a file (an import's, read a slice at a time).
   */
  copyFrom(target: string, text: CopyText): Promise<void>;
  /**
   * `statement(slice)` over all of `table`: once with `slice` = `true` on Postgres; on PGlite once
   * per few pages of the table, `slice` a range of its ctids, in the table's physical order.
   */
  sliced(table: string, statement: (slice: string) => string, params?: unknown[]): Promise<void>;
  /** This transaction as the slice of Prisma a service helper takes (lockPortfolio). */
  executeRaw: Pick<Tx, "$executeRaw">;
}

export async function rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const { driver } = await getDb();
  if (driver.kind === "pglite") return driver.lite.transaction((tx) => fn(pgliteTx(tx)));
  return pgTransaction(driver.pool, fn);
}

async function pgTransaction<T>(pool: pg.Pool, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(pgTx(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed rather than returned to the pool.
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function pgTx(client: pg.PoolClient): RawTx {
  const query = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  return {
    query,
    copyFrom: async (target, text) => {
      const source =
        "file" in text
          ? createReadStream(text.file, { highWaterMark: 1 << 20 })
          : Readable.from(text.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      await pipeline(source, client.query(copyFromStdin(`COPY ${target} FROM STDIN`)));
    },
    sliced: async (_table, statement, params) => {
      await query(statement("true"), params);
    },
    executeRaw: executeRawOn(async (sql, params) => (await client.query(sql, params)).rowCount ?? 0),
  };
}

// A PGlite slice: about SLICE_MS of main thread, sized by how long the last one took (the cost of
// a row depends on the table's indexes and the machine). A page render takes several turns of the
// event loop, each of which may wait for one slice.
const SLICE_MS = 20;

/** How much the next slice takes: doubled while slices run short, halved when one runs long. */
class Pacer {
  constructor(
    public size: number,
    private readonly min: number,
    private readonly max: number,
  ) {}

  /** Runs one slice, adjusts the size, then lets the event loop serve what came in meanwhile. */
  async slice(run: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    await run();
    const ms = performance.now() - started;
    if (ms < SLICE_MS / 2) this.size = Math.min(this.max, this.size * 2);
    else if (ms > SLICE_MS * 2) this.size = Math.max(this.min, Math.floor(this.size / 2));
    // A macrotask: resolved promises alone would not let a request in.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** `chunk` cut after a line end at least every `size()` bytes (a line longer than that stays whole). */
export function* lineSlices(
  chunk: Uint8Array<ArrayBuffer>,
  size: number | (() => number),
): Generator<Uint8Array<ArrayBuffer>> {
  let start = 0;
  while (start < chunk.length) {
    let end = Math.min(start + (typeof size === "number" ? size : size()), chunk.length);
    if (end < chunk.length) {
      const newline = chunk.indexOf(10, end - 1);
      end = newline < 0 ? chunk.length : newline + 1;
    }
    yield chunk.subarray(start, end);
    start = end;
  }
}

/** A file of lines read a slice of whole lines at a time: one read of `size()` bytes, cut after its last line end. */
export async function* fileLineSlices(file: string, size: () => number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const handle = await open(file, "r");
  try {
    let carry = new Uint8Array(0);
    for (;;) {
      const buffer = new Uint8Array(carry.length + size());
      buffer.set(carry);
      const { bytesRead } = await handle.read(buffer, carry.length, buffer.length - carry.length, null);
      const filled = carry.length + bytesRead;
      if (bytesRead === 0) {
        // The last line without its newline.
        if (filled > 0) yield buffer.subarray(0, filled);
        return;
      }
      const end = buffer.lastIndexOf(10, filled - 1) + 1;
      // No line end yet: a line longer than the slice, read on.
      if (end > 0) yield buffer.subarray(0, end);
      carry = buffer.slice(end, filled);
    }
  } finally {
    await handle.close();
  }
}

function pgliteTx(tx: Transaction): RawTx {
  const query = async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows;
  return {
    query,
    // PGlite reads COPY input from a blob, as a file it names /dev/blob: one COPY per slice of
    // whole lines.
    copyFrom: async (target, text) => {
      const pacer = new Pacer(64 * 1024, 4 * 1024, 4 * 1024 * 1024);
      const copy = (lines: Uint8Array<ArrayBuffer>) =>
        pacer.slice(() => tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([lines]) }));
      if ("file" in text) {
        for await (const lines of fileLineSlices(text.file, () => pacer.size)) await copy(lines);
        return;
      }
      for (const chunk of text) for (const lines of lineSlices(chunk, () => pacer.size)) await copy(lines);
    },
    sliced: async (table, statement, params) => {
      const [relation] = await query<{ pages: number }>(
        "SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages",
        [table],
      );
      const pacer = new Pacer(4, 1, 1024);
      for (let page = 0; page < (relation?.pages ?? 0); ) {
        const end = page + pacer.size;
        await pacer.slice(() => query(statement(`ctid >= '(${page},0)'::tid AND ctid < '(${end},0)'::tid`), params));
        page = end;
      }
    },
    executeRaw: executeRawOn(async (sql, params) => (await tx.query(sql, params)).affectedRows ?? 0),
  };
}

/**
 * `$executeRaw` as a tagged template over plain SQL, so code written against Prisma's transaction
 * client (lockPortfolio) runs unchanged here. The cast: Prisma's signature promises a PrismaPromise
 * and also takes a Prisma.Sql object; the template form, all such code uses, is what is kept.
 */
function executeRawOn(execute: (sql: string, params: unknown[]) => Promise<number>): Pick<Tx, "$executeRaw"> {
  const $executeRaw = (strings: TemplateStringsArray, ...values: unknown[]) => {
    if (!Array.isArray(strings)) throw new Error("only the tagged-template form of $executeRaw is supported here");
    return execute(
      strings.reduce((text, part, i) => `${text}$${i}${part}`),
      values,
    );
  };
  return { $executeRaw } as unknown as Pick<Tx, "$executeRaw">;
}
