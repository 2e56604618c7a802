// `npm run cli -- <command>`: the service layer from the shell. Logs go to stderr at warn level
// unless LOG_LEVEL says otherwise, so stdout carries only the command's answer.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

process.env.LOG_LEVEL ??= "warn";
process.env.AKER_LOG_STDERR = "1";

const USAGE = `Usage: npm run cli -- <command> [options]   (every command takes --portfolio <slug>)

  import <file.csv|.json|.xlsx> [--mode replace|upsert] [--on-error reject|skip]
  compute [--as-of YYYY-MM-DD] [--no-alerts]        compute and store a run
  latest                                            the latest run's exposures
  limits                                            list limits
  limit:add --dimension strategy [--value value_add] --pct 30 [--type maximum|minimum] [--severity warning|critical]
  alerts [--status active|acknowledged|resolved|open]
  ack <alertId> --by <name> [--comment text]
  resolve <alertId> [--by <name>] [--comment text]
  export exposures|positions [--format csv|json|xlsx] [--out file]
  bench [--json] [--sizes 10000,100000,1000000] [--iterations 5] [--no-db] [--db-rows 100000] [--pages]
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
    by: { type: "string" },
    comment: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    sizes: { type: "string" },
    iterations: { type: "string" },
    "no-db": { type: "boolean" },
    "db-rows": { type: "string" },
    pages: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

const print = (value: unknown) => console.log(typeof value === "string" ? value : JSON.stringify(value, null, 2));

async function main(): Promise<void> {
  const [command, ...args] = positionals;
  const portfolio = opts.portfolio;
  if (command === "weights") {
    const { readPageWeights } = await import("./page-weights");
    const weights = await readPageWeights();
    if (opts.json) return print(weights);
    console.log("page                          first-load JS   gzip");
    for (const w of weights) console.log(`${w.route.padEnd(30)}${`${w.firstLoadKb} kB`.padStart(13)}${`${w.firstLoadGzipKb} kB`.padStart(10)}`);
    return;
  }
  const lib = await import("./index");
  switch (command) {
    case "import": {
      const file = args[0];
      if (!file) throw new Error("import needs a file: npm run cli -- import positions.csv");
      const extension = path.extname(file).slice(1).toLowerCase();
      const format = extension === "xlsx" ? "xlsx" : extension === "json" ? "json" : "csv";
      const data = format === "xlsx" ? new Uint8Array(await readFile(file)) : await readFile(file, "utf8");
      const options = lib.importOptionsSchema.parse({ mode: opts.mode, onError: opts["on-error"] });
      return print(await lib.importPositions({ format, data, sourceName: path.basename(file) }, options, portfolio));
    }
    case "compute":
      return print(summarizeRun(await lib.computeRun({ asOfDate: opts["as-of"], includeAlerts: !opts["no-alerts"] }, portfolio)));
    case "latest":
      return print(await lib.getRunOrThrow(undefined, portfolio));
    case "limits":
      return print((await lib.listThresholds(portfolio)).items);
    case "limit:add":
      return print(
        await lib.createThreshold(
          {
            dimensionType: opts.dimension as never,
            dimensionValue: opts.value ?? null,
            thresholdPct: Number(opts.pct),
            thresholdType: (opts.type ?? "maximum") as never,
            severityLevel: (opts.severity ?? "warning") as never,
          },
          portfolio,
        ),
      );
    case "alerts":
      return print((await lib.listAlerts(lib.alertListSchema.parse({ status: opts.status }), portfolio)).items);
    case "ack":
      return print(await lib.acknowledgeAlert(args[0] ?? "", lib.acknowledgeSchema.parse({ by: opts.by, comment: opts.comment }), portfolio));
    case "resolve":
      return print(await lib.resolveAlert(args[0] ?? "", lib.resolveSchema.parse({ by: opts.by, comment: opts.comment }), portfolio));
    case "export": {
      const format = lib.exportQuerySchema.shape.format.parse(opts.format);
      const file = args[0] === "positions" ? await lib.exportPositions(format, portfolio) : await lib.exportExposures(undefined, format, portfolio);
      if (opts.out) {
        await writeFile(opts.out, file.body);
        return print(`wrote ${opts.out}`);
      }
      return void process.stdout.write(typeof file.body === "string" ? file.body : Buffer.from(file.body));
    }
    case "bench":
      return runBench(lib);
    case "migrate": {
      const db = await lib.getDb();
      return print(`database ready (${db.kind})`);
    }
    default:
      print(USAGE);
      if (command && command !== "help") process.exitCode = 2;
  }
}

function summarizeRun(run: Awaited<ReturnType<(typeof import("./index"))["computeRun"]>>) {
  const { exposures, ...rest } = run;
  return { ...rest, exposureRows: exposures.length };
}

async function runBench(lib: typeof import("./index")): Promise<void> {
  const sizes = (opts.sizes ?? "10000,100000,1000000").split(",").map((s) => Number(s.trim()));
  const iterations = Number(opts.iterations ?? 5);
  if (!opts.json) console.error(`engine: ${sizes.join(", ")} positions, ${iterations} timed runs each…`);
  const engine = await lib.benchmarkEngine(sizes, iterations);
  const database = opts["no-db"] ? undefined : await lib.benchmarkDatabase(Number(opts["db-rows"] ?? 100_000), (line) => !opts.json && console.error(line));
  const log = (line: string) => !opts.json && console.error(line);
  const pages = opts.pages ? await (await import("./bench-pages")).benchmarkPages(Number(opts["db-rows"] ?? 100_000), 5, log) : undefined;
  if (opts.json) return print({ engine, database, pages });
  for (const r of engine) {
    console.log(`${String(r.positions).padStart(9)} positions  avg ${r.avgTimeMs.toFixed(2)} ms  ${r.positionsPerSecond.toLocaleString("en-US")} positions/s`);
  }
  if (database) console.log(JSON.stringify(database, null, 2));
  if (pages) for (const p of pages.pages) console.log(`page ${p.path.padEnd(18)} median ${p.medianMs} ms, max ${p.maxMs} ms (${pages.rows.toLocaleString("en-US")} positions)`);
}

main()
  .catch((error: unknown) => {
    const err = error as { code?: string; message?: string; details?: unknown };
    console.error(`error${err.code ? ` (${err.code})` : ""}: ${err.message ?? String(error)}`);
    if (err.details) console.error(JSON.stringify(err.details, null, 2));
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("./db/client");
    await closeDb();
  });
