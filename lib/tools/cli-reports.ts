// The shell's measuring commands (bench, loadtest, weights): run them and print their figures,
// as a table for people or as JSON (--json) for scripts.

import { print, type ToolOptions } from "./cli-options";

export async function printWeights(opts: ToolOptions): Promise<void> {
  const { readPageWeights } = await import("./page-weights");
  const weights = await readPageWeights();
  if (opts.json) return print(weights);
  console.log("page                          first-load JS   gzip");
  for (const w of weights)
    console.log(`${w.route.padEnd(30)}${`${w.firstLoadKb} kB`.padStart(13)}${`${w.firstLoadGzipKb} kB`.padStart(10)}`);
}

export async function runBench(opts: ToolOptions): Promise<void> {
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
  if (database) {
    const { import: imp, run } = database;
    console.log(
      `${imp.database}: import of ${imp.rows.toLocaleString("en-US")} rows (${imp.csvMegabytes} MB CSV): ${imp.importSeconds} s, ` +
        `${imp.rowsPerSecond.toLocaleString("en-US")} rows/s, peak RSS ${imp.peakRssMegabytes} MiB, longest event-loop stall ${imp.longestStallMs} ms` +
        (imp.psqlCopySeconds === undefined
          ? ""
          : `; psql \\copy ${imp.psqlCopySeconds} s (${imp.ratioToCopy}× the floor)`),
    );
    console.log(
      `${run.database}: stored run over ${run.rows.toLocaleString("en-US")} positions: ${run.runSeconds} s; ` +
        `its GROUPING SETS query alone ${run.groupingSetsSeconds} s (${run.ratio}× the floor)`,
    );
  }
  if (pages)
    for (const p of pages.pages)
      console.log(
        `page ${p.path.padEnd(18)} median ${p.medianMs} ms, max ${p.maxMs} ms (${pages.rows.toLocaleString("en-US")} positions)`,
      );
}

export async function runLoadTest(opts: ToolOptions): Promise<void> {
  const { runLoadTest: run } = await import("./load-test");
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const report = await run(
    {
      rows: number(opts.rows),
      durationSec: number(opts.duration),
      connections: number(opts.connections),
      importRows: number(opts["import-rows"]),
      xlsxRows: number(opts["xlsx-rows"]),
    },
    (line) => !opts.json && console.error(line),
  );
  if (report.failures > 0) process.exitCode = 1;
  if (opts.json) return print(report);
  console.log(
    `load test: ${report.rows.toLocaleString("en-US")} positions, ${report.openAlerts} open alerts, ${report.database}, ` +
      `${report.durationSec} s per target, ${report.connections} connections`,
  );
  console.log(
    `${"GET".padEnd(58)}${"req/s".padStart(8)}${"health".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"requests".padStart(10)}${"errors".padStart(8)}${"non-2xx".padStart(9)}`,
  );
  for (const t of report.targets) {
    console.log(
      `${t.path.padEnd(58)}${String(t.requestsPerSec).padStart(8)}${`${Math.round(t.ofFloor * 100)} %`.padStart(8)}${String(t.latencyP50Ms).padStart(9)}${String(t.latencyP99Ms).padStart(9)}` +
        `${String(t.requests).padStart(10)}${String(t.errors).padStart(8)}${String(t.non2xx).padStart(9)}`,
    );
  }
  for (const d of report.duringUploads) {
    const rss = d.serverRssMegabytes
      ? `, app RSS ${d.serverRssMegabytes.before} → ${d.serverRssMegabytes.peak} MiB`
      : "";
    console.log(`during the ${d.upload} (${d.uploadSeconds} s, answered ${d.uploadStatus}${rss}):`);
    for (const r of d.reads)
      console.log(
        `  GET ${r.path.padEnd(24)} p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, max ${r.latencyMaxMs} ms, ${r.requests} requests, ${r.failed} failed`,
      );
  }
  console.log(`load test: ${report.failures} errors or non-2xx responses`);
}
