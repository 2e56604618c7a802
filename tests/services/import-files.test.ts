import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

import { importCopyFile, removeOrphanCopyFiles } from "@/lib/services/import-files";

describe("an import's COPY file, left behind by a process killed mid-import", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aker-import-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("is removed by a later import; this process's own files and other files are left alone", async () => {
    // A process that has ended: its id is no longer running.
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const mine = importCopyFile(dir);
    expect(path.basename(mine)).toMatch(new RegExp(`^aker-import-${process.pid}-[0-9a-f-]{36}\\.copy$`));
    const orphan = path.join(dir, path.basename(importCopyFile(dir)).replace(`-${process.pid}-`, `-${ended}-`));
    const unrelated = path.join(dir, `aker-import-${ended}-notes.txt`);
    for (const file of [mine, orphan, unrelated]) writeFileSync(file, "P1\t\\N\n");

    expect(await removeOrphanCopyFiles(dir)).toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([path.basename(mine), path.basename(unrelated)].sort());
    expect(await removeOrphanCopyFiles(dir)).toBe(0);
  });
});
