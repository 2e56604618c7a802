import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { createScratchDatabase } from "./db/scratch";

export type Role = "viewer" | "manager" | "admin";

export interface AppServer {
  baseUrl: string;
  /** Headers that authenticate a request as a user of that role (an API token). */
  headers(role?: Role): Record<string, string>;
  /** The database the server uses (for tests that check what was written). */
  databaseConfig: import("./db/config").DatabaseConfig;
  stop(): Promise<void>;
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

/**
 * The production build (`next start`) on a throwaway database of the configured kind, for the
 * API contract tests and the browser tests. Never a developer's data.
 */
export async function startAppServer(prefix: string): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first (`npm test` does).");
  const scratch = await createScratchDatabase(prefix);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", PORT: String(port) };
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
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.kill("SIGKILL");
      throw new Error(`the app did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    headers: () => ({}),
    databaseConfig: scratch.config,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      await scratch.drop();
    },
  };
}
