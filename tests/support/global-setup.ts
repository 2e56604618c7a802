import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "../../lib/db/scratch";

declare module "vitest" {
  export interface ProvidedContext {
    apiBase: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts the production build (`next start`) on a throwaway database for the API contract tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `next build` first (`npm test` does).");
  const scratch = await createScratchDatabase("aker_api");
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.AKER_DATABASE_URL;
  if (scratch.config.kind === "postgres") env.DATABASE_URL = scratch.config.url;
  else env.AKER_CACHE_PATH = scratch.config.dataDir.replace(/\/pglite$/, "");
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill("SIGKILL");
      throw new Error(`the app did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("apiBase", base);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r).once("error", r));
    await scratch.drop();
  };
}
