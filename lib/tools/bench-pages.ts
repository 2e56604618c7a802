import { performance } from "node:perf_hooks";
import { startAppServer } from "@/tests/support/app-server";
import { seedServedApp } from "./seed-served-app";

export interface PageTiming {
  path: string;
  medianMs: number;
  maxMs: number;
}

const PAGES = ["/", "/exposures/state", "/exposures/msa", "/trends", "/limits", "/alerts", "/positions"];

/**
 * Server render time of every page of the production build for a portfolio of `rows` positions,
 * after a run: the built app on a throwaway database, the book seeded over HTTP (seedServedApp),
 * then each page fetched `repeat` times (after one warm-up) until its full HTML has arrived.
 */
export async function benchmarkPages(
  rows = 100_000,
  repeat = 5,
  progress: (line: string) => void = () => {},
): Promise<{ rows: number; pages: PageTiming[] }> {
  // Each page is timed as it renders: the overview's page cache (lib/http/page-cache.ts) would
  // answer all but the first fetch from memory.
  const server = await startAppServer("aker_bench_pages", { env: { AKER_PAGE_CACHE: "0" } });
  try {
    await seedServedApp(server, rows, [{ dimensionType: "state", thresholdPct: 10 }], progress);
    const pages: PageTiming[] = [];
    for (const path of PAGES) {
      const times: number[] = [];
      for (let i = 0; i <= repeat; i++) {
        const start = performance.now();
        const res = await fetch(`${server.baseUrl}${path}`, { headers: server.headers("viewer") });
        await res.text();
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        if (i > 0) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      pages.push({
        path,
        medianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0),
        maxMs: Math.round(times[times.length - 1] ?? 0),
      });
      progress(`pages: ${path} ${pages[pages.length - 1]?.medianMs} ms`);
    }
    return { rows, pages };
  } finally {
    await server.stop();
  }
}
