import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, test } from "vitest";

import { openDatabase, PGLITE_SHARED_BUFFERS } from "@/lib/db/client";
import { initialiseInWorker, isInitialised } from "@/lib/db/pglite-init";

describe("a new PGlite folder is made in a worker thread", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aker-pglite-init-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the folder the worker made opens here, as a database", async () => {
    const dataDir = path.join(dir, "pglite");
    expect(isInitialised(dataDir)).toBe(false);
    expect(await initialiseInWorker(dataDir)).toBe(true);
    expect(isInitialised(dataDir)).toBe(true);
    const lite = await PGlite.create(dataDir);
    try {
      expect((await lite.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await lite.close();
    }
  });

  test("a folder the worker cannot make is reported, not thrown", async () => {
    const blocked = path.join(dir, "a-file");
    writeFileSync(blocked, "not a folder");
    expect(await initialiseInWorker(path.join(blocked, "pglite"))).toBe(false);
  });
});

describe("the app's embedded database", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aker-pglite-open-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("keeps a small page cache in the app's memory (32 MB, not Postgres's 128 MB)", async () => {
    const db = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    try {
      if (db.driver.kind !== "pglite") throw new Error("expected the embedded database");
      const rows = (await db.driver.lite.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows;
      expect(rows).toEqual([{ shared_buffers: PGLITE_SHARED_BUFFERS }]);
      expect(PGLITE_SHARED_BUFFERS).toBe("32MB");
    } finally {
      await db.close();
    }
  });
});
