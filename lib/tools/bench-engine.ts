import { performance } from "node:perf_hooks";
import { computeExposures } from "../engine/exposures";
import { generateSyntheticPositions } from "../engine/synthetic";

export interface BenchmarkResult {
  positions: number;
  avgTimeMs: number;
  minTimeMs: number;
  positionsPerSecond: number;
}

/** Times computeExposures over synthetic books; generation and one warm-up run are not timed. */
export async function benchmarkEngine(
  sizes: number[] = [10_000, 100_000, 1_000_000],
  iterations = 5,
): Promise<BenchmarkResult[]> {
  const results: BenchmarkResult[] = [];
  const runs = Math.max(1, Math.floor(iterations));
  for (const size of sizes) {
    const positions = generateSyntheticPositions(size);
    computeExposures(positions);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      computeExposures(positions);
      times.push(performance.now() - start);
      // Let the event loop breathe between runs so a caller's spinner or logger can update.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const avg = times.reduce((sum, t) => sum + t, 0) / times.length;
    results.push({
      positions: size,
      avgTimeMs: Math.round(avg * 100) / 100,
      minTimeMs: Math.round(Math.min(...times) * 100) / 100,
      positionsPerSecond: avg > 0 ? Math.round((size / avg) * 1000) : 0,
    });
  }
  return results;
}
