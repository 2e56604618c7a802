import "server-only";
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { logger } from "../logger";
import { type DatabaseConfig, databaseConfigFromEnv, describeDatabase } from "./config";
import { PrismaClient } from "./generated/client";
import { CHANGES_CHANNEL, changeNoticeMemo, type Memo, passThroughMemo } from "./memo";
import { applyMigrations, readMigrations, type SqlSession } from "./migrate";
import { initialiseInWorker, isInitialised } from "./pglite-init";
import { acquirePgliteLock } from "./pglite-lock";
import { LONG_TX } from "./tx";

export type { PrismaClient };

/** The driver beside Prisma, for what Prisma cannot do (COPY, in lib/db/copy.ts). */
export type Driver = { kind: "postgres"; pool: pg.Pool } | { kind: "pglite"; lite: PGlite };

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  driver: Driver;
  /** Token and portfolio lookups between writes: kept on the embedded database only (memo.ts). */
  memo: Memo;
  /**
   * A small read every request makes (the token's user, the portfolio and its data version), outside
   * any transaction. On Postgres it goes through the driver's pool: Prisma spends about 60 µs of CPU
   * on a query, the driver 23 µs (README, Speed), and these run on every request. On the embedded
   * database it goes through Prisma, which takes turns with its transactions on the one connection.
   */
  lookup<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Opens a database and brings its schema up to date. Tests use it for throwaway databases. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const migrations = await readMigrations();
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      const applied = await applyMigrations(pgSession(client), migrations);
      if (applied.length) logger.info({ event: "db.migrated", applied }, "migrations applied");
    } finally {
      await client.end();
    }
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
    // A few connections of its own (COPY, and the lookups every request makes), opened on first use,
    // waited for as long as Prisma's long transactions wait; an idle one the server drops is
    // logged, not fatal.
    const pool = new pg.Pool({ connectionString: config.url, max: 8, connectionTimeoutMillis: LONG_TX.maxWait });
    pool.on("error", (error) => logger.warn({ event: "db.pool_error", err: error }, "idle connection lost"));
    return {
      kind: "postgres",
      prisma,
      driver: { kind: "postgres", pool },
      memo: passThroughMemo,
      lookup: async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[],
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  // PGlite creates its data folder but not the folders above it.
  await mkdir(config.dataDir, { recursive: true });
  const release = await acquirePgliteLock(config.dataDir);
  // A new folder is made in a worker thread, which takes initdb's memory with it (pglite-init.ts).
  if (!isInitialised(config.dataDir)) await initialiseInWorker(config.dataDir);
  const lite = await PGlite.create(config.dataDir, { startParams: PGLITE_START_PARAMS }).catch(
    async (error: unknown) => {
      await release();
      throw error;
    },
  );
  const applied = await applyMigrations(pgliteSession(lite), migrations);
  if (applied.length) logger.info({ event: "db.migrated", applied }, "migrations applied");
  const memo = changeNoticeMemo();
  await lite.listen(CHANGES_CHANNEL, () => memo.clear());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: "pglite",
    prisma,
    driver: { kind: "pglite", lite },
    memo,
    lookup: <T>(sql: string, params: unknown[]) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
      await release();
    },
  };
}

// The embedded database's page cache lives in the app's own memory, and Postgres's default
// (128 MB) fills during a big import and stays resident for good. At 32 MB the app grew about half
// as much during a 1,000,000-row import, which took as long (README, Speed); the operating system
// still caches the data files beneath it.
export const PGLITE_SHARED_BUFFERS = "32MB";
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

function pgSession(client: pg.Client): SqlSession {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
  };
}

function pgliteSession(lite: PGlite): SqlSession {
  return {
    exec: async (sql) => {
      await lite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await lite.query<T>(sql, params)).rows,
  };
}

// One database per process (PGlite allows a single instance per data folder), shared across
// Next's module copies and hot reloads through globalThis.
const globalForDb = globalThis as unknown as { akerDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!globalForDb.akerDb) {
    const config = databaseConfigFromEnv();
    logger.info({ event: "db.open", database: describeDatabase(config) }, "opening database");
    globalForDb.akerDb = openDatabase(config).catch((error: unknown) => {
      globalForDb.akerDb = undefined;
      throw error;
    });
  }
  return globalForDb.akerDb;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}

/** Closes the process-wide database (CLI exit, test teardown). */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.akerDb;
  globalForDb.akerDb = undefined;
  if (pending) await (await pending).close();
}

/** Points the process-wide database at `config` (tests and the benchmark use throwaway ones). */
export async function switchDatabase(config: DatabaseConfig): Promise<Database> {
  await closeDb();
  globalForDb.akerDb = openDatabase(config);
  return globalForDb.akerDb;
}
