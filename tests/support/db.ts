import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, type Database, switchDatabase } from "@/lib/db/client";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";
import type {} from "./db-template";

/**
 * Gives the test file its own migrated database (Postgres when DATABASE_URL is set, PGlite
 * otherwise) as the process-wide one the services use, and drops it afterwards.
 */
export function withTestDatabase(): () => Database {
  let scratch: ScratchDatabase | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    const template = inject("pgliteTemplate");
    scratch = await createScratchDatabase("aker_test", template ? { pgliteCopyOf: template } : {});
    database = await switchDatabase(scratch.config);
  });
  afterAll(async () => {
    await closeDb();
    await scratch?.drop();
  });
  return () => {
    if (!database) throw new Error("the test database is opened in beforeAll");
    return database;
  };
}
