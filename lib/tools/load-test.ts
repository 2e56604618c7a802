import autocannon from "autocannon";
import { startAppServer } from "@/tests/support/app-server";
import { seedServedApp } from "./seed-served-app";

/** The floor every other figure is a ratio to: a `SELECT 1` through the framework, no sign-in. */
export const FLOOR_TARGET = "/api/health";

/**
 * The main read endpoints and the overview page: what a dashboard and its scripts hit all day.
 * `{runId}` is the seeded run. The snapshot reads (a stored run and what is built from it) come first.
 */
export const LOAD_TARGETS = [
  FLOOR_TARGET,
  "/api/exposures/latest",
  "/api/exposures/runs/{runId}",
  "/api/geographic",
  "/api/exposures/trend?dimensionType=state&dimensionValue=TX",
  "/api/dashboard",
  "/api/exports/exposures?runId={runId}&format=csv",
  "/api/alerts?status=open",
  "/api/positions?limit=50",
  "/",
] as const;

export interface LoadTestOptions {
  rows?: number;
  durationSec?: number;
  connections?: number;
}

export interface LoadTargetResult {
  path: string;
  requests: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  /** requestsPerSec as a share of the floor's (`/api/health`) in the same run, 0–1. */
  ofFloor: number;
}

export interface LoadTestReport {
  database: "postgres" | "pglite";
  rows: number;
  durationSec: number;
  connections: number;
  openAlerts: number;
  targets: LoadTargetResult[];
  /** errors + non-2xx over all targets: the load test passes only at 0. */
  failures: number;
}

// Bounds, so a typo cannot turn the test into a long or heavy one on a shared machine.
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

/**
 * A bounded load test of the production build on a throwaway database (loopback only): seed a
 * synthetic book with limits that breach, then, per target, one warm-up request and `durationSec`
 * seconds of `connections` concurrent viewers. Every request carries the viewer's credentials.
 */
export async function runLoadTest(
  options: LoadTestOptions = {},
  progress: (line: string) => void = () => {},
): Promise<LoadTestReport> {
  const rows = clamp(options.rows ?? 100_000, 1, 1_000_000);
  const durationSec = clamp(options.durationSec ?? 10, 1, 60);
  const connections = clamp(options.connections ?? 10, 1, 50);
  const server = await startAppServer("aker_loadtest");
  try {
    const base = new URL(server.baseUrl);
    if (base.hostname !== "127.0.0.1") throw new Error(`the load test only targets loopback, not ${base.hostname}`);
    // Strategy buckets of the synthetic book are 8–30 % and each state about 2 %: both limits breach.
    const seeded = await seedServedApp(
      server,
      rows,
      [
        { dimensionType: "strategy", thresholdPct: 20 },
        { dimensionType: "state", dimensionValue: "TX", thresholdPct: 1, severityLevel: "critical" },
      ],
      progress,
    );
    const headers = server.headers("viewer");
    const open = await fetch(`${server.baseUrl}/api/alerts?status=open`, { headers });
    const openAlerts = open.ok ? ((await open.json()) as { items: unknown[] }).items.length : 0;
    if (openAlerts === 0) throw new Error(`the seeded book raised no open alerts (GET /api/alerts: ${open.status})`);

    const targets: LoadTargetResult[] = [];
    for (const target of LOAD_TARGETS) {
      const path = target.replaceAll("{runId}", seeded.runId);
      const url = `${server.baseUrl}${path}`;
      const warm = await fetch(url, { headers });
      await warm.arrayBuffer();
      if (!warm.ok) throw new Error(`warm-up GET ${path}: ${warm.status}`);
      // A second of the same load first, so every target is measured warm (JIT, caches), not just the later ones.
      await autocannon({ url, headers, connections, duration: 1, timeout: 10 });
      progress(`load: GET ${target} for ${durationSec} s, ${connections} connections…`);
      const result = await autocannon({ url, headers, connections, duration: durationSec, timeout: 10 });
      const row: LoadTargetResult = {
        path: target,
        requests: result.requests.total,
        requestsPerSec: Math.round(result.requests.average),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        ofFloor: 1,
      };
      const floor = targets[0]?.requestsPerSec;
      if (floor) row.ofFloor = Math.round((row.requestsPerSec / floor) * 100) / 100;
      targets.push(row);
      progress(
        `load: GET ${target} ${row.requestsPerSec} req/s (${Math.round(row.ofFloor * 100)} % of health), p50 ${row.latencyP50Ms} ms, p99 ${row.latencyP99Ms} ms, ${row.errors + row.non2xx} failed`,
      );
    }
    const failures = targets.reduce((sum, t) => sum + t.errors + t.non2xx, 0);
    return { database: server.databaseConfig.kind, rows, durationSec, connections, openAlerts, targets, failures };
  } finally {
    await server.stop();
  }
}
