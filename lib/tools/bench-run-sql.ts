import { performance } from "node:perf_hooks";
import { closeDb, getPrisma, switchDatabase } from "../db/client";
import { createScratchDatabase } from "../db/scratch";
import { generateSyntheticPositions } from "../engine/synthetic";
import type { Position } from "../engine/types";
import { portfolioContext } from "../services/portfolios";
import { computeRun, sumPositionGroups } from "../services/runs-compute";

export interface StoredRunBenchmark {
  database: "postgres" | "pglite";
  rows: number;
  runSeconds: number;
  /** The floor: the run's one GROUPING SETS query on its own, outside any transaction. */
  groupingSetsSeconds: number;
  /** runSeconds / groupingSetsSeconds. */
  ratio: number;
}

const CHUNK = 50_000;

// Straight into the table, bypassing the importer's parsing and validation: only the run is timed.
async function storeSyntheticPositions(portfolioId: string, rows: number): Promise<void> {
  const prisma = await getPrisma();
  const positions = generateSyntheticPositions(rows);
  for (let start = 0; start < positions.length; start += CHUNK) {
    const chunk = positions.slice(start, start + CHUNK);
    const col = <K extends keyof Position>(key: K) => chunk.map((p) => p[key]);
    await prisma.$executeRawUnsafe(
      `INSERT INTO positions (portfolio_id, position_id, asset_id, msa_id, strategy, state, vintage,
         construction_type, rent_band, position_value, units)
       SELECT $1::uuid, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
         $8::text[], $9::text[], $10::numeric[], $11::int[])`,
      portfolioId,
      col("positionId"),
      col("assetId"),
      col("msaId"),
      col("strategy"),
      col("state"),
      col("vintage"),
      col("constructionType"),
      col("rentBand"),
      chunk.map((p) => p.positionValue.toFixed(2)),
      col("units"),
    );
  }
  await prisma.$executeRawUnsafe("ANALYZE positions");
}

/** Milliseconds of the fastest of three runs, after one untimed warm-up. */
async function bestOfThree(work: () => Promise<unknown>): Promise<number> {
  await work();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * A stored run against its floor on a throwaway database of the configured kind: `rows` synthetic
 * positions, then computeRun (lock, one GROUPING SETS query, the engine, storing the run and
 * alerts) against that GROUPING SETS query alone. The ratio is what the run adds to the database's
 * own sum.
 */
export async function benchmarkStoredRun(
  rows: number,
  progress: (line: string) => void = () => {},
): Promise<StoredRunBenchmark> {
  const scratch = await createScratchDatabase("aker_bench_run");
  try {
    const db = await switchDatabase(scratch.config);
    const ctx = await portfolioContext();
    progress(`${db.kind}: storing ${rows.toLocaleString("en-US")} synthetic positions…`);
    await storeSyntheticPositions(ctx.portfolio.id, rows);
    progress(`${db.kind}: timing a stored run…`);
    const runMs = await bestOfThree(() => computeRun(ctx, { asOfDate: "2025-06-30" }));
    progress(`${db.kind}: timing the GROUPING SETS query alone…`);
    const prisma = await getPrisma();
    const floorMs = await bestOfThree(() => sumPositionGroups(prisma, ctx.portfolio.id));
    return {
      database: db.kind,
      rows,
      runSeconds: seconds(runMs),
      groupingSetsSeconds: seconds(floorMs),
      ratio: Math.round((runMs / floorMs) * 100) / 100,
    };
  } finally {
    await closeDb();
    await scratch.drop();
  }
}
