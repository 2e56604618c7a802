import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { closeDb, switchDatabase } from "../db/client";
import { createScratchDatabase } from "../db/scratch";
import { portfolioContext } from "../services/portfolios";
import { importPositions } from "../services/positions-import";

export interface ImportBenchmark {
  database: "postgres" | "pglite";
  rows: number;
  csvMegabytes: number;
  importSeconds: number;
  rowsPerSecond: number;
  /** Resident memory of this process in MiB (2^20 bytes): before the import, and its highest, sampled every 100 ms. */
  baselineRssMegabytes: number;
  peakRssMegabytes: number;
  /** The event loop's longest stall during the import: how long a request could wait for a turn. */
  longestStallMs: number;
  /** Postgres only: `psql \copy` of the same file into a table of the same columns (the floor). */
  psqlCopySeconds?: number;
  ratioToCopy?: number;
}

const run = promisify(execFile);
const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), "write-synthetic-csv.ts");
const seconds = (ms: number) => Math.round(ms / 10) / 100;
/** MiB (2^20 bytes), as the load test prints the app's memory. */
const megabytes = (bytes: number) => Math.round(bytes / 1048576);

// The file's columns (POSITION_COLUMNS, as positionsToCsv writes them), typed as the import's staging table.
const FLOOR_TABLE = `CREATE TABLE bench_copy_floor (position_id text, asset_id text, msa_id text, strategy text,
  state text, vintage int, construction_type text, rent_band text, position_value numeric(20, 2), units int,
  ownership_pct numeric(7, 4))`;

/**
 * A CSV import of `rows` synthetic positions on a throwaway database of the configured kind
 * (replace, reject: the stored path, parse to commit), against `psql \copy` of the same file.
 */
export async function benchmarkImport(
  rows: number,
  progress: (line: string) => void = () => {},
): Promise<ImportBenchmark> {
  const scratch = await createScratchDatabase("aker_bench_copy");
  const dir = await mkdtemp(path.join(os.tmpdir(), "aker-bench-copy-"));
  try {
    const db = await switchDatabase(scratch.config);
    const ctx = await portfolioContext();
    const file = path.join(dir, "positions.csv");
    // Made by another process: this one then holds what an upload brings, the file's bytes.
    await run(process.execPath, ["--import", "tsx", WRITER, String(rows), file], { maxBuffer: 1 << 20 });
    const data = new Uint8Array(await readFile(file));
    // Taken now: the import is handed the bytes (owned) and moves them to its parse worker.
    const csvBytes = data.byteLength;

    progress(`${db.kind}: importing a ${rows.toLocaleString("en-US")}-row CSV…`);
    // Run with --expose-gc to start from the memory the import itself needs.
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    // The histogram measures from its first tick: a stall before that would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    let importMs: number;
    try {
      await importPositions(
        ctx,
        { format: "csv", data, sourceName: "bench.csv", owned: true },
        { mode: "replace", onError: "reject" },
      );
      importMs = performance.now() - start;
    } finally {
      // …and records a stall when the loop next turns: let it turn once more before reading it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      stalls.disable();
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);

    const result: ImportBenchmark = {
      database: db.kind,
      rows,
      csvMegabytes: Math.round(csvBytes / 10_000) / 100,
      importSeconds: seconds(importMs),
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      baselineRssMegabytes: megabytes(baseline),
      peakRssMegabytes: megabytes(peak),
      longestStallMs: Math.round(stalls.max / 1e6),
    };
    if (scratch.config.kind !== "postgres") return result;

    progress("postgres: psql \\copy of the same file…");
    const url = scratch.config.url;
    await run("psql", [url, "-v", "ON_ERROR_STOP=1", "-qc", FLOOR_TABLE]);
    const copyStart = performance.now();
    await run("psql", [
      url,
      "-v",
      "ON_ERROR_STOP=1",
      "-qc",
      `\\copy bench_copy_floor FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ]);
    const copyMs = performance.now() - copyStart;
    return {
      ...result,
      psqlCopySeconds: seconds(copyMs),
      ratioToCopy: Math.round((importMs / copyMs) * 10) / 10,
    };
  } finally {
    await closeDb();
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
