// `npm run cli -- <command>`: the service layer from the shell. Logs go to stderr at warn level
// unless LOG_LEVEL says otherwise, so stdout carries only the command's answer.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Actor } from "../auth/roles";
import type { RunResult } from "../services/runs-compute";

process.env.LOG_LEVEL ??= "warn";
process.env.AKER_LOG_STDERR = "1";

const USAGE = `Usage: npm run cli -- <command> [options]   (every command takes --portfolio <slug>)

  import <file.csv|.json|.xlsx> [--mode replace|upsert] [--on-error reject|skip]
  compute [--as-of YYYY-MM-DD] [--no-alerts]        compute and store a run
  latest                                            the latest run's exposures
  limits                                            list limits
  limit:add --dimension strategy [--value value_add] --pct 30 [--type maximum|minimum] [--severity warning|critical]
  alerts [--status active|acknowledged|resolved|open]
  ack <alertId> [--comment text]                    acknowledge (as the CLI and your OS user)
  resolve <alertId> [--comment text]
  export exposures|positions [--format csv|json|xlsx] [--out file]
  bench [--json] [--sizes 10000,100000,1000000] [--iterations 5] [--no-db] [--db-rows 100000] [--pages]
  loadtest [--rows 100000] [--duration 10] [--connections 10] [--json]
                                                    bounded load test of the built app (loopback)
  user:create --email <e> --name <n> [--role viewer|manager|admin] [--password <p>] [--token <name>]
                                                    a user (first one: make it an admin); a random
                                                    password is printed when none is given
  token:create --email <e> --name <token name>      an API token for a user, printed once
  migrate                                           apply database migrations
  weights                                           first-load JS per page of the last build`;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    portfolio: { type: "string" },
    mode: { type: "string" },
    "on-error": { type: "string" },
    "as-of": { type: "string" },
    "no-alerts": { type: "boolean" },
    dimension: { type: "string" },
    value: { type: "string" },
    pct: { type: "string" },
    type: { type: "string" },
    severity: { type: "string" },
    status: { type: "string" },
    comment: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    sizes: { type: "string" },
    iterations: { type: "string" },
    "no-db": { type: "boolean" },
    "db-rows": { type: "string" },
    pages: { type: "boolean" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    token: { type: "string" },
    rows: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

const print = (value: unknown) => console.log(typeof value === "string" ? value : JSON.stringify(value, null, 2));

// The CLI works on the database directly (it needs no sign-in, only access to the database), and
// the audit log and alert histories record it as the CLI run by this OS user.
const osUser = process.env.USER ?? userInfo().username;
const CLI_ACTOR: Actor = { id: "cli", email: `cli:${osUser}`, name: `CLI (${osUser})`, role: "admin", via: "cli" };

async function main(): Promise<void> {
  const [command, ...args] = positionals;
  if (command === "weights") return printWeights();
  if (command === "loadtest") return runLoadTest();
  if (command === "bench") return runBench();
  const lib = await import("../index");
  const { parseOrThrow } = await import("../http/parse");
  // Every command but the user and token ones is about one portfolio: resolved once, here.
  const ctx = () => lib.portfolioContext(opts.portfolio, CLI_ACTOR);
  switch (command) {
    case "import": {
      const file = args[0];
      if (!file) throw new Error("import needs a file: npm run cli -- import positions.csv");
      const extension = path.extname(file).slice(1).toLowerCase();
      const format = extension === "xlsx" ? "xlsx" : extension === "json" ? "json" : "csv";
      const data = format === "xlsx" ? new Uint8Array(await readFile(file)) : await readFile(file, "utf8");
      const options = parseOrThrow(lib.importOptionsSchema, { mode: opts.mode, onError: opts["on-error"] }, "options");
      return print(await lib.importPositions(await ctx(), { format, data, sourceName: path.basename(file) }, options));
    }
    case "compute": {
      const input = parseOrThrow(
        lib.runCreateSchema,
        { asOfDate: opts["as-of"], includeAlerts: !opts["no-alerts"] },
        "options",
      );
      return print(summarizeRun(await lib.computeRun(await ctx(), input)));
    }
    case "latest":
      return print(await lib.getRunOrThrow(await ctx()));
    case "limits":
      return print((await lib.listLimits(await ctx())).items);
    case "limit:add": {
      const limit = parseOrThrow(
        lib.limitCreateSchema,
        {
          dimensionType: opts.dimension,
          dimensionValue: opts.value ?? null,
          thresholdPct: opts.pct === undefined ? undefined : Number(opts.pct),
          thresholdType: opts.type,
          severityLevel: opts.severity,
        },
        "limit",
      );
      return print(await lib.createLimit(await ctx(), limit));
    }
    case "alerts":
      return print(
        (await lib.listAlerts(await ctx(), parseOrThrow(lib.alertListSchema, { status: opts.status }, "options")))
          .items,
      );
    case "ack":
      return print(
        await lib.acknowledgeAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.acknowledgeSchema, { comment: opts.comment }, "options"),
        ),
      );
    case "resolve":
      return print(
        await lib.resolveAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.resolveSchema, { comment: opts.comment }, "options"),
        ),
      );
    case "export": {
      const format = parseOrThrow(lib.exportQuerySchema.shape.format, opts.format, "format");
      const file =
        args[0] === "positions"
          ? await lib.exportPositions(await ctx(), format)
          : await lib.exportExposures(await ctx(), undefined, format);
      if (opts.out) {
        await writeFile(opts.out, file.body);
        return print(`wrote ${opts.out}`);
      }
      return void process.stdout.write(typeof file.body === "string" ? file.body : Buffer.from(file.body));
    }
    case "user:create": {
      const { createUser } = await import("../services/users");
      const { createApiToken } = await import("../services/api-tokens");
      const password = opts.password ?? randomPassword();
      const input = parseOrThrow(
        lib.userCreateSchema,
        { email: opts.email ?? "", name: opts.name ?? opts.email ?? "", role: opts.role, password },
        "user",
      );
      const user = await createUser({ actor: CLI_ACTOR }, input);
      const token = opts.token ? (await createApiToken({ actor: CLI_ACTOR }, user.id, opts.token)).token : undefined;
      return print({ user, ...(opts.password ? {} : { password }), ...(token ? { token } : {}) });
    }
    case "token:create": {
      const { findUserByEmail } = await import("../services/users");
      const { createApiToken } = await import("../services/api-tokens");
      const user = await findUserByEmail(opts.email ?? "");
      if (!user) throw new Error(`no user with email ${opts.email ?? "(none given)"}`);
      const { token, apiToken } = await createApiToken({ actor: CLI_ACTOR }, user.id, opts.name ?? "cli");
      return print({ ...apiToken, token });
    }
    case "migrate": {
      const db = await lib.getDb();
      return print(`database ready (${db.kind})`);
    }
    default:
      print(USAGE);
      if (command && command !== "help") process.exitCode = 2;
  }
}

