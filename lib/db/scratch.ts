import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseConfig, databaseConfigFromEnv } from "./config";

export interface ScratchDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * A throwaway database of the configured kind, never a developer's data: a new database on the
 * DATABASE_URL server, or a PGlite folder under the system temp dir. Tests and the benchmark use it.
 * `pgliteCopyOf` starts a PGlite folder as a copy of a closed, migrated one (a second to copy,
 * against six to initialise and migrate a new one).
 */
export async function createScratchDatabase(
  prefix: string,
  options: { pgliteCopyOf?: string } = {},
): Promise<ScratchDatabase> {
  const base = databaseConfigFromEnv();
  if (base.kind === "pglite") {
    const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    if (options.pgliteCopyOf) await cp(options.pgliteCopyOf, path.join(dir, "pglite"), { recursive: true });
    return {
      config: { kind: "pglite", dataDir: path.join(dir, "pglite") },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`.replace(/[^a-z0-9_]/g, "_");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    config: { kind: "postgres", url: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
