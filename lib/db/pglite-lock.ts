import { rmSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";

/** Whether a process with this id is running (ours or another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder (the CLI while the
 * app runs, say) can corrupt it. A lock file holding the owner's pid refuses that with a clear
 * message; a lock left by a process that has died is taken over.
 */
export async function acquirePgliteLock(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  try {
    await writeFile(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw Object.assign(
        new Error(
          `The embedded database at ${dataDir} is in use by process ${owner} (the running app?). Stop it first, or use Postgres via DATABASE_URL.`,
        ),
        { code: "DATABASE_IN_USE" },
      );
    }
    await writeFile(lockPath, String(process.pid));
  }
  const release = async () => {
    process.off("exit", releaseSync);
    await rm(lockPath, { force: true });
  };
  // Exit handlers must be synchronous.
  const releaseSync = () => rmSync(lockPath, { force: true });
  process.once("exit", releaseSync);
  return release;
}
