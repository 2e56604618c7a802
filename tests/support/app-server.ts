import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { createScratchDatabase } from "@/lib/db/scratch";

export type Role = "viewer" | "manager" | "admin";

export interface AppServer {
  baseUrl: string;
  /** Headers that authenticate a request as a user of that role (an API token). */
  headers(role?: Role): Record<string, string>;
  /** Email and password of the seeded user of that role, for signing in a browser. */
  credentials(role?: Role): { email: string; password: string };
  /** The database the server uses (for tests that check what was written). */
  databaseConfig: import("@/lib/db/config").DatabaseConfig;
  /** The seeded users and secret, to pass to a restart on the same database. */
  seeded: Seeded;
  /** The app's process id. */
  pid: number;
  /** Kills the app with SIGKILL, as a crash would: no shutdown, the database left as it is. */
  kill(): Promise<void>;
  /** What the app has printed so far (stdout and stderr), for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /**
   * Run on this database instead of a new throwaway one (a restart on the same data, or Postgres
   * behind a proxy). The caller owns it: stop() does not drop it.
   */
  database?: import("@/lib/db/config").DatabaseConfig;
  /** Extra environment for the app process. */
  env?: Record<string, string>;
  /** The users (and signing secret) an earlier server seeded on `database`, for a restart. */
  seeded?: Seeded;
  /** Extra flags for the app's Node process (e.g. `--cpu-prof` to see where a page's time goes). */
  nodeArgs?: string[];
}

export interface Seeded {
  secret: string;
  users: Record<Role, SeededUser>;
}

export interface SeededUser {
  email: string;
  password: string;
  token: string;
}

/** One user of each role, each with an API token, made with the CLI before the server starts. */
async function seedUsers(env: NodeJS.ProcessEnv): Promise<Record<Role, SeededUser>> {
  const run = promisify(execFile);
  const users = {} as Record<Role, SeededUser>;
  for (const role of ["admin", "manager", "viewer"] as const) {
    const email = `${role}@aker.test`;
    const password = `${role}-${randomBytes(9).toString("base64url")}`;
    const { stdout } = await run(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "lib/tools/cli.ts",
        "user:create",
        "--email",
        email,
        "--name",
        `Test ${role}`,
        "--role",
        role,
        "--password",
        password,
        "--token",
        "tests",
      ],
      { env: { ...env, LOG_LEVEL: "silent" } },
    );
    const json = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { token: string };
    users[role] = { email, password, token: json.token };
  }
  return users;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * The production build (`next start`) on a throwaway database of the configured kind, for the
 * API contract tests and the browser tests. Never a developer's data.
 */
export async function startAppServer(prefix: string, options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID"))
    throw new Error("No production build: run `npm run build` first (`npm test` does).");
  const scratch = options.database
    ? { config: options.database, drop: async () => {} }
    : await createScratchDatabase(prefix);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Tests drive schedules and freshness themselves; a test may turn the scheduler on in options.env.
    AKER_SCHEDULER: "0",
    PORT: String(port),
    BETTER_AUTH_SECRET: options.seeded?.secret ?? randomBytes(32).toString("base64url"),
  };
  delete env.DATABASE_URL;
  delete env.AKER_DATABASE_URL;
  delete env.AKER_AUTH;
  if (scratch.config.kind === "postgres") env.DATABASE_URL = scratch.config.url;
  else env.AKER_CACHE_PATH = scratch.config.dataDir.replace(/\/pglite$/, "");
  // Users are seeded on the database directly, so seed before a proxy or other overrides apply.
  const seeded: Seeded = options.seeded ?? { secret: env.BETTER_AUTH_SECRET ?? "", users: await seedUsers(env) };
  const users = seeded.users;
  Object.assign(env, options.env);
  const server: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
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
  const running = () => server.exitCode === null && server.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (!running()) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill(signal);
    await exited;
  };
  return {
    baseUrl,
    headers: (role = "manager") => ({ authorization: `Bearer ${users[role].token}` }),
    credentials: (role = "manager") => ({ email: users[role].email, password: users[role].password }),
    databaseConfig: scratch.config,
    seeded,
    pid: server.pid ?? -1,
    kill: () => end("SIGKILL"),
    output: () => output,
    stop: async () => {
      await end("SIGTERM");
      await scratch.drop();
    },
  };
}