async function printWeights(): Promise<void> {
  const { readPageWeights } = await import("./page-weights");
  const weights = await readPageWeights();
  if (opts.json) return print(weights);
  console.log("page                          first-load JS   gzip");
  for (const w of weights)
    console.log(`${w.route.padEnd(30)}${`${w.firstLoadKb} kB`.padStart(13)}${`${w.firstLoadGzipKb} kB`.padStart(10)}`);
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

function summarizeRun(run: RunResult) {
  const { exposures, ...rest } = run;
  return { ...rest, exposureRows: exposures.length };
}

async function runBench(): Promise<void> {
  const { benchmarkEngine } = await import("./bench-engine");
  const { benchmarkDatabase } = await import("./bench-db");
  const sizes = (opts.sizes ?? "10000,100000,1000000").split(",").map((s) => Number(s.trim()));
  const iterations = Number(opts.iterations ?? 5);
  if (!opts.json) console.error(`engine: ${sizes.join(", ")} positions, ${iterations} timed runs each…`);
  const engine = await benchmarkEngine(sizes, iterations);
  const database = opts["no-db"]
    ? undefined
    : await benchmarkDatabase(Number(opts["db-rows"] ?? 100_000), (line) => !opts.json && console.error(line));
  const log = (line: string) => !opts.json && console.error(line);
  const pages = opts.pages
    ? await (await import("./bench-pages")).benchmarkPages(Number(opts["db-rows"] ?? 100_000), 5, log)
    : undefined;
  if (opts.json) return print({ engine, database, pages });
  for (const r of engine) {
    console.log(
      `${String(r.positions).padStart(9)} positions  avg ${r.avgTimeMs.toFixed(2)} ms  ${r.positionsPerSecond.toLocaleString("en-US")} positions/s`,
    );
  }
  if (database) console.log(JSON.stringify(database, null, 2));
  if (pages)
    for (const p of pages.pages)
      console.log(
        `page ${p.path.padEnd(18)} median ${p.medianMs} ms, max ${p.maxMs} ms (${pages.rows.toLocaleString("en-US")} positions)`,
      );
}

async function runLoadTest(): Promise<void> {
  const { runLoadTest } = await import("./load-test");
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const report = await runLoadTest(
    { rows: number(opts.rows), durationSec: number(opts.duration), connections: number(opts.connections) },
    (line) => !opts.json && console.error(line),
  );
  if (report.failures > 0) process.exitCode = 1;
  if (opts.json) return print(report);
  console.log(
    `load test: ${report.rows.toLocaleString("en-US")} positions, ${report.openAlerts} open alerts, ${report.database}, ` +
      `${report.durationSec} s per target, ${report.connections} connections`,
  );
  console.log(
    `${"GET".padEnd(58)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"requests".padStart(10)}${"errors".padStart(8)}${"non-2xx".padStart(9)}`,
  );
  for (const t of report.targets) {
    console.log(
      `${t.path.padEnd(58)}${String(t.requestsPerSec).padStart(8)}${String(t.latencyP50Ms).padStart(9)}${String(t.latencyP99Ms).padStart(9)}` +
        `${String(t.requests).padStart(10)}${String(t.errors).padStart(8)}${String(t.non2xx).padStart(9)}`,
    );
  }
  console.log(`load test: ${report.failures} errors or non-2xx responses`);
}

main()
  .catch((error: unknown) => {
    const err = error as { code?: string; message?: string; details?: unknown };
    console.error(`error${err.code ? ` (${err.code})` : ""}: ${err.message ?? String(error)}`);
    if (err.details) console.error(JSON.stringify(err.details, null, 2));
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("../db/client");
    await closeDb();
  });
