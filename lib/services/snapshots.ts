import { createHash } from "node:crypto";
import { type Database, getDb } from "../db/client";
import type { PortfolioContext } from "./context";

// The snapshot cache. A stored run is immutable until its date is recomputed, and what is built
// from runs, limits and alerts changes only when one of them is written; yet a team reads it all
// day. So each such read is computed once per portfolio *data version* and kept in memory.
//
// The version is a counter on the portfolio row that every writer bumps in its own transaction
// (lockPortfolio), so it moves exactly when a recompute, import, limit change or alert transition
// commits. On Postgres a read looks it up first (one indexed row), which keeps every app instance
// coherent with the database without any message between them: a write through one instance is
// seen on the next read through any other. The embedded database has one process, which keeps the
// version in memory until a commit's change notice (lib/db/memo.ts), so its reads need no query and
// do not wait for a running import. Until a write commits, the entries of the version before it
// stay: they are still the truth, and a newer version's read replaces them. The version also makes the HTTP validator: the ETag is the version
// and the read's key, so a client that has it gets a 304 without a body.

/** A cached read: its value (frozen: shared by every request), the ETag, and its JSON, made once. */
export interface Snapshot<T> {
  readonly value: T;
  readonly etag: string;
  /** The value as JSON text, serialised on first use and kept. */
  json(): string;
  /** That text as UTF-8, encoded on first use and kept: a response body sent as it is. */
  bytes(): Uint8Array;
}

interface Entry {
  version: number;
  snapshot: Promise<Snapshot<unknown>>;
}

/** Entries kept per database; the least recently used goes first. Each is a few hundred buckets at most. */
const MAX_ENTRIES = 512;

// One cache per open database (a test or the benchmark may switch databases, and two databases
// copied from one template share portfolio ids), shared across Next's module copies like the
// database itself.
const globalForCache = globalThis as unknown as {
  akerSnapshots?: WeakMap<Database, Map<string, Entry>>;
  akerSnapshotStats?: { hits: number; misses: number };
};
globalForCache.akerSnapshots ??= new WeakMap();
globalForCache.akerSnapshotStats ??= { hits: 0, misses: 0 };
const caches = globalForCache.akerSnapshots;
const stats = globalForCache.akerSnapshotStats;

async function entriesOf(): Promise<{ db: Database; entries: Map<string, Entry> }> {
  const db = await getDb();
  let entries = caches.get(db);
  if (!entries) {
    entries = new Map();
    caches.set(db, entries);
  }
  return { db, entries };
}

/** How often reads were answered from memory since the process started (tests and the load test). */
export function snapshotCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}

/** The portfolio's data version now, or -1 when the portfolio is gone (nothing is cached then). */
export async function dataVersion(portfolioId: string): Promise<number> {
  const db = await getDb();
  const rows = await db.memo.get(`version:${portfolioId}`, () =>
    db.lookup<{ dataVersion: number }>(`SELECT data_version AS "dataVersion" FROM portfolios WHERE id = $1`, [
      portfolioId,
    ]),
  );
  return rows[0]?.dataVersion ?? -1;
}

function deepFreeze<T>(value: T): T {
  // A file body (Uint8Array) cannot be frozen; nothing writes to it.
  if (value && typeof value === "object" && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function etagOf(portfolioId: string, version: number, key: string): string {
  const digest = createHash("sha1").update(`${portfolioId}|${key}`).digest("base64url").slice(0, 16);
  return `"v${version}-${digest}"`;
}

function makeSnapshot<T>(value: T, etag: string): Snapshot<T> {
  let text: string | undefined;
  let bytes: Uint8Array | undefined;
  const json = () => {
    text ??= JSON.stringify(value);
    return text;
  };
  return {
    value: deepFreeze(value),
    etag,
    json,
    bytes: () => {
      bytes ??= Buffer.from(json());
      return bytes;
    },
  };
}

/**
 * The read named by `key` (unique within the portfolio: include every parameter), from memory
 * when this portfolio's data has not changed since it was computed, else computed now and kept.
 * Concurrent misses share one computation. A computation that throws is not kept.
 */
export async function snapshot<T>(ctx: PortfolioContext, key: string, compute: () => Promise<T>): Promise<Snapshot<T>> {
  const portfolioId = ctx.portfolio.id;
  const { entries } = await entriesOf();
  const version = ctx.readVersion ?? (await dataVersion(portfolioId));
  const etag = etagOf(portfolioId, version, key);
  if (version < 0) return makeSnapshot(await compute(), etag);
  const cacheKey = `${portfolioId}|${key}`;
  const found = entries.get(cacheKey);
  if (found && found.version > version) {
    // A reader that looked the version up just before a write committed: its answer is not kept
    // over the newer one.
    stats.misses += 1;
    return compute().then((value) => makeSnapshot(value, etag));
  }
  if (found && found.version === version) {
    stats.hits += 1;
    // Most recently used goes to the end of the map's order.
    entries.delete(cacheKey);
    entries.set(cacheKey, found);
    return found.snapshot as Promise<Snapshot<T>>;
  }
  stats.misses += 1;
  const pending = compute().then((value) => makeSnapshot(value, etag));
  const entry: Entry = { version, snapshot: pending };
  entries.delete(cacheKey);
  entries.set(cacheKey, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
  pending.catch(() => {
    if (entries.get(cacheKey) === entry) entries.delete(cacheKey);
  });
  return pending;
}
