import { randomUUID } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isAlive } from "../db/pglite-lock";
import { logger } from "../logger";

// An import's COPY text goes to a file in the system's temp folder (lib/import/prepare.ts), removed
// when the import ends. A process killed mid-import cannot remove its own: its name carries its
// process id, so the next import, by any process, removes the files of processes no longer running.

const NAME = /^aker-import-(\d+)-[0-9a-f-]{36}\.copy$/;

/** A new COPY file's path for this process. */
export function importCopyFile(dir = os.tmpdir()): string {
  return path.join(dir, `aker-import-${process.pid}-${randomUUID()}.copy`);
}

/** Removes the COPY files of processes that are no longer running; returns how many. */
export async function removeOrphanCopyFiles(dir = os.tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    const pid = NAME.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    await rm(path.join(dir, name), { force: true });
    removed += 1;
  }
  if (removed > 0) logger.info({ event: "import.orphans_removed", removed }, "removed COPY files of stopped processes");
  return removed;
}
