import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { logger } from "../logger";

// Creating a PGlite data folder runs initdb in a WebAssembly instance of its own, whose memory
// (about 500 MB) the process keeps for good once it has grown: an app that created its folder
// itself stayed at 774 MB resident where one that reopened it sat at 307. Run in a worker thread,
// initdb's memory goes when the worker does.

// Plain JavaScript evaluated in the worker (the app's bundle has no file for it); PGlite is loaded
// by Node from node_modules at run time (next.config.js serverExternalPackages).
const INIT = `
const { parentPort, workerData } = require("node:worker_threads");
import("@electric-sql/pglite")
  .then(async ({ PGlite }) => {
    const lite = await PGlite.create(workerData);
    await lite.close();
    parentPort.postMessage({ ok: true });
  })
  .catch((error) => parentPort.postMessage({ ok: false, error: String(error && error.stack || error) }));
`;

/** Whether `dataDir` already holds a database. */
export function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * Creates a new data folder in a worker thread. False if the worker could not do it (the caller
 * then lets PGlite create the folder in this thread, as it would have anyway).
 */
export async function initialiseInWorker(dataDir: string): Promise<boolean> {
  const reply = await new Promise<{ ok: boolean; error?: string }>((resolve) => {
    const worker = new Worker(INIT, { eval: true, workerData: dataDir });
    worker.once("message", (message: { ok: boolean; error?: string }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", (error) => resolve({ ok: false, error: String(error) }));
    worker.once("exit", (code) => resolve({ ok: false, error: `the worker exited with code ${code}` }));
  });
  if (!reply.ok) logger.warn({ event: "db.init_worker_failed", error: reply.error }, "initdb in a worker failed");
  return reply.ok && isInitialised(dataDir);
}
