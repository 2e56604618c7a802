import { createHash } from "node:crypto";
import { access, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";
import { databaseConfigFromEnv } from "@/lib/db/config";
import { readMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A closed, migrated PGlite folder each test file copies; null on Postgres. */
    pgliteTemplate: string | null;
  }
}

/**
 * Global setup of the database projects: on PGlite, one migrated database folder that every test
 * file copies instead of initialising its own (about six seconds each). Kept in the temp dir under
 * a name made of PGlite's version and the migrations' checksums, so it is rebuilt exactly when
 * either changes.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (databaseConfigFromEnv().kind !== "pglite") return project.provide("pgliteTemplate", null);
  const migrations = await readMigrations();
  const pglite = JSON.parse(await readFile("node_modules/@electric-sql/pglite/package.json", "utf8")) as {
    version: string;
  };
  const key = createHash("sha256")
    .update([`pglite ${pglite.version}`, ...migrations.map((m) => `${m.name}:${m.checksum}`)].join("\n"))
    .digest("hex")
    .slice(0, 16);
  const template = path.join(os.tmpdir(), `aker-pglite-template-${key}`);
  if (!(await exists(template))) {
    // Built aside and renamed into place, so a run that starts meanwhile never copies half of it.
    const building = await mkdtemp(path.join(os.tmpdir(), "aker-pglite-template-building-"));
    const db = await openDatabase({ kind: "pglite", dataDir: path.join(building, "pglite") });
    await db.close();
    await rename(path.join(building, "pglite"), template).catch(() => undefined);
    await rm(building, { recursive: true, force: true });
  }
  project.provide("pgliteTemplate", template);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
