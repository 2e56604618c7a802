import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "aker-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

describe("the embedded database lock", () => {
  test("refuses a second process while the first one lives, and is released on close", async () => {
    const dir = await dataDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      await writeFile(`${dir}.lock`, String(sleeper.pid));
      await expect(acquirePgliteLock(dir)).rejects.toThrow(/in use by process/);
    } finally {
      sleeper.kill();
    }
  });

  test("takes over a lock left by a process that has died", async () => {
    const dir = await dataDir();
    const gone = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => gone.once("exit", resolve));
    await writeFile(`${dir}.lock`, String(gone.pid));
    const release = await acquirePgliteLock(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    await release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
