import path from "node:path";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/**
 * DATABASE_URL (or AKER_DATABASE_URL) selects Postgres; without one the app runs on embedded
 * PGlite persisted under AKER_CACHE_PATH (default `.data/`), so a fresh clone just works.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() || env.AKER_DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const cache = env.AKER_CACHE_PATH?.trim() || ".data";
  return { kind: "pglite", dataDir: path.resolve(cache, "pglite") };
}

/** The URL with its password hidden, for logs and messages. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `pglite:${config.dataDir}`;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres";
  }
}
