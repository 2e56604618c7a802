import { performance } from "node:perf_hooks";
import { closeDb, switchDatabase } from "../db/client";
import { createScratchDatabase } from "../db/scratch";
import { generateSyntheticPositions } from "../engine/synthetic";
import { positionsToCsv } from "../export";
import { portfolioContext } from "../services/portfolios";
import { importPositions } from "../services/positions-import";
import { computeRun } from "../services/runs-compute";

export interface DatabaseBenchmark {
  database: "postgres" | "pglite";
  rows: number;
  csvMegabytes: number;
  importSeconds: number;
  runSeconds: number;
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;

/**
 * The full stored path on a throwaway database of the configured kind: import a CSV of `rows`
 * positions (parse, validate, one transaction) and compute a stored run over them.
 */
export async function benchmarkDatabase(
  rows = 100_000,
  progress: (line: string) => void = () => {},
): Promise<DatabaseBenchmark> {
  const scratch = await createScratchDatabase("aker_bench");
  try {
    const db = await switchDatabase(scratch.config);
    const ctx = await portfolioContext();
    const csv = positionsToCsv(generateSyntheticPositions(rows));
    progress(`${db.kind}: importing a ${rows.toLocaleString("en-US")}-row CSV…`);
    let start = performance.now();
    await importPositions(
      ctx,
      { format: "csv", data: csv, sourceName: "bench.csv" },
      { mode: "replace", onError: "reject" },
    );
    const importMs = performance.now() - start;
    progress(`${db.kind}: computing a stored run…`);
    start = performance.now();
    await computeRun(ctx, { asOfDate: "2025-06-30" });
    const runMs = performance.now() - start;
    return {
      database: db.kind,
      rows,
      csvMegabytes: Math.round(csv.length / 10_000) / 100,
      importSeconds: seconds(importMs),
      runSeconds: seconds(runMs),
    };
  } finally {
    await closeDb();
    await scratch.drop();
  }
}
