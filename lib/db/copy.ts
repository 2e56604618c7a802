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

/** A transaction on the driver: plain SQL and COPY, committed when `fn` returns, rolled back if it throws. */
export interface RawTx {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** `COPY <target> FROM STDIN` in the text format: tab-separated UTF-8 lines, `\N` for null. */
  copyFrom(target: string, text: readonly Uint8Array<ArrayBuffer>[]): Promise<void>;
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
      const chunks = text.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      await pipeline(Readable.from(chunks), client.query(copyFromStdin(`COPY ${target} FROM STDIN`)));
    },
    sliced: async (_table, statement, params) => {
      await query(statement("true"), params);
    },
    executeRaw: executeRawOn(async (sql, params) => (await client.query(sql, params)).rowCount ?? 0),
  };
}

/** Pages per PGlite slice: about 2,000 positions, some 100 ms of main thread with six indexes to update. */
const SLICE_PAGES = 32;

/** Lets the event loop serve what came in (a macrotask: resolved promises alone would not). */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function pgliteTx(tx: Transaction): RawTx {
  const query = async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows;
  return {
    query,
    // PGlite reads COPY input from a blob, as a file it names /dev/blob: one COPY per megabyte
    // chunk (chunks end at line ends: copy-text.ts).
    copyFrom: async (target, text) => {
      for (const chunk of text) {
        await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([chunk]) });
        await pause();
      }
    },
    sliced: async (table, statement, params) => {
      const [size] = await query<{ pages: number }>(
        "SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages",
        [table],
      );
      for (let page = 0; page < (size?.pages ?? 0); page += SLICE_PAGES) {
        const slice = `ctid >= '(${page},0)'::tid AND ctid < '(${page + SLICE_PAGES},0)'::tid`;
        await query(statement(slice), params);
        await pause();
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
